/* console.h: the agent console, in three parts: the model (model.h: what
 * the core told it, written by event.c and reply.c through model.c),
 * the views (view.c, login.c, help.c: drawing, reading the model) and
 * the input (keys.c, desk.c, note.c: keys to requests and dialogs; the
 * keymap a table in keydef.c). This struct holds the model and what is the console's
 * own: the credentials and the link (session.c), the note (note.c), and
 * what is on screen and on top of it (one dialog, the form, the help). */
#ifndef CZ_AGENT_CONSOLE_H
#define CZ_AGENT_CONSOLE_H

#include <stdint.h>
#include <jansson.h>
#include "dialog.h"
#include "editor.h"
#include "form.h"
#include "input.h"
#include "model.h"
#include "status.h"

#define CONSOLE_PENDING_MAX	64
#define CONSOLE_ID_MAX		MODEL_ID_MAX

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
	MODAL_DIALOG,		/* c->dialog; its purpose says what for */
	MODAL_FORM		/* the customer form */
};

/* What a dialog is for (its purpose): pick lists, prompts, asks. */
enum console_dialog {
	PICK_REASON,		/* not ready now, why */
	PICK_AFTER,		/* what after this call */
	PICK_AFTER_REASON,	/* not ready after this call, why */
	PICK_DISPOSITION,
	PICK_TRANSFER,		/* transfer or consult, to what */
	PICK_CUSTOMER_MENU,	/* search, new, edit this one */
	PICK_CUSTOMER,		/* one of the search's results */
	PICK_CALLBACK_FOR,	/* me or anyone */
	PICK_SKIP_REASON,	/* a previewed record skipped, why */
	PROMPT_QUIT,
	PROMPT_REPLACED,	/* the session was taken over: exit */
	PROMPT_CLEAR_NOTE,
	PROMPT_NOTICE,
	PROMPT_CUSTOMER,	/* a customer's card: e edits, l links */
	ASK_DIAL,		/* a number to call */
	ASK_DTMF,		/* digits to send the caller */
	ASK_TRANSFER,		/* the queue, agent or number */
	ASK_SEARCH,		/* a customer: name, number or #id */
	ASK_CB_NUMBER,		/* a callback: the number */
	ASK_CB_WHEN,		/* ... when */
	ASK_CB_NOTE,		/* ... and why */
	ASK_DISPOSITION		/* a code, when this console has no list */
};

#define CONSOLE_FORM_FIELDS	5	/* name, company, phone, phone2, email */

/* The login screen's fields and what the last try came to (login.c). */
struct console_login {
	struct tui_input	id, pin, queues;
	int			field;		/* 0 id, 1 PIN, 2 queues */
	char			error[512];
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

	/* What the core said (model.c). */
	struct console_model	 m;

	/* The note (note.c), kept whatever happens to the link or screen. */
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
	struct console_login	 login;
	char			 want_queues[128];	/* "" = all of them */
	enum console_modal	 modal;
	int			 help_top;	/* the help's first row shown */
	int			 script_top;	/* the campaign script's first row */
	struct tui_dialog	 dialog;	/* purpose: enum console_dialog */
	struct tui_form		 custform;	/* the customer form as typed */
	struct tui_status	 status;

	/* Dialogs of several steps (desk.c). */
	char			 xfer_req[16];	/* "transfer" or "consult" */
	char			 xfer_kind[8];	/* "queue", "agent", "number" */
	char			 last_dialled[32];
	char			 cb_number[32], cb_when[32], cb_note[256];
	json_t			*form;		/* the customer being edited: id, fields */
	json_t			*shown;		/* the customer on the card */
	json_t			*found;		/* the last search's customers */

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
/* Opens a dialog over the screen, for purpose. */
void	console_pick(struct console *, enum console_dialog, const char *title,
	    char *const *items, int n);
void	console_prompt(struct console *, enum console_dialog, const char *title,
	    const char *text, const char *keys);
void	console_ask(struct console *, enum console_dialog, const char *title,
	    const char *hint, const char *value);
/* Closes the dialog or the form on top. */
void	console_modal_close(struct console *);
/* Copies the string member KEY of EV into DST; leaves DST when absent. */
void	console_copy(char *dst, size_t len, json_t *ev, const char *key);
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
