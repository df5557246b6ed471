/* agentbot.c: scripted agents for the tests: logs in the agents named,
 * answers offers, prints a line per event and a summary at the end. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <event2/event.h>
#include "bots.h"
#include "cli.h"

static void
agentbot_stop_cb(evutil_socket_t sig, short what, void *arg)
{
	event_base_loopexit(arg, NULL);
}

static void
usage(FILE *f)
{
	fprintf(f, "usage: agentbot [--state-dir D | --socket P] --agents LIST "
	    "[--pin PIN] [--accept-delay MS] [--talk S] [--talk-exp] "
	    "[--reject P] [--seed N] [--duration S]\n");
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state-dir", required_argument, NULL, 's' },
		{ "socket", required_argument, NULL, 'S' },
		{ "agents", required_argument, NULL, 'a' },
		{ "pin", required_argument, NULL, 'p' },
		{ "accept-delay", required_argument, NULL, 'd' },
		{ "talk", required_argument, NULL, 't' },
		{ "talk-exp", no_argument, NULL, 'e' },
		{ "reject", required_argument, NULL, 'r' },
		{ "seed", required_argument, NULL, 'x' },
		{ "duration", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	struct bots_opts	 o = { .pin = "1234", .accept_delay_ms = 200,
	    .log = stdout, .seed = 1 };
	const char		*state = NULL, *sock = NULL;
	double			 duration = 0;
	struct event_base	*base;
	struct bots		*b;
	struct bots_stats	 st;
	char			 err[512];
	int			 ch;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 's': state = optarg; break;
		case 'S': sock = optarg; break;
		case 'a':
			if (bots_parse_agents(optarg, &o.agents, &o.nagents) != 0) {
				fprintf(stderr, "agentbot: bad --agents %s\n", optarg);
				return 2;
			}
			break;
		case 'p': o.pin = optarg; break;
		case 'd': o.accept_delay_ms = atoi(optarg); break;
		case 't': o.talk_s = atof(optarg); break;
		case 'e': o.talk_exp = 1; break;
		case 'r': o.reject_p = atof(optarg); break;
		case 'x': o.seed = atoi(optarg); break;
		case 'D': duration = atof(optarg); break;
		default: usage(stderr); return 2;
		}
	}
	if (o.nagents == 0) {
		usage(stderr);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	o.socket_path = cli_socket_path(sock, state);
	base = event_base_new();
	if ((b = bots_start(base, &o, err, sizeof err)) == NULL) {
		fprintf(stderr, "agentbot: %s\n", err);
		return 1;
	}
	evsignal_add(evsignal_new(base, SIGTERM, agentbot_stop_cb, base), NULL);
	evsignal_add(evsignal_new(base, SIGINT, agentbot_stop_cb, base), NULL);
	if (duration > 0) {
		struct timeval tv = { (long)duration, 0 };

		event_base_loopexit(base, &tv);
	}
	event_base_dispatch(base);
	bots_stats(b, &st);
	printf("bots offers=%u accepted=%u rejected=%u ended=%u\n", st.offers,
	    st.accepted, st.rejected, st.ended);
	bots_free(b);
	event_base_free(base);
	return 0;
}
