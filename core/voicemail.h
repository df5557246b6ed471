/* voicemail.h: a caller leaves a message in a box (voicemail:BOX, e.g.
 * out of hours): a prompt and a beep, then the caller's voice until the
 * hash key, VOICEMAIL_MAX_S, or hang-up (the usual way to finish), into
 * STATE/voicemail/BOX/CALL.wav and a row of the voicemail table. */
#ifndef CZ_VOICEMAIL_H
#define CZ_VOICEMAIL_H

#define VOICEMAIL_MAX_S	180

struct call;

void	voicemail_start(struct call *, const char *box);
/* The call ends: a message being recorded is kept. */
void	voicemail_call_end(struct call *);

#endif
