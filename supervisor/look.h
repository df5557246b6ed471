/* look.h: how the queues' figures look (look.c): thresholds built from
 * the options, each figure's level and colour, a queue's worst level,
 * and the bell when one more queue goes red. The live view's tables and
 * the wallboard's big digits take their colours from here alone. */
#ifndef CZ_SUP_LOOK_H
#define CZ_SUP_LOOK_H

#include <stdint.h>
#include "sup.h"

void	look_init(const struct sup *);
/* Figures that move with the clock (the longest waits), each queue's
 * level, and the bell when more queues are red than before. */
void	look_levels(struct sup *, uint64_t now);
/* Colours of a queue's row: its worst level; SL against its goal; the
 * longest wait; agents ready while callers wait. row: a sup_queue. */
enum tui_color	look_queue(const void *row);
enum tui_color	look_sl(const void *row);
enum tui_color	look_wait(const void *row);
enum tui_color	look_ready(const void *row);
/* An agent's state (asking for help: alert). row: a sup_agent. */
enum tui_color	look_agent(const void *row);
/* A campaign's state (its records low: alert; paused: warning) and its
 * records left open. row: a sup_campaign. */
enum tui_color	look_campaign(const void *row);
/* A campaign's abandon rate, the worse of today's and the last 24 h's:
 * red at its cap, yellow from 90 % of it (where the pacing turns
 * progressive). row: a sup_campaign. */
enum tui_color	look_abandon(const void *row);
enum tui_color	look_open(const void *row);

#endif
