/* call.h: one call's life from SETUP to its CDR. */
#ifndef CZ_CALL_H
#define CZ_CALL_H

#include <stdint.h>
#include <sys/queue.h>
#include <event2/event.h>
#include <jansson.h>
#include "db.h"		/* call_event's EV_* kinds, call_end's DB_CLEARED_* */

struct span;
struct queue;
struct agent;
struct ivr;
struct call_rec;
struct voicemail;
struct callback;
struct cb_offer;
struct leg;
struct endpoint;

enum call_state {
	CALL_SETUP,		/* SETUP received, being routed */
	CALL_IVR,		/* answered, in a voice menu (or a message) */
	CALL_QUEUED,		/* answered, waiting for an agent, hears ringback */
	CALL_OFFERED,		/* waiting; an agent is being offered it */
	CALL_DIALING,		/* outbound: SETUP sent, not answered yet */
	CALL_CONNECTED,		/* talking to an agent */
	CALL_CLEARING		/* ended; freed from the loop */
};

#define CALL_MAX_REJECTS 8
#define CALL_RING_MAX	 64	/* agents one offer rings at once (ring-all) */

struct call {
	char			 id[24];
	enum call_state		 state;
	char			 direction[4];
	struct span		*span;
	int			 channel;
	char			 cli[32];
	char			 dnis[32];
	char			*route;		/* "queue:sales" */
	struct queue		*queue;		/* while queued/offered */
	char			*queue_name;	/* kept for the CDR */
	struct agent		*agent;		/* offered to (the first) or talking with */
	struct agent		*ring[CALL_RING_MAX];	/* all agents ringing */
	int			 nring;
	char			*agent_id;	/* who answered, for the CDR */
	char			*rejected[CALL_MAX_REJECTS];
	int			 nrejected;
	int			 priority;	/* 0-9, from the DID or IVR */
	int			 hops;		/* routing steps taken */
	char			 lang[16];	/* prompts' language, "" = default */
	struct ivr		*ivr;		/* ivr.c's state while in a menu */
	char			*ivr_path;	/* "main>1>account": the menus walked */
	json_t			*vars;		/* IVR choices and collected digits */
	struct event		*announce_timer;	/* queue announcements */
	struct call_rec		*rec;		/* recording.c's, while recording */
	struct voicemail	*vm;		/* voicemail.c's, leaving a message */
	struct callback		*cb;		/* callback.c's: this call is an attempt */
	struct leg		*leg;		/* leg.c's: this call carries an endpoint */
	struct cb_offer		*cbo;		/* callback-offer.c's: being offered one */
	char			*parent;	/* the call a callback serves (CDR) */
	struct event		*dial_timer;	/* outbound: ring timeout */
	int			 alerting;	/* outbound: the far end rings */
	int64_t			 customer_id;	/* 0 not looked up, -1 none */
	struct endpoint		*party;		/* an outside party: transfer, consult */
	int			 party_state;	/* enum transfer_state (transfer.h) */
	int			 party_cause;	/* why the party failed: clears with it */
	struct event		*party_timer;	/* busy tone, then clear */
	struct agent		*consult_agent;	/* an agent consulted or conferenced */
	struct agent		*only_agent;	/* transferred to this agent */
	int64_t			 hold_ms;	/* on hold so far */
	uint64_t		 hold_since;	/* mono us, 0 = not on hold */
	char			 why[512];	/* the last routing decision */
	const char		*refusal;	/* why routing refused it, or NULL */
	int64_t			 start_ms, answer_ms, queue_enter_ms, agent_answer_ms;
	uint64_t		 queue_enter_mono;
	struct event		*offer_timer;
	void			*media;		/* media.c's per-call state */
	TAILQ_ENTRY(call)	 entry;		/* all calls */
	TAILQ_ENTRY(call)	 qentry;	/* its queue's waiting line */
};
TAILQ_HEAD(call_list, call);
extern struct call_list calls;

/* What the layers above do at a call's moments. call.c calls no routing
 * or session module itself: these are registered once at start
 * (hooks_init in hooks.c), every one set. */
struct call_hooks {
	/* The call is ending: what runs on it above stops (its menu, offer,
	 * callback, message, recording, announcements). */
	void	(*stop)(struct call *, int cause);
	/* Its agent and queue let go (call_agent_release). */
	void	(*release)(struct call *, int cause, const char *cleared_by);
	/* It is gone: the ACD looks again, an orderly stop may finish. */
	void	(*ended)(void);
	/* An outbound call for a callback or an agent's dial was answered. */
	void	(*answered)(struct call *);
	/* Its state changed: watchers are told. */
	void	(*changed)(struct call *);
	/* Outbound progress ("dialing", "ringing") for its agent. */
	void	(*progress)(struct call *, const char *);
	/* An agent's id, for the call's events and CDR (struct agent is
	 * the routing layer's). */
	const char *(*agent_id)(const struct agent *);
	/* The media above call.c (leg.c, endpoint.c, media.c), in the same
	 * layer: a leg's call (a line to a remote agent) was answered; a
	 * keypad digit; hold on or off; the call's legs, bridge and outside
	 * party end; its media state is freed. */
	void	(*line_answered)(struct call *);
	void	(*digit)(struct call *, int digit);
	void	(*hold)(struct call *, int on);
	void	(*media_end)(struct call *, int cause);
	void	(*media_free)(struct call *);
};
void		 call_set_hooks(const struct call_hooks *);

struct call	*call_new_inbound(struct span *, int ch, const char *cli,
		    const char *dnis);
/* A call the core will place to NUMBER (direction "out"). It has no
 * span until call_dial(): until then it may wait in a queue (a callback
 * keeping a caller's place), and it writes no CDR if it never dials. */
struct call	*call_new_outbound(const char *number);
/* Places the call on the first span with a free channel, presenting CLI
 * ("" = the span's caller_id), giving up after ring_s seconds (cause 19).
 * Returns 0, or the Q.850 cause it could not be placed with. */
int		 call_dial(struct call *, const char *cli, int ring_s);
/* Outbound progress from the network (isdn.c, through span_hooks). */
void		 call_out_alerting(struct call *);
void		 call_out_answered(struct call *);
/* The network moved our outbound call to channel CH. */
void		 call_moved(struct call *, int ch);
/* The route refused the inbound call with CAUSE: it ends, saying why. */
void		 call_refused(struct call *, int cause);
/* A keypad digit from the network, as good as DTMF in the audio. */
void		 call_keypad(struct call *, int digit);
struct call	*call_find(const char *id);
void		 call_set_state(struct call *, enum call_state);
const char	*call_state_name(enum call_state);
/* Ends the call: CDR and events written, agent and queue released, the
 * record freed from the loop. Does no signalling: callers do that. */
void		 call_end(struct call *, int cause, const char *cleared_by,
		    const char *reason);
/* The core clears a call: DISCONNECT out, then call_end. */
void		 call_hangup(struct call *, int cause, const char *cleared_by,
		    const char *reason);
int		 call_count(void);	/* every record, waiting callbacks too */
int		 call_count_live(void);	/* calls on the wire or being routed,
					   not counting lines and legs */
/* Puts the caller on hold (music) or takes them off; hold time is kept
 * for the CDR. */
void		 call_set_hold(struct call *, int on);
/* The same, as a step of the call: a hold or retrieve event, watchers
 * told. Nothing when it is so already. */
void		 call_hold(struct call *, int on);
/* Records an event of the call; DETAIL (JSON, stolen) may be NULL. */
void		 call_event(struct call *, const char *kind, json_t *detail);
/* The same, naming agent A (one of those an offer rings). */
void		 call_event_agent(struct call *, struct agent *a, const char *kind,
		    json_t *detail);
/* Setters of the routing's fields (acd.c). */
void		 call_set_why(struct call *, const char *why);
/* Rings these agents (the first CALL_RING_MAX); returns how many. */
int		 call_ring(struct call *, struct agent **who, int n);
void		 call_unring(struct call *, struct agent *);
void		 call_offer_taken(struct call *);	/* an agent accepted */
void		 call_offer_over(struct call *);	/* no one rings any more */
/* The agent passed on it; past CALL_MAX_REJECTS a new round begins. */
void		 call_add_refusal(struct call *, const char *agent_id);
/* The offer's timeout timer, made on first use. */
struct event	*call_offer_timer(struct call *, event_callback_fn);
/* AGENT handles the call now (and is named in its CDR); NULL: it left,
 * the CDR still names who answered. */
void		 call_set_agent(struct call *, struct agent *);

int		 call_age_s(const struct call *);

/* setters: owned fields of struct call (call.c writes every field; the
 * others ask through these). Strings are copied; NULL clears. */
void	call_set_ivr(struct call *, struct ivr *);
void	call_set_rec(struct call *, struct call_rec *);
void	call_set_vm(struct call *, struct voicemail *);
void	call_set_cb(struct call *, struct callback *);
void	call_set_leg(struct call *, struct leg *);
void	call_set_cbo(struct call *, struct cb_offer *);
void	call_set_media(struct call *, void *);
void	call_set_announce_timer(struct call *, struct event *);
void	call_set_priority(struct call *, int);
void	call_set_refusal(struct call *, const char *why);	/* static text */
void	call_set_consult_agent(struct call *, struct agent *);
void	call_set_only_agent(struct call *, struct agent *);
void	call_set_party_state(struct call *, int);	/* enum transfer_state */
void	call_set_customer_id(struct call *, int64_t);
void	call_set_agent_answer_ms(struct call *, int64_t);
void	call_set_route(struct call *, const char *);
void	call_set_parent(struct call *, const char *);
void	call_set_queue_name(struct call *, const char *);
void	call_set_cli(struct call *, const char *);
void	call_set_lang(struct call *, const char *);
void	call_set_answered(struct call *);	/* answer_ms = now */
void	call_set_ivr_path(struct call *, char *path);	/* takes PATH */
/* Sets the call variable NAME (an IVR choice, collected digits). */
void	call_set_var(struct call *, const char *name, const char *value);
/* The outside party (transfer, consult) and its state. */
void	call_set_party(struct call *, struct endpoint *, int state);
/* The party failed with CAUSE: TIMER clears the call after the tone. */
void	call_set_party_failed(struct call *, int cause, struct event *timer);
/* Where the call stands in line: first entry (wall ms, for the CDR's
 * wait) and place (mono us). */
void	call_set_queue_enter_ms(struct call *, int64_t);
void	call_set_queue_enter_mono(struct call *, uint64_t);
/* The queue whose waiting line holds the call (queue.c), NULL: none. */
void	call_set_queue(struct call *, struct queue *);

#endif
