/* media.h: the 20 ms media tick and what it does for each call: tones,
 * prompts and music on hold to the caller, DTMF detection, the bridge
 * between the caller's timeslot and the headsets joined to the call (the
 * agent; supervisors listening, whispering or barging in), hold, mute,
 * and the recording tap. Everything runs on the span's clock. */
#ifndef CZ_MEDIA_H
#define CZ_MEDIA_H

#include <stdint.h>
#include "amd.h"
#include "record.h"

struct span;
struct call;
struct endpoint;

#define MEDIA_MEMBERS	6	/* headsets joined to one call */

enum media_tone { MEDIA_RINGBACK, MEDIA_BUSY, MEDIA_CONGESTION };

enum media_role {
	MEDIA_AGENT,		/* hears the caller; the caller hears it */
	MEDIA_LISTEN,		/* hears everyone; nobody hears it */
	MEDIA_WHISPER,		/* hears everyone; only the agent hears it */
	MEDIA_BARGE,		/* hears everyone; everyone hears it */
	MEDIA_CONSULT		/* while the caller is held: the agent and
				   it hear each other, nobody else hears it */
};

typedef void	(*media_done_fn)(struct call *);
typedef void	(*media_digit_fn)(struct call *, int digit);

void		 media_tick(struct span *, const uint8_t *rx, uint8_t *tx);
void		 media_call_free(struct call *);

/* Plays NAMES (prompt names, in the call's language) to the caller, in
 * place of anything else they hear, then calls DONE (may be NULL). */
void		 media_play(struct call *, const char *const *names, int n,
		    media_done_fn done);
void		 media_play_stop(struct call *);
int		 media_playing(struct call *);
/* Digits the caller sends (in the audio, or as Q.931 keypad) go to FN;
 * NULL stops detection. */
void		 media_detect_dtmf(struct call *, media_digit_fn fn);
void		 media_digit(struct call *, int digit);
/* Answering-machine detection (amd.h) on what the called party says,
 * from now: DONE gets the decided detector once, after the frame that
 * decided. CFG NULL stops it. */
typedef void	(*media_amd_fn)(struct call *, const struct amd *);
void		 media_detect_amd(struct call *, const struct amd_cfg *,
		    media_amd_fn done);

/* Joins a headset to the call in ROLE (or changes its role). -1 when the
 * call has no room. A headset is joined to one call at a time. */
int		 media_join(struct call *, struct endpoint *, enum media_role);
void		 media_leave(struct call *, struct endpoint *);
void		 media_leave_all(struct call *);
void		 media_hold(struct call *, int on);
/* Busy or congestion tone to the caller, over everything, until the call
 * ends (MEDIA_RINGBACK: none). */
void		 media_signal(struct call *, enum media_tone);
/* An outside party is being rung for the caller: they hear ringback. */
void		 media_ringing(struct call *, int on);
/* DTMF digits (0-9 * # A-D) to the caller, in place of what they hear. */
void		 media_send_dtmf(struct call *, const char *digits);
void		 media_mute(struct call *, int on);
int		 media_held(struct call *);
int		 media_muted(struct call *);

/* Starts writing the call's audio to PATH in CODEC. -1 with err when the file
 * cannot be made. The recording stops at media_record_stop or when the
 * call ends; if a write fails, FAILED is called once (the call goes on). */
typedef void	(*media_record_fn)(struct call *, const char *error);
int		 media_record_start(struct call *, const char *path,
		    enum record_mode, enum record_codec,
		    media_record_fn failed, char *err, size_t errlen);
int		 media_record_stop(struct call *, char *err, size_t errlen);
void		 media_record_pause(struct call *, int paused);
int		 media_recording(struct call *);	/* 0, 1, or 2 = paused */

#endif
