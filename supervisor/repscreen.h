/* repscreen.h: the report screen (repscreen.c): pick a report of
 * `centrala report --list`, its period and filters; preview its text,
 * save it (CSV or paginated text) or print it through CUPS. The report
 * is the reports' own code (report/report-lib.h), run in a child
 * (repjob.h). Its
 * keys are in keys.c's keymap; its dialogs' purposes are REP_DLG_BASE
 * and up, answered through repscreen_answered(). */
#ifndef CZ_SUP_REPSCREEN_H
#define CZ_SUP_REPSCREEN_H

#include "sup.h"

#define REP_DLG_BASE	100

void	repscreen_open(struct sup *);
/* The screen's own keys (keys.c's table calls these). */
void	repscreen_pick_report(struct sup *);
void	repscreen_pick_period(struct sup *);
void	repscreen_pick_queue(struct sup *);
void	repscreen_pick_agent(struct sup *);
void	repscreen_pick_client(struct sup *);
void	repscreen_preview(struct sup *);
/* The preview as the table, or as the paginated text (--text). */
void	repscreen_pages(struct sup *);
void	repscreen_save(struct sup *);
void	repscreen_print(struct sup *);
/* Esc: the preview closes, then the screen. */
void	repscreen_back(struct sup *);
/* Up/Down, PgUp/PgDn, Home/End in the preview. */
void	repscreen_scroll(struct sup *, const struct tui_key *);
/* A dialog of the screen was answered: SEL the pick's row (-1: none),
 * TEXT the question's answer (NULL: none). */
void	repscreen_answered(struct sup *, int purpose, int sel, const char *text);
void	repscreen_draw(struct sup *);

#endif
