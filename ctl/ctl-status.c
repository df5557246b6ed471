/* ctl-status.c: `centrala ctl status` as tables: the core, its spans,
 * queues (today's service level), agents logged in and calls. */
#include <stdio.h>
#include <string.h>
#include "ctl.h"

/* A figure that may be null (undefined yet), formatted into buf. */
static const char *
ctl_num(json_t *o, const char *k, const char *fmt, char *buf, size_t len)
{
	json_t *v = json_object_get(o, k);

	if (!json_is_number(v))
		return "-";
	snprintf(buf, len, fmt, json_number_value(v));
	return buf;
}

/* Prints s in a column of width characters (UTF-8 aware: names are not
 * ASCII), cut if longer, then a space. */
static void
ctl_col(const char *s, int width)
{
	int n = 0;

	for (; *s != '\0'; s++) {
		if ((*s & 0xc0) != 0x80 && n++ == width)
			break;
		putchar(*s);
	}
	printf("%*s", width - (n > width ? width : n) + 1, "");
}

static void
ctl_print_core(json_t *core)
{
	int up = ctl_i(core, "uptime_s");

	printf("centrala %s, up %d:%02d:%02d%s\n", ctl_s(core, "version"),
	    up / 3600, up / 60 % 60, up % 60, json_is_true(json_object_get(core,
	    "draining")) ? ", STOPPING (refusing new calls)" : "");
}

static void
ctl_print_spans(json_t *spans)
{
	json_t	*x;
	size_t	 i;

	printf("\n%-10s %-5s %-5s %-7s %s\n", "SPAN", "L1", "L2", "IN USE",
	    "ALARM");
	json_array_foreach(spans, i, x) {
		char use[32];

		snprintf(use, sizeof use, "%d/%d", ctl_i(x, "in_use"),
		    ctl_i(x, "channels"));
		printf("%-10s %-5s %-5s %-7s %s\n", ctl_s(x, "name"),
		    ctl_s(x, "l1"), ctl_s(x, "l2"), use, ctl_s(x, "alarm"));
	}
}

static void
ctl_print_queues(json_t *queues)
{
	json_t	*x, *t;
	size_t	 i;
	char	 b1[16], b2[16], b3[16];

	printf("\n%-10s %7s %7s %7s %8s %9s %5s %6s %6s %6s\n", "QUEUE",
	    "WAITING", "LONGEST", "OFFERED", "ANSWERED", "ABANDONED", "READY",
	    "SL%", "ASA", "AHT");
	json_array_foreach(queues, i, x) {
		t = json_object_get(x, "today");
		printf("%-10s %7d %6ds %7d %8d %9d %5d %6s %6s %6s\n",
		    ctl_s(x, "name"), ctl_i(x, "waiting"),
		    ctl_i(x, "longest_wait_s"), ctl_i(x, "offered"),
		    ctl_i(x, "answered"), ctl_i(x, "abandoned"),
		    ctl_i(x, "agents_ready"),
		    ctl_num(t, "sl_pct", "%.1f", b1, sizeof b1),
		    ctl_num(t, "asa_s", "%.1fs", b2, sizeof b2),
		    ctl_num(t, "aht_s", "%.0fs", b3, sizeof b3));
	}
}

static void
ctl_print_agents(json_t *agents)
{
	json_t	*x;
	size_t	 i;
	int	 out = 0;

	printf("\n%-6s %-24s %-10s %-10s %-18s %s\n", "AGENT", "NAME", "STATE",
	    "REASON", "CALL", "CALLS");
	json_array_foreach(agents, i, x) {
		if (strcmp(ctl_s(x, "state"), "logged_out") == 0) {
			out++;
			continue;
		}
		printf("%-6s ", ctl_s(x, "agent"));
		ctl_col(ctl_s(x, "name"), 24);
		printf("%-10s %-10s %-18s %d\n", ctl_s(x, "state"),
		    ctl_s(x, "reason"), ctl_s(x, "call"), ctl_i(x, "calls"));
	}
	if (out > 0)
		printf("(%d more logged out)\n", out);
}

static void
ctl_print_calls(json_t *calls)
{
	json_t	*x;
	size_t	 i;

	printf("\n%-18s %-9s %-3s %-14s %-6s %-10s %-6s %s\n", "CALL", "STATE",
	    "DIR", "FROM", "TO", "QUEUE", "AGENT", "AGE");
	json_array_foreach(calls, i, x)
		printf("%-18s %-9s %-3s %-14s %-6s %-10s %-6s %ds\n",
		    ctl_s(x, "call"), ctl_s(x, "state"), ctl_s(x, "direction"),
		    ctl_s(x, "cli"), ctl_s(x, "dnis"), ctl_s(x, "queue"),
		    ctl_s(x, "agent"), ctl_i(x, "age_s"));
	if (json_array_size(calls) == 0)
		printf("(no calls)\n");
}

void
ctl_print_status(json_t *r)
{
	ctl_print_core(json_object_get(r, "core"));
	ctl_print_spans(json_object_get(r, "spans"));
	ctl_print_queues(json_object_get(r, "queues"));
	ctl_print_agents(json_object_get(r, "agents"));
	ctl_print_calls(json_object_get(r, "calls"));
}
