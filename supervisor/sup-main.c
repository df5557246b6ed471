/* sup-main.c: `centrala supervisor`, the supervisor console and
 * wallboard: options, then one loop that waits in poll(2) on the keyboard
 * and the core's socket. The timeout is only for the clocks on screen
 * (once a second) and a reconnect that is due; the core's events say
 * what changes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "clock.h"
#include "keys.h"
#include "link.h"
#include "look.h"
#include "repjob.h"
#include "repscreen.h"
#include "loop.h"
#include "view.h"
#include "wall.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: centrala supervisor [--state-dir DIR] [--socket PATH] "
	    "[--user NAME --pin PIN]\n"
	    "                           [--wallboard] [--message TEXT] "
	    "[--sl-target PCT]\n"
	    "The supervisor console: queues and agents live, acting on agents;\n"
	    "and the wallboard.\n\n"
	    "  -s, --state-dir DIR  the core's state directory (socket in "
	    "DIR/run)\n"
	    "      --socket PATH    the core's socket\n"
	    "  -u, --user NAME      log in as this supervisor (default: local, "
	    "as the\n"
	    "                       core's own Unix user)\n"
	    "  -p, --pin PIN        the supervisor's PIN\n"
	    "  -w, --wallboard      start on the wallboard (full screen, big "
	    "digits)\n"
	    "  -m, --message TEXT   the wallboard's message line\n"
	    "      --sl-target PCT  service level goal when the core gives none "
	    "(80)\n"
	    "      --wait-warn S    longest wait shown yellow from S s "
	    "(default 20)\n"
	    "      --wait-alert S   and red from S s (default 60)\n"
	    "      --config FILE    ignored (the report screen, F11 or e, "
	    "asks the core,\n"
	    "                       which uses its own config)\n"
	    "  -h, --help           print this help and exit\n\n"
	    "Without --state-dir: $CENTRALA_SOCKET or $CENTRALA_STATE_DIR.\n"
	    "Keys: F1 in the console; docs/SUPERVISOR.md.\n");
}

/* The loop's view of the console (tui/loop.h). */
static struct cli *
sup_cli(void *arg)
{
	return ((struct sup *)arg)->cli;
}

/* Frames for the core's events come at most every SUP_FRAME_GAP_US: a
 * busy center's hundreds of events a second make one frame, not hundreds
 * (tests/bench/bench-supervisor.sh). A key is answered at once. */
#define SUP_FRAME_GAP_US	50000
static uint64_t	sup_frame_at;		/* mono us: the last frame */
static int	sup_frame_late;		/* one is owed, when the gap is over */
static int	sup_keyed;		/* a key since the last frame */

/* A frame: the tables rebuilt if the model changed, the levels (and the
 * bell), the live view or the wallboard, the status line, then the keys'
 * bar, help and dialog over it. */
static void
sup_draw(void *arg)
{
	struct sup	*s = arg;
	uint64_t	 now = clock_mono_us();

	if (!sup_keyed && now < sup_frame_at + SUP_FRAME_GAP_US) {
		sup_frame_late = 1;
		return;
	}
	sup_frame_at = now;
	sup_frame_late = sup_keyed = 0;
	tui_frame_begin();
	erase();
	model_settle(s);
	view_update(s);
	look_levels(s, now);
	if (s->screen == SCREEN_WALL)
		wall_draw(s, now);
	else if (s->screen == SCREEN_REPORT)
		repscreen_draw(s);
	else
		view_draw(s, now);
	if (s->screen != SCREEN_WALL || tui_status_text(&s->status, now) != NULL)
		tui_status_draw(&s->status, stdscr, LINES - 2, COLS, now);
	keys_draw(s);
	tui_frame_end();
}

static void
sup_key(void *arg, const struct tui_key *k)
{
	sup_keyed = 1;
	keys_handle(arg, k);
}

static void
sup_read(void *arg)
{
	link_read(arg);
}

static int
sup_job_fd(void *arg)
{
	(void)arg;
	return repjob_fd();
}

static void
sup_job_ready(void *arg)
{
	repjob_ready(arg);
}

static int
sup_timeout(void *arg, uint64_t now)
{
	int t = link_timeout(arg, now), f;

	if (!sup_frame_late)
		return t;
	f = sup_frame_at + SUP_FRAME_GAP_US > now ?
	    (int)((sup_frame_at + SUP_FRAME_GAP_US - now) / 1000) + 1 : 0;
	return t < 0 || f < t ? f : t;
}

static void
sup_tick(void *arg, uint64_t now)
{
	struct sup *s = arg;

	link_tick(s, now);
	if (sup_frame_late && now >= sup_frame_at + SUP_FRAME_GAP_US)
		s->dirty = 1;
}

static void
sup_loop(struct sup *s)
{
	const struct tui_loop l = { .arg = s, .quit = &s->quit,
	    .dirty = &s->dirty, .cli = sup_cli, .draw = sup_draw,
	    .key = sup_key, .read = sup_read, .due_ms = sup_timeout,
	    .tick = sup_tick, .job_fd = sup_job_fd, .job_ready = sup_job_ready };

	tui_loop_run(&l);
}

static int
sup_options(struct sup *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state-dir", required_argument, NULL, 's' },
		{ "socket", required_argument, NULL, 'S' },
		{ "user", required_argument, NULL, 'u' },
		{ "pin", required_argument, NULL, 'p' },
		{ "wallboard", no_argument, NULL, 'w' },
		{ "message", required_argument, NULL, 'm' },
		{ "sl-target", required_argument, NULL, 'T' },
		{ "wait-warn", required_argument, NULL, 'W' },
		{ "wait-alert", required_argument, NULL, 'A' },
		{ "config", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*state_dir = NULL, *sock = NULL;
	int		 ch;

	while ((ch = getopt_long(argc, argv, "s:u:p:wm:h", opts, NULL)) != -1) {
		switch (ch) {
		case 's': state_dir = s->state_dir = optarg; break;
		case 'C': s->config = optarg; break;
		case 'S': sock = optarg; break;
		case 'u': s->user = optarg; break;
		case 'p': s->pin = optarg; break;
		case 'w': s->screen = SCREEN_WALL; break;
		case 'm': snprintf(s->wall_msg, sizeof s->wall_msg, "%s", optarg); break;
		case 'T': s->sl_target = atof(optarg); break;
		case 'W': s->wait_warn_s = atof(optarg); break;
		case 'A': s->wait_alert_s = atof(optarg); break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); return -1;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return -1;
	}
	s->socket_path = cli_socket_path(sock, state_dir);
	return 0;
}

int
main(int argc, char **argv)
{
	static struct sup s = { .sl_target = 80, .wait_warn_s = 20,
	    .wait_alert_s = 60, .retry_s = 1 };

	if (sup_options(&s, argc, argv) != 0)
		return 2;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "centrala supervisor: needs a terminal\n");
		return 2;
	}
	tui_loop_signals();
	tui_init();
	look_init(&s);
	view_init(&s);
	link_connect(&s);
	sup_loop(&s);
	if (s.cli != NULL) {
		cli_flush(s.cli);
		cli_close(s.cli);
	}
	tui_end();
	tui_table_free(&s.qt);
	tui_table_free(&s.at);
	if (s.exit_why[0] != '\0') {
		printf("centrala supervisor: %s\n", s.exit_why);
		return 1;
	}
	return 0;
}
