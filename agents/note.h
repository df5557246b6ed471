/* note.h: the agent's note on a call and the call's disposition. The note
 * is sent to the core as it is typed, at most once a second, and when the
 * agent leaves the editor; the text stays in the editor whatever the core
 * says (a core without notes answers unknown-request: a quiet line). */
#ifndef CZ_AGENT_NOTE_H
#define CZ_AGENT_NOTE_H

#include <jansson.h>
#include "console.h"

/* The text changed. */
void	note_edited(struct console *);
/* Sends the text now if it changed and there is a call to file it under. */
void	note_flush(struct console *);
/* Sends it if it changed and the last send is a second old. */
void	note_tick(struct console *, uint64_t now);
/* ms until note_tick has something to do, or -1. */
int	note_timeout(const struct console *, uint64_t now);
/* A call connects: the note goes with it (a saved note for another call
 * is cleared first; an unsaved one is kept). */
void	note_new_call(struct console *, const char *call);
void	note_clear(struct console *);
void	note_disposition(struct console *, const char *code);
/* The reply to a note or disposition request (kind: enum session_req). */
void	note_reply(struct console *, int kind, const char *arg, json_t *reply);

/* The contact ({note, disposition}) the login reply gives for the call. */
void	note_take_contact(struct console *, json_t *contact);

#endif
