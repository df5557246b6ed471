/* desk.h: the agent's desk beyond answering: dialling (and redialling),
 * DTMF, transfers and consultations, the customer record (search, new,
 * edit, link to the call), callbacks for later, the agent's own figures
 * and the help flag. Each is a short dialog of asks and pick lists; each
 * ends in a request whose reply comes back to desk_reply(). */
#ifndef CZ_AGENT_DESK_H
#define CZ_AGENT_DESK_H

#include <jansson.h>
#include "console.h"

void	desk_dial(struct console *);
void	desk_redial(struct console *);
void	desk_dtmf(struct console *);
void	desk_disposition_ask(struct console *);
/* The disposition list of the call on screen, if it has one. */
void	desk_pick_disposition(struct console *);
void	desk_transfer(struct console *);
void	desk_consult_complete(struct console *);
void	desk_consult_cancel(struct console *);
void	desk_conference(struct console *);
void	desk_customer(struct console *);
void	desk_callback(struct console *);
/* The callback dialog for a known number (+E.164 taken as 00...), asking
 * when, in secs by default. */
void	desk_callback_at(struct console *, const char *number, int secs);
void	desk_figures(struct console *);
/* Asks for the figures again for the panel, without showing a box. */
void	desk_figures_quiet(struct console *);
/* The figures as lines of text ("" before the first reply), with a line
 * per queue when queues is set. */
void	desk_stats_text(const struct console *, char *text, size_t len,
	    int queues);
void	desk_help_flag(struct console *);

/* The customer form was given (F2, or Enter on its last field). */
void	desk_form_done(struct console *);
/* A prompt of desk.c's (a customer's card) was answered with a key. */
void	desk_prompted(struct console *, enum console_dialog, int answer);
/* A pick list of desk.c's was answered (item "" = cancelled). */
void	desk_picked(struct console *, enum console_dialog, int sel,
	    const char *item);
/* An ask was answered (text NULL = cancelled). */
void	desk_asked(struct console *, enum console_dialog, const char *text);
/* The reply to a desk request (kind: enum session_req). */
void	desk_reply(struct console *, int kind, const char *arg, json_t *r);

#endif
