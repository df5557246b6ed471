/* campaign.h: outbound campaigns (docs/DIALER.md, "Campaigns and lists").
 * campaign.c owns the running campaigns (built from [campaign NAME] at
 * start and reload, their state kept in the database); the dialer's files
 * (campaign-dial.c and its modes, campaign-import.c, dnc.c) work on them.
 * The rules over records are campaign-rules.h's. */
#ifndef CZ_CAMPAIGN_H
#define CZ_CAMPAIGN_H

#include <jansson.h>
#include "agent.h"
#include "campaign-rules.h"

/* campaign.c: the running campaigns. */
void		 campaign_sync(const struct config *);
struct campaign	*campaign_find(const char *name);
struct campaign	*campaign_first(void);		/* then ->next */
int		 campaign_set_state(struct campaign *, enum camp_state,
		    const char *by);
void		 campaign_free_all(void);
/* campaign_attempt() for the dialer, in the core: a success that reaches
 * the target finishes the campaign. */
int		 campaign_result(struct campaign *, int64_t record_id,
		    const char *outcome, const char *disposition,
		    const char *agent, int cause, char *why, size_t len);
int		 campaign_dispose_result(struct campaign *, int64_t record_id,
		    const char *code, char *why, size_t len);

/* campaign-dial.c: progressive dialing, after each ACD pass: a call per
 * free agent of a running progressive campaign; the outcome of each is
 * written when its call stops (the call hooks' stop). */
struct call;
struct agent;
void		 campaign_dispatch(void);
/* What the compliance report keeps of a predictive call (attempts). */
struct predict_note {
	char		amd[48];	/* the verdict, "" with amd = off */
	int64_t		greeting_ms;	/* answer to greeting's end, or -1 */
	int64_t		message_ms;	/* answer to the abandon message, or -1 */
};
/* The dial modes above campaign-dial.c (campaign-predict.c,
 * campaign-preview.c), registered once at start (hooks.c). */
struct campaign_modes {
	int	(*predict_pass)(struct campaign *, int64_t now_ms);
	const char *(*predict_stop)(struct call *, int *answered,
		    struct predict_note *);
	int	(*preview_offer)(struct campaign *, struct agent *,
		    int64_t now_ms);
	void	(*preview_release)(void);
	void	(*predict_waiting)(struct campaign *);
};
void		 campaign_set_modes(const struct campaign_modes *);
/* Records may have become dialable (an import, a list or campaign
 * resumed, a DNC number removed): look again at the next pass. */
void		 campaign_poke(void);
/* campaign-blend.c: whether agent a works campaign c: named in it, or in
 * one of its queues. */
int		 campaign_agent_works(const struct campaign *,
		    const struct agent *);
/* Dials record R for agent a now (DNC checked at this moment): the call,
 * or NULL with why. */
struct call	*campaign_dial_record(struct campaign *, struct agent *,
		    const struct camp_record *, int64_t now_ms, char *why,
		    size_t len);
/* Dials record R for no agent (predictive), ringing at most ring_s:
 * the call, or NULL with why. */
struct call	*campaign_dial_free(struct campaign *,
		    const struct camp_record *, int64_t now_ms, int ring_s,
		    char *why, size_t len);
/* NUMBER (E.164 or national) as dialed on our spans; -1 if not valid. */
int		 campaign_dial_number(const struct campaign *,
		    const char *number, char *out, size_t len);
/* A progressive call answered: with amd = detect, it is listened to
 * (the agent hears it too) and a machine is hung up, outcome machine. */
void		 campaign_dial_answered(struct call *);
/* The detector's tuning from the campaign's amd_* keys. */
struct amd_cfg;
void		 campaign_amd_cfg(const struct cfg_campaign *, struct amd_cfg *);
/* The agent's first queue of the campaign's (wrap-up), or NULL. */
const char	*campaign_agent_queue(const struct campaign *, struct agent *);

/* campaign-predict.c: predictive dialing. The pass for campaign c: -1
 * when it has nothing to dial now. */
int		 campaign_predict_pass(struct campaign *, int64_t now_ms);
/* The predictive campaigns' abandon windows from the attempts table,
 * once after each campaign_sync() (any state). */
void		 campaign_predict_load(int64_t now_ms);
/* A call with no agent was answered: 1 if it was a predictive call (it
 * goes to a free agent, or is abandoned after 2 s). */
int		 campaign_predict_answered(struct call *);
/* The far end rings: the ring limit counts from now. */
void		 campaign_predict_ringing(struct call *);
/* A predictive call stops: "abandoned", "machine" or NULL (the usual
 * outcome); NOTE filled. */
const char	*campaign_predict_stop(struct call *, int *answered,
		    struct predict_note *note);
/* Agent a left state OLD after SECONDS (agent_hooks.left): the end of
 * the wrap-up after a predictive call is measured into its campaign's
 * mean wrap-up time (no wrap-up: 0 s). */
void		 campaign_predict_agent_left(struct agent *, enum agent_state old,
		    enum agent_state new_state, double seconds);

/* Sends the agent event NAME with the record, its fields and the script
 * (call NULL: a preview). */
void		 campaign_tell(const struct campaign *, struct agent *,
		    const struct call *, const struct camp_record *,
		    const char *name);

/* campaign-blend.c: blending with inbound queues. The agents of C that
 * inbound needs now: callers waiting (not being offered) in the queues of
 * its logged-in agents, plus its inbound_reserve. */
int		 campaign_inbound_need(const struct campaign *);
/* Of FREE agents of C, how many the dialer may place calls for now. */
int		 campaign_dial_room(struct campaign *, int free_agents);
/* At a predictive answer, whether agent a is kept for inbound callers
 * waiting in their queues (C's inbound_priority = yes): the answered
 * call waits for the routing pass, the ACD's first. */
int		 campaign_inbound_waiting(const struct campaign *,
		    const struct agent *);
/* Answered predictive calls of campaigns with inbound_priority = no go
 * to free agents before the ACD's pass offers inbound callers. */
void		 campaign_predict_first(void);
/* Answered calls of C waiting for an agent take the free ones (any
 * state of C: they are on the line). */
void		 campaign_predict_waiting(struct campaign *);

/* campaign-request.c: a callback request from an outside application
 * (a CRM, a web form): NUMBER (normalised as an import does, a national
 * one in COUNTRY, "" for the campaign's; the DNC lists checked) becomes
 * a record of the campaign's "callbacks" list, dialed first when an agent
 * is free at or after at_ms (which must be in the calling hours). The
 * record's id, or -1 with why. */
int64_t		 campaign_callback_request(struct campaign *,
		    const char *number, const char *country, const char *name,
		    const char *note, int64_t at_ms, char *why, size_t len);

/* campaign-preview.c: preview mode: the agent sees the record and the
 * script first, then dials it or skips it with a reason. */
int		 campaign_preview_offer(struct campaign *, struct agent *,
		    int64_t now_ms);
int		 campaign_preview_act(struct agent *, const char *action,
		    const char *reason, json_t *reply, char *why, size_t len);
void		 campaign_preview_release(void);
void		 campaign_call_stop(struct call *, int cause);
/* The agent's disposition for CALL (an answered campaign call of theirs):
 * 0 not a campaign call, 1 applied, -1 refused with why. */
int		 campaign_call_disposition(const char *call_id,
		    const char *agent, const char *code, char *why, size_t len);

/* campaign-import.c: FILE (CSV, UTF-8, a header row) into list LIST of
 * the campaign, in one transaction. Numbers without a country code take
 * COUNTRY (else the campaign's); priority < 0 keeps the list's. The reply
 * gets list, imported, bad (line and why) and duplicates; -1 with why on
 * a fatal error (nothing imported). */
int		 campaign_import(struct db *, const struct campaign *,
		    const char *list, const char *path, const char *country,
		    int priority, json_t *reply, char *why, size_t len);
/* The same with the file's parse on a thread: 0 when it started (DONE
 * is called on the loop when it ends, with rc, the reply's fields and
 * why), -1 with why. The campaign is found again by name at the end. */
struct event_base;
typedef void	(*campaign_import_cb)(int rc, json_t *reply, const char *why,
		    void *arg);
int		 campaign_import_start(struct event_base *, struct db *,
		    const struct campaign *, const char *list, const char *path,
		    const char *country, int priority, campaign_import_cb done,
		    void *arg, char *why, size_t len);

/* dnc.c: whether the dialer may call NUMBER (E.164) for CLIENT now:
 * called at the moment of every dial. */
int		 dnc_blocked(const char *number, const char *client);

#endif
