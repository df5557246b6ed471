/* test-dahdi.c: the DAHDI driver's pure parts (lib/dahdi.c): B-channel <->
 * timeslot on E1 (16 skipped) and T1, DAHDI channel numbers across spans,
 * the system.conf text, alarm words, and the config's rules as the INI
 * reader applies them. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "dahdi.h"
#include "tap.h"

static char dir[] = "/tmp/cztdahdi.XXXXXX";
static char err[1024];
static const char base_ini[] = "";

#include "cfgtest.h"

#ifdef HAVE_DAHDI
#define BUILT 1
#else
#define BUILT 0
#endif

static void
test_timeslots(void)
{
	int bad = 0, n;

	ok(dahdi_span_chans(CFG_SPAN_E1) == 31 &&
	    dahdi_span_chans(CFG_SPAN_T1) == 24, "DAHDI gives E1 31 channels, "
	    "T1 24");
	ok(dahdi_dchan_ts(CFG_SPAN_E1) == 16 && dahdi_dchan_ts(CFG_SPAN_T1) ==
	    24, "D-channel: E1 timeslot 16, T1 timeslot 24");
	ok(dahdi_bchan_ts(CFG_SPAN_E1, 0) == 1 &&
	    dahdi_bchan_ts(CFG_SPAN_E1, 14) == 15 &&
	    dahdi_bchan_ts(CFG_SPAN_E1, 15) == 17 &&
	    dahdi_bchan_ts(CFG_SPAN_E1, 29) == 31 &&
	    dahdi_bchan_ts(CFG_SPAN_E1, 30) == -1 &&
	    dahdi_bchan_ts(CFG_SPAN_E1, -1) == -1,
	    "E1 B-channels 1-30 are timeslots 1-15, 17-31");
	ok(dahdi_bchan_ts(CFG_SPAN_T1, 0) == 1 &&
	    dahdi_bchan_ts(CFG_SPAN_T1, 22) == 23 &&
	    dahdi_bchan_ts(CFG_SPAN_T1, 23) == -1,
	    "T1 B-channels 1-23 are timeslots 1-23");
	ok(dahdi_ts_bchan(CFG_SPAN_E1, 16) == -1 &&
	    dahdi_ts_bchan(CFG_SPAN_E1, 0) == -1 &&
	    dahdi_ts_bchan(CFG_SPAN_E1, 32) == -1 &&
	    dahdi_ts_bchan(CFG_SPAN_T1, 24) == -1,
	    "the D-channel and timeslots out of range are no B-channel");
	for (int t = CFG_SPAN_E1; t <= CFG_SPAN_T1; t++)
		for (n = 0; dahdi_bchan_ts(t, n) > 0; n++)
			if (dahdi_ts_bchan(t, dahdi_bchan_ts(t, n)) != n ||
			    dahdi_bchan_ts(t, n) == dahdi_dchan_ts(t))
				bad++;
	ok(bad == 0, "B-channel -> timeslot -> B-channel round trips, never "
	    "the D-channel");
}

static void
test_alarms(void)
{
	char buf[256];

	ok(strcmp(dahdi_alarm_text(0, buf, sizeof buf), "") == 0,
	    "no alarm: empty");
	ok(strcmp(dahdi_alarm_text(CZ_DAHDI_ALARM_RED | CZ_DAHDI_ALARM_LOS,
	    buf, sizeof buf), "red, loss of signal") == 0,
	    "red + LOS: \"%s\"", buf);
	ok(strcmp(dahdi_alarm_text(CZ_DAHDI_ALARM_YELLOW, buf, sizeof buf),
	    "yellow") == 0, "yellow");
	ok(strcmp(dahdi_alarm_text(CZ_DAHDI_ALARM_BLUE | CZ_DAHDI_ALARM_LFA |
	    CZ_DAHDI_ALARM_LMFA, buf, sizeof buf), "blue, loss of frame "
	    "alignment, loss of multiframe alignment") == 0, "blue + LFA + "
	    "LMFA: \"%s\"", buf);
	ok(strcmp(dahdi_alarm_text(CZ_DAHDI_ALARM_RECOVER |
	    CZ_DAHDI_ALARM_LOOPBACK | CZ_DAHDI_ALARM_NOTOPEN, buf, sizeof buf),
	    "loopback, recovering, not open") == 0, "loopback, recovering, "
	    "not open: \"%s\"", buf);
	ok(strcmp(dahdi_alarm_text(1 << 20 | CZ_DAHDI_ALARM_RED, buf,
	    sizeof buf), "red, unknown alarm 0x100000") == 0,
	    "an unknown bit is shown, not lost: \"%s\"", buf);
	ok(dahdi_alarm_step(-1, 0, 0) == DAHDI_STEP_UP,
	    "first reading, no alarm: layer 1 up");
	ok(dahdi_alarm_step(-1, 0, CZ_DAHDI_ALARM_RED) ==
	    DAHDI_STEP_STILL_DOWN, "first reading in alarm: said, stays down");
	ok(dahdi_alarm_step(0, 1, CZ_DAHDI_ALARM_RED | CZ_DAHDI_ALARM_LOS) ==
	    DAHDI_STEP_DOWN, "an alarm while up: layer 1 down");
	ok(dahdi_alarm_step(0, 1, CZ_DAHDI_ALARM_YELLOW) == DAHDI_STEP_DOWN,
	    "yellow too (the far end cannot hear us)");
	ok(dahdi_alarm_step(CZ_DAHDI_ALARM_RED, 0, CZ_DAHDI_ALARM_RED) ==
	    DAHDI_STEP_NONE, "the same alarm again: nothing");
	ok(dahdi_alarm_step(CZ_DAHDI_ALARM_RED, 0, CZ_DAHDI_ALARM_RECOVER) ==
	    DAHDI_STEP_STILL_DOWN, "recovering is not up yet");
	ok(dahdi_alarm_step(CZ_DAHDI_ALARM_RECOVER, 0, 0) == DAHDI_STEP_UP,
	    "alarm cleared: layer 1 up");
	ok(dahdi_alarm_step(0, 1, 0) == DAHDI_STEP_NONE,
	    "no alarm while up: nothing");
	dahdi_alarm_text(0x7ff, buf, 12);
	ok(strlen(buf) < 12, "a short buffer is not overrun");
}

/* Two E1 and a T1 on the card, in the file out of order. */
static const char three_spans[] =
	"[span t1a]\ndriver = dahdi\ndahdi_span = 3\ntype = t1\n"
	"switchtype = dms100\ncountry = us\n"
	"[span e1a]\ndriver = dahdi\ndahdi_span = 1\n"
	"[span e1b]\ndriver = dahdi\ndahdi_span = 2\nside = network\n"
	"[span virt]\n";

static void
test_config(void)
{
	struct config	*cfg;
	char		*text = NULL;
	size_t		 len = 0;
	FILE		*f;

	cfg = load_with(three_spans);
	if (!BUILT) {
		ok(cfg == NULL && strstr(err, "built without the DAHDI driver"),
		    "a build without DAHDI refuses a dahdi span: %s", err);
		return;
	}
	ok(cfg != NULL, "three DAHDI spans and a virtual one load: %s",
	    cfg ? "" : err);
	if (cfg == NULL)
		return;
	ok(dahdi_span_base(cfg, 1) == 1 && dahdi_span_base(cfg, 2) == 32 &&
	    dahdi_span_base(cfg, 3) == 63 && dahdi_span_base(cfg, 4) == -1 &&
	    dahdi_span_base(cfg, 0) == -1,
	    "channel numbers: span 1 from 1, 2 from 32, 3 from 63");
	ok(dahdi_channel(32, 16) == 47 && dahdi_channel(63, 24) == 86,
	    "span 2's D-channel is 47, span 3's is 86");
	f = open_memstream(&text, &len);
	ok(dahdi_system_conf(cfg, f) == 3, "system.conf has three spans");
	fclose(f);
	ok(strstr(text, "span=1,1,0,ccs,hdb3,crc4\nbchan=1-15,17-31\n"
	    "hardhdlc=16\n") != NULL, "span 1: E1, first clock source");
	ok(strstr(text, "span=2,0,0,ccs,hdb3,crc4\nbchan=32-46,48-62\n"
	    "hardhdlc=47\n") != NULL, "span 2: network side, no clock source");
	ok(strstr(text, "span=3,2,0,esf,b8zs\nbchan=63-85\nhardhdlc=86\n") !=
	    NULL, "span 3: T1, second clock source");
	ok(strstr(text, "# [span t1a]: T1 mu-law, dms100, user side, 23 "
	    "B-channels") && strstr(text, "# [span e1a]: E1 A-law, "
	    "euroisdn_e1, user side"), "each span's law, switch type, side");
	ok(strstr(text, "loadzone = de\ndefaultzone = de\n") != NULL,
	    "tone zone of the first span's country");
	ok(strstr(text, "span=1") < strstr(text, "span=2") &&
	    strstr(text, "span=2") < strstr(text, "span=3") &&
	    strstr(text, "virt") == NULL, "in DAHDI's order, vspans left out");
	for (char *p = text, *nl; (nl = strchr(p, '\n')); p = nl + 1)
		printf("#   %.*s\n", (int)(nl - p), p);
	free(text);
	config_free(cfg);

	cfg = load_with("[span virt]\n");
	f = open_memstream(&text, &len);
	ok(cfg != NULL && dahdi_system_conf(cfg, f) == 0, "no dahdi span: "
	    "nothing but a comment");
	fclose(f);
	ok(text != NULL && strstr(text, "span=") == NULL &&
	    strstr(text, "No span") != NULL, "... which says so");
	free(text);
	config_free(cfg);

	ok(refused("[span a]\ndriver = dahdi\n", "needs dahdi_span = N"),
	    "driver = dahdi without dahdi_span");
	ok(refused("[span a]\ndahdi_span = 1\n",
	    "dahdi_span is for driver = dahdi"), "dahdi_span on a vspan");
	ok(refused("[span a]\ndriver = dahdi\ndahdi_span = 1\n"
	    "[span b]\ndriver = dahdi\ndahdi_span = 1\n",
	    "DAHDI span 1 is also [span"), "one DAHDI span twice");
	ok(refused("[span a]\ndriver = dahdi\ndahdi_span = 1\n"
	    "[span b]\ndriver = dahdi\ndahdi_span = 3\n",
	    "DAHDI span 2 is not configured"), "a gap below a DAHDI span");
	ok(refused("[span a]\ndriver = dahdi\ndahdi_span = 129\n",
	    "dahdi_span"), "dahdi_span out of range");
	ok(refused("[span a]\ndriver = dahdi\ndahdi_span = 1\ntype = t1\n"
	    "switchtype = euroisdn\n", "not a switch type of a T1"),
	    "a T1 DAHDI span takes T1 switch types only");
	ok(refused("[span a]\ndriver = isdn4linux\n", "driver"),
	    "an unknown driver");
}

static void
test_card(void)
{
	struct cfg_span	sp = { .name = "pri1", .dahdi_span = 2 };
	char		why[512];

	ok(dahdi_check_card(&sp, 31, "E1", why, sizeof why) == 0 &&
	    dahdi_check_card(&sp, 31, "", why, sizeof why) == 0,
	    "an E1 span on an E1 port (or an old driver that names no type)");
	ok(dahdi_check_card(&sp, 24, "T1", why, sizeof why) == -1 &&
	    strstr(why, "DAHDI span 2 is T1 with 24 channels, but [span pri1] "
	    "says type = e1") != NULL, "an E1 span on a T1 port: %s", why);
	ok(dahdi_check_card(&sp, 31, "J1", why, sizeof why) == -1,
	    "31 channels but not E1: refused");
	ok(dahdi_check_card(&sp, 3, "BRI", why, sizeof why) == -1 &&
	    strstr(why, "BRI with 3 channels"), "a BRI port: %s", why);
	sp.type = CFG_SPAN_T1;
	ok(dahdi_check_card(&sp, 24, "T1", why, sizeof why) == 0,
	    "a T1 span on a T1 port");
	ok(dahdi_check_card(&sp, 31, "", why, sizeof why) == -1 &&
	    strstr(why, "DAHDI span 2 has 31 channels") != NULL &&
	    strstr(why, "type = t1"), "a T1 span on an unnamed 31-channel "
	    "port: %s", why);
}

static void
test_built(void)
{
	struct config	 cfg;
	struct cfg_span	 sp[1];
	char		 why[512];

	memset(&cfg, 0, sizeof cfg);
	memset(sp, 0, sizeof sp);
	sp[0].name = "a";
	sp[0].driver = CFG_DRIVER_DAHDI;
	sp[0].dahdi_span = 1;
	cfg.spans = sp;
	cfg.nspans = 1;
	ok(dahdi_check_span(&cfg, &sp[0], 1, why, sizeof why) == 0,
	    "with the driver built, a dahdi span passes");
	ok(dahdi_check_span(&cfg, &sp[0], 0, why, sizeof why) == -1 &&
	    strstr(why, "dahdi/user.h") && strstr(why, "driver = vspan"),
	    "without it: a clear error: %s", why);
	sp[0].driver = CFG_DRIVER_VSPAN;
	sp[0].dahdi_span = 0;
	ok(dahdi_check_span(&cfg, &sp[0], 0, why, sizeof why) == 0,
	    "a vspan needs no DAHDI");
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	test_timeslots();
	test_alarms();
	test_config();
	test_card();
	test_built();
	unlink(write_file("t.ini", ""));
	rmdir(dir);
	return tap_done();
}
