/* cmd-handlers.h: the request handlers, one small file per family, each
 * named by its row in the request table (cmd-table.c). A handler gets its
 * request checked and its target resolved (cmd-ctx.h, cmd-target.h). */
#ifndef CZ_CMD_HANDLERS_H
#define CZ_CMD_HANDLERS_H

#include "cmd-ctx.h"
#include "cmd-target.h"
#include "config-diff.h"
#include "core.h"

/* What the stop and reload requests ask of the process, registered once
 * at start by core-main.c (it sits above the dispatcher that runs them). */
struct cmd_process {
	void	(*stop)(enum core_stop);
	int	(*reload)(char ***warnings, struct config_diff *diff, char *err,
		    size_t errlen);
};
void	cmd_set_process(const struct cmd_process *);

int	cmd_hello(struct cmd_ctx *);
int	cmd_login(struct cmd_ctx *);
int	cmd_logout(struct cmd_ctx *);
int	cmd_ping(struct cmd_ctx *);
int	cmd_ready(struct cmd_ctx *);
int	cmd_notready(struct cmd_ctx *);
int	cmd_accept(struct cmd_ctx *);
int	cmd_reject(struct cmd_ctx *);
int	cmd_hangup(struct cmd_ctx *);
int	cmd_wrapup(struct cmd_ctx *);
int	cmd_after_call(struct cmd_ctx *);
int	cmd_hold(struct cmd_ctx *);
int	cmd_retrieve(struct cmd_ctx *);
int	cmd_mute(struct cmd_ctx *);
int	cmd_record(struct cmd_ctx *);
int	cmd_monitor(struct cmd_ctx *);
int	cmd_agent_state(struct cmd_ctx *);
int	cmd_sup_message(struct cmd_ctx *);	/* cmd_message, recorded */
int	cmd_dtmf(struct cmd_ctx *);
int	cmd_dial(struct cmd_ctx *);
int	cmd_transfer(struct cmd_ctx *);
int	cmd_consult(struct cmd_ctx *);
int	cmd_consult_complete(struct cmd_ctx *);
int	cmd_consult_cancel(struct cmd_ctx *);
int	cmd_conference(struct cmd_ctx *);
int	cmd_customer_find(struct cmd_ctx *);
int	cmd_customer_get(struct cmd_ctx *);
int	cmd_customer_save(struct cmd_ctx *);
int	cmd_customer_link(struct cmd_ctx *);
int	cmd_note(struct cmd_ctx *);
int	cmd_disposition(struct cmd_ctx *);
int	cmd_my_stats(struct cmd_ctx *);
int	cmd_callback_schedule(struct cmd_ctx *);
int	cmd_help(struct cmd_ctx *);
int	cmd_message(struct cmd_ctx *);
int	cmd_why(struct cmd_ctx *);
int	cmd_agent_queues(struct cmd_ctx *);
int	cmd_call_move(struct cmd_ctx *);
int	cmd_status(struct cmd_ctx *);
int	cmd_subscribe(struct cmd_ctx *);
int	cmd_reload(struct cmd_ctx *);
int	cmd_stop(struct cmd_ctx *);
int	cmd_set_pin(struct cmd_ctx *);
int	cmd_show_config(struct cmd_ctx *);
/* cmd-campaign.c */
int	cmd_campaign_state(struct cmd_ctx *);
int	cmd_list_state(struct cmd_ctx *);
int	cmd_list_import(struct cmd_ctx *);
int	cmd_dnc(struct cmd_ctx *);
int	cmd_callback_request(struct cmd_ctx *);
int	cmd_dnc_import(struct cmd_ctx *);
int	cmd_why_not(struct cmd_ctx *);
int	cmd_preview(struct cmd_ctx *);
int	cmd_campaigns(struct cmd_ctx *);
int	cmd_backup(struct cmd_ctx *);		/* cmd-backup.c */
int	cmd_report(struct cmd_ctx *);		/* cmd-report.c */
int	cmd_customer_export(struct cmd_ctx *);	/* cmd-privacy.c */
int	cmd_customer_erase(struct cmd_ctx *);

#endif
