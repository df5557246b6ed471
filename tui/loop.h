/* loop.h: a console's one loop: the keyboard and the core's socket waited
 * on together in one poll(2), the screen redrawn when it is dirty and at
 * each whole second (the clocks on screen), no polling with timeouts. */
#ifndef CZ_TUI_LOOP_H
#define CZ_TUI_LOOP_H

#include <stdint.h>
#include "tui.h"

struct cli;

/* What a console hands the loop. ARG is given back to every function. */
struct tui_loop {
	void		*arg;
	int		*quit;		/* the console says it is done */
	int		*dirty;		/* the screen must be drawn again */
	struct cli	*(*cli)(void *);	/* the connection, or NULL */
	void		 (*draw)(void *);
	void		 (*key)(void *, const struct tui_key *);
	void		 (*read)(void *);	/* the socket has input */
	/* ms until something of the console's is due (-1: nothing). */
	int		 (*due_ms)(void *, uint64_t now);
	void		 (*tick)(void *, uint64_t now);	/* after each wake */
	/* A helper's descriptor (a child's pipe) waited on too: -1 none;
	 * job_ready is called when it is readable or closed. Optional. */
	int		 (*job_fd)(void *);
	void		 (*job_ready)(void *);
};

/* SIGTERM, SIGHUP and SIGINT end the loop in order; SIGPIPE ignored. */
void	tui_loop_signals(void);
/* Runs until the console quits, a signal comes or the terminal goes. */
void	tui_loop_run(const struct tui_loop *);

#endif
