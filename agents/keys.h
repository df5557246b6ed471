/* keys.h: the console's keymap, a table: function key, letter, label for
 * the key bar, help text, when it applies, and the action. Also what is on
 * top of the screen (pick lists, prompts, the help) and their keys. */
#ifndef CZ_AGENT_KEYS_H
#define CZ_AGENT_KEYS_H

#include "bar.h"
#include "console.h"

/* When a key applies (and shows in the key bar). */
#define KEYS_IDLE	0x01	/* ready or not ready, no call */
#define KEYS_RINGING	0x02
#define KEYS_ON_CALL	0x04
#define KEYS_WRAP	0x08
#define KEYS_DISPO	0x10	/* the ended call has dispositions */
#define KEYS_CONSULT	0x20	/* a consultation is on */
#define KEYS_MSG	0x40	/* a supervisor's message is shown */
#define KEYS_REDIAL	0x80	/* idle, with a number dialled before */
#define KEYS_ALL	(KEYS_IDLE | KEYS_RINGING | KEYS_ON_CALL | KEYS_WRAP | \
			 KEYS_DISPO | KEYS_CONSULT)

struct keys_entry {
	int		 fkey;		/* KEY_F(n), or 0 */
	int		 letter;
	const char	*label;
	const char	*help;
	int		 when;		/* KEYS_*: 0 = never in the bar */
	int		 prio;		/* 1 kept longest in the bar, 3 dropped first */
	void		(*fn)(struct console *);
};

extern const struct keys_entry	keys_table[];
extern const int		keys_count;

/* One key press, wherever the console is. */
void	keys_handle(struct console *, const struct tui_key *);
/* The key bar for now, fitting width cells: fills out (at most max) and
 * returns how many. */
int	keys_bar(const struct console *, struct tui_barkey *out, int max,
	    int width);
void	keys_prompt(struct console *, enum console_prompt_kind,
	    const char *title, const char *text, const char *keys);
void	keys_pick_disposition(struct console *);
void	keys_pick_open(struct console *, enum console_pick_kind,
	    const char *title, char **items, int n);

#endif
