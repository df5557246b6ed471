/* agentbot.c: scripted agents for the tests, a thin main around
 * demo/bots.c: logs the agents named in, answers offers, prints a line per
 * event handled and a summary when it stops (--duration, SIGTERM, SIGINT).
 * Exit: 0 after a clean stop, 1 if an agent could not log in, 2 usage. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "bots.h"
#include "cli.h"

static struct {
	struct event_base	*base;
	FILE			*log;	/* --log: the lines go here too */
	int			 failed;
} ab;

static void
agentbot_usage(FILE *f)
{
	fprintf(f,
"usage: agentbot [--state-dir D | --socket P] --agents LIST [options]\n"
"Scripted agents: log in, go ready, accept offers after a delay, hang up\n"
"after the talk time, be ready again. A line per event, a summary at the end.\n\n"
"  -s, --state-dir D       the core's state directory (socket in D/run)\n"
"  -S, --socket P          the core's socket\n"
"  -a, --agents LIST       agent ids: 1001-1030,1040\n"
"  -p, --pin PIN           their PIN (default 1234)\n"
"  -d, --accept-delay MS   answer an offer after MS ms (default 200)\n"
"  -t, --talk S            hang up S s after connect (default 0: the caller\n"
"                          hangs up)\n"
"      --talk-exp          talk time exponential with mean --talk\n"
"  -r, --reject P          reject an offer with probability P (0 to 1)\n"
"  -w, --wrap S            S s after a call, end the core's wrap-up (default:\n"
"                          the core's wrap-up runs out)\n"
"      --stay              after a call, stay as the core leaves the agent\n"
"      --no-reconnect      do not come back when the core goes away\n"
"  -x, --seed N            random seed (default 1)\n"
"  -D, --duration S        stop after S seconds\n"
"  -l, --log FILE          also write the lines to FILE\n"
"  -v, --verbose           also a line per message sent and received\n"
"  -h, --help\n\n"
"Lines: bot ID login|ready|offer C|accept C|reject C|cancel C reason=R|\n"
"connected C|hangup C|ended C cause=N by=WHO|disconnected|error REQ: ...;\n"
"at the end: bots offers=N accepted=N rejected=N ended=N\n");
}

static void
agentbot_line_cb(void *arg, const char *line)
{
	printf("%s\n", line);
	if (ab.log != NULL) {
		fprintf(ab.log, "%s\n", line);
		fflush(ab.log);
	}
}

static void
agentbot_fail_cb(void *arg, const char *agent, const char *why)
{
	fprintf(stderr, "agentbot: agent %s: %s\n", agent, why);
	ab.failed = 1;
	event_base_loopbreak(ab.base);
}

static void
agentbot_stop_cb(evutil_socket_t sig, short what, void *arg)
{
	event_base_loopbreak(ab.base);
}

static double
agentbot_num(const char *what, const char *v, double min, double max)
{
	char	*end;
	double	 d = strtod(v, &end);

	if (*v == '\0' || *end != '\0' || !(d >= min && d <= max)) {
		fprintf(stderr, "agentbot: %s: \"%s\" is not valid\n", what, v);
		exit(2);
	}
	return d;
}

static void
agentbot_agents(struct bots_opts *o, const char *list)
{
	bots_free_agents(o->agents, o->nagents);
	if (bots_parse_agents(list, &o->agents, &o->nagents) != 0) {
		fprintf(stderr, "agentbot: --agents: \"%s\" is not a list such "
		    "as 1001-1030,1040\n", list);
		exit(2);
	}
}

static void
agentbot_options(int argc, char **argv, struct bots_opts *o,
    const char **sock, const char **state, double *duration)
{
	static const struct option lo[] = {
		{ "state-dir", 1, NULL, 's' }, { "socket", 1, NULL, 'S' },
		{ "agents", 1, NULL, 'a' }, { "pin", 1, NULL, 'p' },
		{ "accept-delay", 1, NULL, 'd' }, { "talk", 1, NULL, 't' },
		{ "talk-exp", 0, NULL, 'e' }, { "reject", 1, NULL, 'r' },
		{ "wrap", 1, NULL, 'w' }, { "stay", 0, NULL, 'y' },
		{ "no-reconnect", 0, NULL, 'n' }, { "seed", 1, NULL, 'x' },
		{ "duration", 1, NULL, 'D' }, { "log", 1, NULL, 'l' },
		{ "verbose", 0, NULL, 'v' }, { "help", 0, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "s:S:a:p:d:t:r:w:x:D:l:vh", lo,
	    NULL)) != -1) {
		switch (ch) {
		case 's': *state = optarg; break;
		case 'S': *sock = optarg; break;
		case 'a': agentbot_agents(o, optarg); break;
		case 'p': o->pin = optarg; break;
		case 'd': o->accept_delay_ms = (int)agentbot_num("--accept-delay",
		    optarg, 0, 86400000); break;
		case 't': o->talk_s = agentbot_num("--talk", optarg, 0, 86400); break;
		case 'e': o->talk_exp = 1; break;
		case 'r': o->reject_p = agentbot_num("--reject", optarg, 0, 1); break;
		case 'w': o->wrap_ms = (int)(1000 * agentbot_num("--wrap", optarg,
		    0, 86400)); break;
		case 'y': o->ready_after_call = 0; break;
		case 'n': o->reconnect = 0; break;
		case 'x': o->seed = (unsigned)agentbot_num("--seed", optarg, 0,
		    4294967295.0); break;
		case 'D': *duration = agentbot_num("--duration", optarg, 0, 1e9); break;
		case 'l':
			if ((ab.log = fopen(optarg, "a")) == NULL) {
				perror(optarg);
				exit(2);
			}
			break;
		case 'v': o->verbose = 1; break;
		case 'h': agentbot_usage(stdout); exit(0);
		default: agentbot_usage(stderr); exit(2);
		}
	}
	if (o->nagents == 0 || optind != argc) {
		agentbot_usage(stderr);
		exit(2);
	}
}

static void
agentbot_summary(struct bots *b)
{
	struct bots_stats	st;
	char			line[256];

	bots_stats(b, &st);
	snprintf(line, sizeof line, "bots offers=%u accepted=%u rejected=%u "
	    "ended=%u", st.offers, st.accepted, st.rejected, st.ended);
	agentbot_line_cb(NULL, line);
}

int
main(int argc, char **argv)
{
	struct bots_opts	 o = { .pin = "1234", .accept_delay_ms = 200,
	    .seed = 1, .ready_after_call = 1, .wrap_ms = -1, .reconnect = 1,
	    .line_cb = agentbot_line_cb, .fail_cb = agentbot_fail_cb };
	const char		*state = NULL, *sock = NULL;
	double			 duration = 0;
	struct event		*sigterm, *sigint;
	struct bots		*b;
	char			 err[512];

	agentbot_options(argc, argv, &o, &sock, &state, &duration);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	o.socket_path = cli_socket_path(sock, state);
	ab.base = event_base_new();
	if ((b = bots_start(ab.base, &o, err, sizeof err)) == NULL) {
		fprintf(stderr, "agentbot: %s\n", err);
		return 1;
	}
	sigterm = evsignal_new(ab.base, SIGTERM, agentbot_stop_cb, NULL);
	sigint = evsignal_new(ab.base, SIGINT, agentbot_stop_cb, NULL);
	evsignal_add(sigterm, NULL);
	evsignal_add(sigint, NULL);
	if (duration > 0) {
		struct timeval tv = { (long)duration,
		    (long)((duration - (long)duration) * 1e6) };

		event_base_loopexit(ab.base, &tv);
	}
	event_base_dispatch(ab.base);
	agentbot_summary(b);
	bots_free(b);
	bots_free_agents(o.agents, o.nagents);
	event_free(sigterm);
	event_free(sigint);
	event_base_free(ab.base);
	if (ab.log != NULL)
		fclose(ab.log);
	return ab.failed ? 1 : 0;
}
