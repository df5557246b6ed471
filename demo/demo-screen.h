/* demo-screen.h: the demo's screen in tmux (demo-screen.c). */
#ifndef CZ_DEMO_SCREEN_H
#define CZ_DEMO_SCREEN_H

#include <stddef.h>
#include <sys/types.h>

struct demo_screen_opts {
	const char	*state;		/* absolute state directory */
	const char	*bindir;	/* where centrala-agent etc. are */
	pid_t		 demo;		/* signalled to stop (INT) or quit (USR1) */
};

/* Why the demo runs without its screen (no_tmux: --no-tmux was given),
 * or NULL when it can open one. */
const char	*demo_screen_headless_why(int no_tmux);
/* Opens the screen: the supervisor console and an agent console side by
 * side (or one above the other on a narrow terminal), what to do on the
 * border and status lines, Ctrl-C bound to stop the demo. Inside tmux
 * ($TMUX) a new window of that tmux, *client 0; else a private tmux
 * server whose client (*client, a child of ours) takes the terminal.
 * -1 with err if tmux failed. */
int		 demo_screen_open(const struct demo_screen_opts *,
		    pid_t *client, char *err, size_t errlen);
/* Closes what demo_screen_open made (the consoles end with it); a no-op
 * the second time. */
void		 demo_screen_close(void);

#endif
