/* campaign.c: the agent's campaign work (campaign.h): preview dial and
 * skip through the preview request, its refusals on the status line;
 * after a campaign call's disposition, the callback dialog for a code
 * that calls again and the word that a dnc code listed the number. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "campaign.h"
#include "desk.h"
#include "session.h"

#define CAMPAIGN_SCRIPT_STEP	5	/* rows the script scrolls per key */

/* Why an agent skips a record: the codes the core stores with it. */
static char *const campaign_skip_reasons[] = {
	"wrong_person", "bad_number", "already_customer", "not_suitable",
	"other"
};

void
campaign_dial(struct console *c)
{
	session_send(c, REQ_PREVIEW, "dial", json_pack("{s:s,s:s}", "req",
	    "preview", "action", "dial"));
}

void
campaign_skip(struct console *c)
{
	if (!c->m.camp.preview) {
		console_status(c, TUI_LEVEL_INFO, "no campaign record shown to "
		    "skip");
		return;
	}
	console_pick(c, PICK_SKIP_REASON, "Skip this record: why?",
	    campaign_skip_reasons, (int)(sizeof campaign_skip_reasons /
	    sizeof campaign_skip_reasons[0]));
}

void
campaign_script_down(struct console *c)
{
	c->script_top += CAMPAIGN_SCRIPT_STEP;	/* the view stops at the end */
}

void
campaign_script_up(struct console *c)
{
	c->script_top = c->script_top > CAMPAIGN_SCRIPT_STEP ?
	    c->script_top - CAMPAIGN_SCRIPT_STEP : 0;
}

void
campaign_skip_picked(struct console *c, const char *reason)
{
	session_send(c, REQ_PREVIEW, reason, json_pack("{s:s,s:s,s:s}", "req",
	    "preview", "action", "skip", "reason", reason));
}

void
campaign_reply(struct console *c, const char *arg, json_t *r)
{
	const char *call = json_string_value(json_object_get(r, "call"));
	const char *name = json_string_value(json_object_get(c->m.camp.record,
	    "name"));
	const char *phone = json_string_value(json_object_get(c->m.camp.record,
	    "phone"));

	if (!json_is_true(json_object_get(r, "ok"))) {
		console_status(c, TUI_LEVEL_ALERT, "%s refused: %s",
		    strcmp(arg, "dial") == 0 ? "dial" : "skip", cli_reply_error(r));
		return;
	}
	if (strcmp(arg, "dial") != 0) {
		console_status(c, TUI_LEVEL_INFO, "record #%lld skipped (%s)",
		    (long long)json_integer_value(json_object_get(r, "record")),
		    arg);
		/* The next record's preview may have come before this reply. */
		if (json_equal(json_object_get(r, "record"), json_object_get(
		    c->m.camp.record, "record")))
			model_campaign_answered(&c->m, NULL);
		return;
	}
	/* The campaign_record event of the call may have come first. */
	if (call != NULL && strcmp(c->m.call.id, call) != 0)
		model_call_dialled(&c->m, call, phone != NULL ? phone : "");
	model_campaign_answered(&c->m, call);
	console_status(c, TUI_LEVEL_INFO, "calling %s %s",
	    name != NULL ? name : "", phone != NULL ? phone : "");
}

void
campaign_disposed(struct console *c, const char *code)
{
	json_t	*f = model_campaign_code(&c->m, code);
	int	 retry = (int)json_integer_value(json_object_get(f, "retry_min"));

	if (f == NULL)
		return;
	desk_figures_quiet(c);		/* the campaign's progress follows */
	if (json_is_true(json_object_get(f, "dnc")))
		console_status(c, TUI_LEVEL_INFO, "disposition %s saved: %s is "
		    "now on the client's do-not-call list", code,
		    c->m.call.campaign_phone);
	else if (json_is_true(json_object_get(f, "success")))
		console_status(c, TUI_LEVEL_INFO, "disposition %s saved: a "
		    "success for the campaign", code);
	if (retry > 0)
		desk_callback_at(c, c->m.call.campaign_phone, retry * 60);
}

