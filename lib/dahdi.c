/* dahdi.c: the DAHDI span driver's pure parts (dahdi.h): channel numbers,
 * system.conf, alarm words, config rules. Tested by tests/unit/test-dahdi
 * on any machine, card or not. */
#include <stdio.h>
#include <string.h>
#include "dahdi.h"

/* What DAHDI and system.conf say of each span type, by enum cfg_span_type. */
static const struct {
	int		 chans;		/* DAHDI channels of the span */
	int		 dchan;		/* timeslot of the D-channel */
	int		 bchans;	/* B-channels */
	const char	*line;		/* framing, coding */
} kinds[] = {
	{ 31, 16, 30, "ccs,hdb3,crc4" },
	{ 24, 24, 23, "esf,b8zs" },
};

/* Tone zones by the span's country (config-table.c's countries). Centrala
 * plays its own tones; DAHDI wants a zone loaded all the same. */
static const struct { const char *country, *zone; } zones[] = {
	{ "eu", "de" }, { "us", "us" }, { "uk", "uk" },
};

static const struct { int bit; const char *name; } alarm_names[] = {
	{ CZ_DAHDI_ALARM_RED, "red" },
	{ CZ_DAHDI_ALARM_YELLOW, "yellow" },
	{ CZ_DAHDI_ALARM_BLUE, "blue" },
	{ CZ_DAHDI_ALARM_LOOPBACK, "loopback" },
	{ CZ_DAHDI_ALARM_RECOVER, "recovering" },
	{ CZ_DAHDI_ALARM_NOTOPEN, "not open" },
	{ CZ_DAHDI_ALARM_LOS, "loss of signal" },
	{ CZ_DAHDI_ALARM_LFA, "loss of frame alignment" },
	{ CZ_DAHDI_ALARM_LMFA, "loss of multiframe alignment" },
};

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static int
kind(int type)
{
	return type == CFG_SPAN_T1;
}

int
dahdi_span_chans(int type)
{
	return kinds[kind(type)].chans;
}

int
dahdi_dchan_ts(int type)
{
	return kinds[kind(type)].dchan;
}

int
dahdi_bchan_ts(int type, int i)
{
	int d = dahdi_dchan_ts(type);

	if (i < 0 || i >= kinds[kind(type)].bchans)
		return -1;
	return i + 1 < d ? i + 1 : i + 2;
}

int
dahdi_ts_bchan(int type, int ts)
{
	int d = dahdi_dchan_ts(type);

	if (ts < 1 || ts > dahdi_span_chans(type) || ts == d)
		return -1;
	return ts < d ? ts - 1 : ts - 2;
}

static const struct cfg_span *
dahdi_find(const struct config *cfg, int n)
{
	for (int i = 0; i < cfg->nspans; i++)
		if (cfg->spans[i].driver == CFG_DRIVER_DAHDI &&
		    cfg->spans[i].dahdi_span == n)
			return &cfg->spans[i];
	return NULL;
}

int
dahdi_span_base(const struct config *cfg, int n)
{
	int base = 1;

	if (n < 1 || dahdi_find(cfg, n) == NULL)
		return -1;
	for (int k = 1; k < n; k++) {
		const struct cfg_span *sp = dahdi_find(cfg, k);

		if (sp == NULL)
			return -1;
		base += dahdi_span_chans(sp->type);
	}
	return base;
}

int
dahdi_channel(int base, int ts)
{
	return base + ts - 1;
}

const char *
dahdi_alarm_text(int alarms, char *buf, size_t len)
{
	size_t	n = 0;
	int	left = alarms;

	buf[0] = '\0';
	for (size_t i = 0; i < NELEM(alarm_names) && n < len; i++) {
		if (!(alarms & alarm_names[i].bit))
			continue;
		left &= ~alarm_names[i].bit;
		n += snprintf(buf + n, len - n, "%s%s", n ? ", " : "",
		    alarm_names[i].name);
	}
	if (left != 0 && n < len)
		snprintf(buf + n, len - n, "%sunknown alarm 0x%x", n ? ", " : "",
		    (unsigned)left);
	return buf;
}

enum dahdi_alarm_step
dahdi_alarm_step(int prev, int l1_up, int now)
{
	if (now == 0)
		return l1_up ? DAHDI_STEP_NONE : DAHDI_STEP_UP;
	if (l1_up)
		return DAHDI_STEP_DOWN;
	return now != prev ? DAHDI_STEP_STILL_DOWN : DAHDI_STEP_NONE;
}

int
dahdi_check_card(const struct cfg_span *sp, int totalchans,
    const char *spantype, char *why, size_t len)
{
	const char *want = kind(sp->type) ? "T1" : "E1";

	if (totalchans == dahdi_span_chans(sp->type) && (spantype[0] ==
	    '\0' || strcmp(spantype, want) == 0))
		return 0;
	snprintf(why, len, "DAHDI span %d %s%s%s %d channels, but [span %s] "
	    "says type = %s: set the port's line mode (span-types.conf, "
	    "docs/HARDWARE.md) or the span's type", sp->dahdi_span,
	    spantype[0] ? "is " : "has", spantype[0] ? spantype : "",
	    spantype[0] ? " with" : "", totalchans, sp->name,
	    kind(sp->type) ? "t1" : "e1");
	return -1;
}

int
dahdi_check_span(const struct config *cfg, const struct cfg_span *sp,
    int built, char *why, size_t len)
{
	if (sp->driver != CFG_DRIVER_DAHDI) {
		if (sp->dahdi_span == 0)
			return 0;
		snprintf(why, len, "dahdi_span is for driver = dahdi");
		return -1;
	}
	if (!built) {
		snprintf(why, len, "this centrala was built without the DAHDI "
		    "driver (dahdi/user.h was not found by configure: install "
		    "dahdi-source and rebuild), or use driver = vspan");
		return -1;
	}
	if (sp->dahdi_span == 0) {
		snprintf(why, len, "driver = dahdi needs dahdi_span = N, the "
		    "span's number on the card (dahdi_scan, /proc/dahdi/N)");
		return -1;
	}
	for (int i = 0; i < cfg->nspans; i++) {
		const struct cfg_span *o = &cfg->spans[i];

		if (o != sp && o->driver == CFG_DRIVER_DAHDI &&
		    o->dahdi_span == sp->dahdi_span) {
			snprintf(why, len, "DAHDI span %d is also [span %s]",
			    sp->dahdi_span, o->name);
			return -1;
		}
	}
	for (int k = 1; k < sp->dahdi_span; k++)
		if (dahdi_find(cfg, k) == NULL) {
			snprintf(why, len, "DAHDI span %d is not configured: "
			    "DAHDI numbers channels across its spans in order, "
			    "so every span below %d needs its [span] "
			    "(docs/HARDWARE.md)", k, sp->dahdi_span);
			return -1;
		}
	return 0;
}

static const char *
dahdi_zone(const char *country)
{
	for (size_t i = 0; i < NELEM(zones); i++)
		if (country != NULL && strcmp(country, zones[i].country) == 0)
			return zones[i].zone;
	return zones[0].zone;
}

/* The switch type's name as the config writes it (its row's choices). */
static const char *
dahdi_switch_name(const struct cfg_span *sp)
{
	for (const struct cfg_key *k = config_table; k->section; k++)
		if (strcmp(k->section, "span") == 0 &&
		    strcmp(k->key, "switchtype") == 0)
			return k->choices[cfg_span_switch(sp)];
	return "?";
}

/* One span's lines: span=, bchan=, hardhdlc=. TIMING is its rank as a
 * clock source (0: never). */
static void
dahdi_conf_span(const struct cfg_span *sp, int base, int timing, FILE *f)
{
	int	 k = kind(sp->type);
	int	 d = dahdi_channel(base, kinds[k].dchan);

	fprintf(f, "\n# [span %s]: %s, %s, %s side, %d B-channels%s\n",
	    sp->name, k ? "T1 mu-law" : "E1 A-law", dahdi_switch_name(sp),
	    sp->side == CFG_SIDE_USER ? "user" : "network", kinds[k].bchans,
	    timing ? ", clock from the network" : ", not a clock source");
	fprintf(f, "span=%d,%d,0,%s\n", sp->dahdi_span, timing, kinds[k].line);
	if (k)
		fprintf(f, "bchan=%d-%d\n", base, d - 1);
	else
		fprintf(f, "bchan=%d-%d,%d-%d\n", base, d - 1, d + 1,
		    dahdi_channel(base, kinds[k].chans));
	fprintf(f, "hardhdlc=%d\n", d);
}

int
dahdi_system_conf(const struct config *cfg, FILE *f)
{
	const struct cfg_span	*sp;
	const char		*zone = NULL;
	int			 n, timing = 0, base = 1;

	fprintf(f, "# /etc/dahdi/system.conf for Centrala (written by "
	    "`centrala core --dahdi-conf`).\n# Apply with `dahdi_cfg -vv`; "
	    "see docs/HARDWARE.md.\n");
	for (n = 1; (sp = dahdi_find(cfg, n)) != NULL; n++) {
		if (zone == NULL)
			zone = dahdi_zone(sp->country);
		dahdi_conf_span(sp, base, sp->side == CFG_SIDE_USER ?
		    ++timing : 0, f);
		base += dahdi_span_chans(sp->type);
	}
	if (n == 1) {
		fprintf(f, "# No span of the configuration has driver = "
		    "dahdi.\n");
		return 0;
	}
	fprintf(f, "\n# Tones: Centrala plays its own; DAHDI wants a zone.\n"
	    "loadzone = %s\ndefaultzone = %s\n", zone, zone);
	return n - 1;
}
