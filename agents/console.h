/* console.h: the agent console's state, one struct owned by agent-main.c
 * and acted on by the other files: the credentials and the link to the
 * core (session.c), the agent and the call as the core's events tell them
 * (event.c), the note (note.c), what is on screen (view.c, login.c) and
 * what is on top of it: a pick list, a prompt, the help (keys.c). */
#ifndef CZ_AGENT_CONSOLE_H
#define CZ_AGENT_CONSOLE_H

#include <stdint.h>
#include <jansson.h>
#include "ask.h"
#include "bar.h"
#include "editor.h"
#include "form.h"
#include "input.h"
#include "pick.h"
#include "prompt.h"

#define CONSOLE_PENDING_MAX	64
#define CONSOLE_ID_MAX		72

enum console_link {
	LINK_DOWN,		/* no socket; retry_at says when to try */
	LINK_OPEN,		/* connected, not (yet) logged in */
	LINK_UP			/* logged in as the agent */
};

enum console_screen {
	SCREEN_LOGIN,
	SCREEN_MAIN
};

enum console_modal {
	MODAL_NONE,
	MODAL_HELP,
	MODAL_PICK,		/* pick_kind says what for */
	MODAL_PROMPT,		/* prompt_kind says what for */
	MODAL_ASK,		/* ask_kind says what for */
	MODAL_FORM		/* the customer form */
};

enum console_pick_kind {
	PICK_REASON,		/* not ready now, why */
	PICK_AFTER,		/* what after this call */
	PICK_AFTER_REASON,	/* not ready after this call, why */
	PICK_DISPOSITION,
	PICK_TRANSFER,		/* transfer or consult, to what */
	PICK_CUSTOMER_MENU,	/* search, new, edit this one */
	PICK_CUSTOMER,		/* one of the search's results */
	PICK_CALLBACK_FOR	/* me or anyone */
};

enum console_ask_kind {
	ASK_DIAL,		/* a number to call */
	ASK_DTMF,		/* digits to send the caller */
	ASK_TRANSFER,		/* the queue, agent or number */
	ASK_SEARCH,		/* a customer: name, number or #id */
	ASK_CB_NUMBER,		/* a callback: the number */
	ASK_CB_WHEN,		/* ... when */
	ASK_CB_NOTE,		/* ... and why */
	ASK_DISPOSITION		/* a code, when this console has no list */
};

/* Where a consultation stands, on the agent's screen. */
enum console_consult {
	CONSULT_NONE,
	CONSULT_RINGING,
	CONSULT_TALKING,
	CONSULT_CONFERENCE
};

enum console_prompt_kind {
	PROMPT_QUIT,
	PROMPT_REPLACED,	/* the session was taken over: exit */
	PROMPT_CLEAR_NOTE,
	PROMPT_NOTICE,
	PROMPT_CUSTOMER		/* a customer's card: e edits, l links */
};

#define CONSOLE_FORM_FIELDS	5	/* name, company, phone, phone2, email */

enum console_call_phase {
	PHASE_NONE,
	PHASE_OFFERED,
	PHASE_CONNECTED,
	PHASE_ENDED
};

/* The call on screen: offered, on, or just ended. */
struct console_call {
	enum console_call_phase	 phase;
	char			 id[CONSOLE_ID_MAX];
	char			 cli[64], dnis[64], queue[64];
	char			 ivr[256];
	int			 wait_s, timeout_s;
	json_t			*vars;		/* object or NULL */
	json_t			*customer;	/* object or NULL */
	json_t			*dispositions;	/* array or NULL */
	uint64_t		 since;		/* mono us: phase began */
	uint64_t		 talk_us;	/* connected time, once ended */
	int			 held, muted;
	char			 recording[16];
	char			 ended[96];	/* why it ended */
	char			 disposition[64];	/* the one the core took */
	int			 dispo_required;	/* wrap-up waits for one */
	char			 direction[8];	/* "in", "out" */
	char			 progress[16];	/* our own call: dialing, ringing */
	enum console_consult	 consult;
	char			 consult_with[64];	/* "number:...", "agent:..." */
	char			 consult_id[CONSOLE_ID_MAX];	/* its call */
	char			 consult_progress[16];	/* dialing, ringing */
	char			 consult_from[32];	/* consulted by this agent */
};

/* The waiting line of one of the agent's queues, from queue events. */
#define CONSOLE_LINES_MAX	8
struct console_line {
	char		name[32];
	int		waiting;
	uint64_t	oldest_since;	/* mono us: the longest waiter came */
};

/* A request waiting for its reply. */
struct console_pending {
	int	id;
	int	kind;			/* enum session_req */
	char	arg[CONSOLE_ID_MAX];
};

struct console {
	/* Who we are, from the command line or the login screen. */
	const char		*socket_path;
	char			 agent[32];
	char			 pin[64];
	int			 have_pin;
	int			 want_login;	/* log in once connected */
	int			 creds_ok;	/* logged in with these once */

	/* The link (session.c). */
	struct cli		*cli;
	enum console_link	 link;
	uint64_t		 retry_at;	/* mono us */
	int			 retry_s;
	int			 tries;
	int			 was_up;	/* the link was lost, not never made */
	struct console_pending	 pending[CONSOLE_PENDING_MAX];

	/* The agent, as the core says. */
	char			 name[128];
	char			 state[24];
	char			 reason[64];
	uint64_t		 state_since;
	uint64_t		 wrap_end;	/* mono us; 0: not told */
	int			 wrap_waiting;	/* wrapup_s -1: for a disposition */
	char			 queues[256];
	char			*reasons[16];
	int			 nreasons;
	char			 after[CONSOLE_ID_MAX];	/* the after-call choice made */
	struct console_call	 call;

	/* The note, kept whatever happens to the link or the screen. */
	struct tui_editor	 note;
	char			 note_call[CONSOLE_ID_MAX];
	int			 note_dirty;	/* edited since last sent */
	int			 note_gen;	/* counts edits */
	int			 note_saved;	/* the core took this text */
	uint64_t		 note_sent_at;
	int			 note_unsupported;

	/* The screen. */
	enum console_screen	 screen;
	int			 editing;	/* keys go to the note */
	struct tui_input	 login_id, login_pin, login_queues;
	int			 login_field;	/* 0 id, 1 PIN, 2 queues */
	char			 want_queues[128];	/* "" = all of them */
	char			 login_error[512];
	enum console_modal	 modal;
	int			 help_top;	/* the help's first row shown */
	enum console_pick_kind	 pick_kind;
	struct tui_pick		 pick;
	enum console_prompt_kind prompt_kind;
	struct tui_prompt	 prompt;
	enum console_ask_kind	 ask_kind;
	struct tui_ask		 ask;

	/* Dialogs of several steps. */
	char			 xfer_req[16];	/* "transfer" or "consult" */
	char			 xfer_kind[8];	/* "queue", "agent", "number" */
	char			 last_dialled[32];
	char			 cb_number[32], cb_when[32], cb_note[256];
	json_t			*form;		/* the customer being edited: id, fields */
	struct tui_form		 custform;	/* ... and what is typed */
	json_t			*shown;		/* the customer on the card */
	json_t			*found;		/* the last search's customers */
	struct console_line	 lines[CONSOLE_LINES_MAX];	/* queue events */
	int			 nlines;
	json_t			*stats;		/* the last my-stats reply */
	uint64_t		 stats_at;	/* mono us */
	int			 help;		/* asked a supervisor for help */
	char			 status[256];
	enum tui_level		 status_level;
	uint64_t		 status_until;
	char			 message[512];	/* from a supervisor */
	uint64_t		 message_at;
	int			 dirty;		/* redraw */
	int			 quit;
	const char		*exit_why;
	uint64_t		 exit_at;	/* mono us: quit by itself then */
};

void	console_init(struct console *, const char *socket_path);
void	console_free(struct console *);
/* A line on the status bar, for a while. */
void	console_status(struct console *, enum tui_level, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	console_set_reasons(struct console *, json_t *array);
/* Forgets the call on screen. */
void	console_call_clear(struct console *);
/* The call (re)starts: phase, id, and where it was seen. */
void	console_call_fill(struct console *, json_t *ev, enum console_call_phase);
int	console_in_state(const struct console *, const char *);
/* wrapup_s of agent_state or the login reply: the countdown, or waiting
 * for a disposition (-1). */
void	console_set_wrapup(struct console *, json_t *secs);
/* The call just ended needs a disposition before anything else. */
int	console_dispo_due(const struct console *);
/* Copies the string member KEY of EV into DST; leaves DST when absent. */
void	console_copy(char *dst, size_t len, json_t *ev, const char *key);
/* A queue's waiting line changed (queue event, my-stats). */
void	console_line_set(struct console *, const char *queue, int waiting,
	    int longest_wait_s);
/* "sales 3 (1:05), support 1 (0:12)": the queues with callers waiting. */
void	console_lines_text(const struct console *, char *buf, size_t len);
/* One line of a customer's history: "23.11 08:02 in sales 1001 sale:
 * the note". */
void	console_history_line(json_t *history, char *buf, size_t len);
/* On a call or ringing: quitting now would drop it. */
int	console_busy(const struct console *);
/* "1:02:03" or "02:03" for a number of seconds. */
const char *console_duration(uint64_t seconds, char *buf, size_t len);

#endif
