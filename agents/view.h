/* view.h: the main screen: title, the agent's state, a supervisor's
 * message, the call panel and the note panel (side by side when the
 * terminal is wide, stacked when not), the status line and the key bar;
 * laid out again from the terminal's size on every draw. */
#ifndef CZ_AGENT_VIEW_H
#define CZ_AGENT_VIEW_H

#include "console.h"

void	view_draw(struct console *);

#endif
