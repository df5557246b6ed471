/* model.h: what the core has told the agent console: the agent (name,
 * state and reason, wrap-up, queues, the reasons it may give), the call
 * on screen and its screen pop, the queues' waiting lines, the agent's
 * figures, the help flag and a supervisor's message. It is written only
 * through the functions below, called by event.c and reply.c as events
 * and replies come (and by desk.c and note.c for the replies they own);
 * the views only read it. */
#ifndef CZ_AGENT_MODEL_H
#define CZ_AGENT_MODEL_H

#include <stdint.h>
#include <jansson.h>

#define MODEL_ID_MAX		72
#define MODEL_REASONS_MAX	16
#define MODEL_LINES_MAX		8

enum model_call_phase {
	PHASE_NONE,
	PHASE_OFFERED,
	PHASE_CONNECTED,
	PHASE_ENDED
};

/* Where a consultation stands, on the agent's screen. */
enum model_consult {
	CONSULT_NONE,
	CONSULT_RINGING,
	CONSULT_TALKING,
	CONSULT_CONFERENCE
};

/* The call on screen: offered, on, or just ended. */
struct model_call {
	enum model_call_phase	 phase;
	char			 id[MODEL_ID_MAX];
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
	enum model_consult	 consult;
	char			 consult_with[64];	/* "number:...", "agent:..." */
	char			 consult_id[MODEL_ID_MAX];	/* its call */
	char			 consult_progress[16];	/* dialing, ringing */
	char			 consult_from[32];	/* consulted by this agent */
	json_t			*campaign_codes;	/* a campaign call's codes
						 * with their flags, once ended */
	char			 campaign_phone[32];	/* ... and its record's number */
	json_t			*campaign_record;	/* ... and its record */
};

/* A campaign's record for this agent (campaign_preview, campaign_record):
 * shown for dial or skip, or the screen pop of the call placed for it. */
struct model_campaign {
	json_t		*record;	/* the event; NULL: none */
	int		 preview;	/* waiting for dial or skip */
	char		 call[MODEL_ID_MAX];	/* its call, once dialled */
	char		 name[40];	/* the campaign, for its progress */
	int		 successes, target;	/* as the last event said */
};

/* The waiting line of one of the agent's queues, from queue events. */
struct model_line {
	char		name[32];
	int		waiting;
	uint64_t	oldest_since;	/* mono us: the longest waiter came */
};

struct console_model {
	char			 name[128];
	char			 state[24];
	char			 reason[64];
	uint64_t		 state_since;
	uint64_t		 wrap_end;	/* mono us; 0: not told */
	int			 wrap_waiting;	/* wrapup_s -1: for a disposition */
	char			 queues[256];	/* "sales, support" */
	char			*reasons[MODEL_REASONS_MAX];
	int			 nreasons;
	char			 after[MODEL_ID_MAX];	/* the after-call choice made */
	struct model_call	 call;
	struct model_campaign	 camp;
	struct model_line	 lines[MODEL_LINES_MAX];
	int			 nlines;
	json_t			*stats;		/* the last my-stats reply */
	uint64_t		 stats_at;	/* mono us */
	int			 help;		/* asked a supervisor for help */
	char			 message[512];	/* from a supervisor */
};

void	model_init(struct console_model *);
void	model_free(struct console_model *);

/* --- the agent --- */
/* A new state and reason (the same again only refreshes wrap-up). */
void	model_set_state(struct console_model *, const char *state,
	    const char *reason);
/* wrapup_s of agent_state or the login reply: the countdown, or waiting
 * for a disposition (-1). */
void	model_set_wrapup(struct console_model *, json_t *secs);
void	model_set_name(struct console_model *, const char *);
/* The queues from an array of names. */
void	model_set_queues(struct console_model *, json_t *array);
/* The reasons from an array of strings; keeps the old list when empty. */
void	model_set_reasons(struct console_model *, json_t *array);
void	model_set_after(struct console_model *, const char *);
void	model_set_help(struct console_model *, int on);
void	model_set_message(struct console_model *, const char *);
/* my-stats answered: the figures and the lines of its queues. */
void	model_set_stats(struct console_model *, json_t *reply);
/* A queue's waiting line changed (queue event, my-stats). */
void	model_line_set(struct console_model *, const char *queue, int waiting,
	    int longest_wait_s);

/* --- the call --- */
void	model_call_clear(struct console_model *);
/* Offer, call_connected, consult and the login's call carry the same
 * screen-pop fields; a connect for the call already offered keeps what
 * the offer said. */
void	model_call_fill(struct console_model *, json_t *ev,
	    enum model_call_phase);
/* Connected to the call (not our dial's ringing any more). */
void	model_call_connected(struct console_model *, json_t *ev);
/* Another agent consults us about their call. */
void	model_call_consulted(struct console_model *, json_t *ev,
	    const char *from);
/* Our own call, dialled: id and number. */
void	model_call_dialled(struct console_model *, const char *id,
	    const char *number);
/* The call ended (why, in words); codes: its dispositions or NULL. */
void	model_call_ended(struct console_model *, const char *why, json_t *codes,
	    int required);
/* The call is over for a reason not an event's (lost, consulted end). */
void	model_call_gone(struct console_model *, const char *why);
/* A call that ended before this console started and needs a
 * disposition: its id, queue and caller (NULL keeps what is known). */
void	model_call_owed(struct console_model *, const char *id,
	    const char *queue, const char *cli, json_t *codes);
void	model_call_progress(struct console_model *, const char *call,
	    const char *progress);
void	model_call_consult(struct console_model *, enum model_consult,
	    const char *with, const char *id);
/* held / muted members of an event or a reply, when present. */
void	model_call_flags(struct console_model *, json_t *o);
void	model_call_set_held(struct console_model *, int held);
void	model_call_recording(struct console_model *, const char *state);
void	model_call_customer(struct console_model *, json_t *customer);
/* The core took this disposition (and so wrap-up waits no more). */
void	model_call_disposition(struct console_model *, const char *code);
void	model_call_dispo_required(struct console_model *);

/* --- the campaign --- */
/* A record shown for preview (no call) or the call placed for it. */
void	model_campaign_show(struct console_model *, json_t *ev);
/* The preview was answered (skipped, or dialled: call). */
void	model_campaign_answered(struct console_model *, const char *call);
void	model_campaign_clear(struct console_model *);

/* --- reading --- */
/* The call on screen is the one placed for the campaign's record. */
int	model_campaign_owns(const struct console_model *);
/* A campaign code of the ended call, with its flags, or NULL. */
json_t	*model_campaign_code(const struct console_model *, const char *code);
int	model_in_state(const struct console_model *, const char *);
/* The call just ended needs a disposition before anything else. */
int	model_dispo_due(const struct console_model *);

/* The agent's campaigns' progress, a line each ("Campaign survey: 1 of
 * 5 successes"), from my-stats or else the last campaign event. */
void	model_campaign_progress(const struct console_model *, char *buf,
	    size_t len);

#endif
