/* test-campaign.c: campaigns without a core: E.164 numbers and their
 * zones, dispositions and retry rules, the [campaign] section's errors,
 * a CSV import with bad rows (named by line) and a fatal one (nothing
 * kept), then the dialer's choice of the next record and why-not on a
 * real database file: list priorities, paused lists, DNC, calling hours
 * in the record's zone, retry delays and used attempts; the abandon
 * figures the `campaigns` reply gives (live answers and abandons since a
 * time). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include <sqlite3.h>
#include "campaign.h"
#include "camprule.h"
#include "config.h"
#include "db.h"
#include "db-campaign.h"
#include "phone.h"
#include "tap.h"

#define HASH "$6$rounds=5000$abcdefgh$0123456789012345678901234567890123"
#define MIN_MS	60000LL

static char dir[] = "/tmp/cztcamp.XXXXXX";
static char err[1024];

static const char base_ini[] =
	"[span e1a]\n[client acme]\n[queue sales]\nclient = acme\n"
	"[agent 1001]\nname = Ann\npin = " HASH "\nqueues = sales\n";

static const char camp_ini[] =
	"[campaign spring]\nclient = acme\nqueues = sales\ncountry = 44\n"
	"caller_id = 020 7946 0000\nhours = mon-fri 09:00-20:00\n"
	"timezone = Europe/London\ndispositions = sale:success:close, "
	"later:retry=60, stop:dnc\nretry_busy = 10:2\nstate = running\n"
	"target = 2\n";

#include "cfgtest.h"

static time_t
utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	    .tm_hour = h, .tm_min = mi };

	return timegm(&tm);
}

static int
e164_is(const char *in, const char *cc, const char *want)
{
	char out[PHONE_E164_MAX + 1], why[160];

	if (phone_e164(in, cc, out, sizeof out, why, sizeof why) != 0) {
		printf("# %s: %s\n", in, why);
		return 0;
	}
	return strcmp(out, want) == 0;
}

static int
e164_bad(const char *in, const char *cc, const char *want)
{
	char out[PHONE_E164_MAX + 1], why[160] = "";

	return phone_e164(in, cc, out, sizeof out, why, sizeof why) != 0 &&
	    strstr(why, want) != NULL;
}

static void
test_phone(void)
{
	ok(e164_is("020 7946 0000", "44", "+442079460000"), "UK national, trunk 0 dropped");
	ok(e164_is("+48 600-100-200", "", "+48600100200"), "international with +");
	ok(e164_is("0048 600 100 200", "44", "+48600100200"), "international with 00");
	ok(e164_is("(212) 555-0100", "1", "+12125550100"), "NANP national");
	ok(e164_is("1 212 555 0100", "1", "+12125550100"), "NANP with its leading 1");
	ok(e164_bad("600100200", "", "no country code"), "a national number needs a country");
	ok(e164_bad("07946x0000", "44", "'x' is not part"), "a letter refused, named");
	ok(e164_bad("+4412345678901234", "", "not a valid E.164"), "16 digits refused");
	ok(e164_bad("12", "44", "not a valid E.164"), "too short refused");
	ok(e164_bad("", "44", "no digits"), "empty refused");
	ok(strcmp(phone_tz("+442079460000"), "Europe/London") == 0 &&
	    strcmp(phone_tz("+13125550100"), "America/Chicago") == 0 &&
	    strcmp(phone_tz("+19995550100"), "America/New_York") == 0 &&
	    phone_tz("+999123456") == NULL, "zones by country and area code");
}

static void
test_rules(void)
{
	struct camp_disp	d[CAMPRULE_MAX_DISP];
	struct camp_retry	r;
	char			why[256];
	int			n, ymd;

	ok(camprule_dispositions("sale:success:close, later:retry=60, stop:dnc",
	    d, &n, why, sizeof why) == 0 && n == 3 && d[0].success && d[0].close &&
	    d[1].retry_min == 60 && !d[1].close && d[2].dnc && d[2].close,
	    "dispositions with flags");
	ok(camprule_dispositions("sale:sucess", d, &n, why, sizeof why) != 0 &&
	    strstr(why, "\"sucess\" is not a flag") != NULL, "a bad flag named: %s", why);
	ok(camprule_dispositions("a:close:retry=5", d, &n, why, sizeof why) != 0,
	    "close and retry together refused");
	ok(camprule_dispositions("a, a", d, &n, why, sizeof why) != 0 &&
	    strstr(why, "twice") != NULL, "a code twice refused");
	ok(camprule_retry("10:5", &r, why, sizeof why) == 0 && r.delay_min == 10 &&
	    r.max_attempts == 5, "retry rule");
	ok(camprule_retry("10", &r, why, sizeof why) != 0 &&
	    camprule_retry("10:0", &r, why, sizeof why) != 0, "bad retry rules refused");
	ok(camprule_date("2027-01-31", &ymd, why, sizeof why) == 0 && ymd == 20270131 &&
	    camprule_date("31/01/2027", &ymd, why, sizeof why) != 0, "end date");
}

static void
test_config(void)
{
	struct config			*cfg = load_with(camp_ini);
	const struct cfg_campaign	*c;

	ok(cfg != NULL, "a campaign section loads%s%s", cfg ? "" : ": ", cfg ? "" : err);
	c = config_find_campaign(cfg, "spring");
	ok(c != NULL && strcmp(c->client, "acme") == 0 && c->mode == CFG_DIAL_PREVIEW &&
	    c->abandon_cap == 3 && strcmp(c->retry[CAMP_ABANDONED], "4320:3") == 0 &&
	    c->state == CFG_CAMP_RUNNING, "its values and defaults");
	config_free(cfg);
	ok(refused("[campaign x]\nqueues = sales\ncaller_id = +442079460000\n"
	    "dispositions = sale\n", "[campaign x] client: missing"), "client required");
	ok(refused("[campaign x]\nclient = nobody\nqueues = sales\n"
	    "caller_id = +442079460000\ndispositions = sale\n",
	    "[campaign x] client: no client \"nobody\""), "unknown client named");
	ok(refused("[campaign x]\nclient = acme\ncaller_id = +442079460000\n"
	    "dispositions = sale\n", "[campaign x] agents: a campaign needs agents"),
	    "no agents refused");
	ok(refused("[campaign x]\nclient = acme\nqueues = sales\ncaller_id = 0207946\n"
	    "dispositions = sale\n", "[campaign x] caller_id: \"0207946\": a national"),
	    "national caller id without country refused");
	ok(refused("[campaign x]\nclient = acme\nagents = 1001\ncaller_id = +442079460000\n"
	    "dispositions = sale:win\n", "[campaign x] dispositions: sale: \"win\""),
	    "a bad disposition flag named");
	ok(refused("[campaign x]\nclient = acme\nagents = 1001\ncaller_id = +442079460000\n"
	    "dispositions = sale\nretry_busy = soon\n", "[campaign x] retry_busy:"),
	    "a bad retry rule named");
	ok(refused("[campaign x]\nclient = acme\nagents = 1001\ncaller_id = +442079460000\n"
	    "dispositions = sale\nmode = aggressive\n", "[campaign x] mode: \"aggressive\""),
	    "a bad mode named");
	ok(refused("[campaign x]\nclient = acme\nagents = 1001\ncaller_id = +442079460000\n"
	    "dispositions = sale\nend_date = soon\n", "[campaign x] end_date:"),
	    "a bad end date named");
}

static int
q_int(struct db *db, const char *path, const char *sql)
{
	sqlite3		*h;
	sqlite3_stmt	*st;
	int		 v = -1;

	(void)db;
	sqlite3_open(path, &h);
	sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static int
bad_line(json_t *reply, int line, const char *want)
{
	json_t	*b;
	size_t	 i;

	json_array_foreach(json_object_get(reply, "bad"), i, b)
		if (json_integer_value(json_object_get(b, "line")) == line &&
		    strstr(json_string_value(json_object_get(b, "why")), want))
			return 1;
	return 0;
}

static void
test_import(struct db *db, const char *dbpath, struct campaign *c)
{
	json_t	*r = json_object();
	char	 why[512];
	int	 rc;

	rc = campaign_import(db, c, "main", write_file("a.csv",
	    "Phone,Name,TZ,Plan\n"			/* 1 */
	    "020 7946 0001,Ann Żółw,,gold\n"		/* 2 */
	    "\n"					/* 3 blank */
	    "not a number,Bob,,\n"			/* 4 bad */
	    "+48 600 100 200,\"Cezary\nKowal\",,\n"	/* 5-6 */
	    "020 7946 0001,Ann again,,\n"		/* 7 duplicate */
	    "02079460002,Dan\n"				/* 8 short */
	    "02079460003,Eve,Mars/Base,\n"		/* 9 bad zone */
	    "02079460004,\xff\xfe,,\n"			/* 10 not UTF-8 */
	    "+1 212 555 0100,Fay,,silver\n"),		/* 11 */
	    "", 5, r, why, sizeof why);
	ok(rc == 0, "import with bad rows succeeds%s%s", rc ? ": " : "", rc ? why : "");
	ok(json_integer_value(json_object_get(r, "imported")) == 3 &&
	    json_integer_value(json_object_get(r, "bad_rows")) == 5 &&
	    json_integer_value(json_object_get(r, "duplicates")) == 1,
	    "3 imported, 5 bad, 1 duplicate");
	ok(bad_line(r, 4, "phone \"not a number\"") && bad_line(r, 7, "already in the list") &&
	    bad_line(r, 8, "2 fields, the header has 4") && bad_line(r, 9, "Mars/Base") &&
	    bad_line(r, 10, "not UTF-8"), "bad rows named by their line");
	ok(q_int(db, dbpath, "SELECT count(*) FROM records WHERE line = 5 AND "
	    "phone = '+48600100200' AND name = 'Cezary\nKowal'") == 1 &&
	    q_int(db, dbpath, "SELECT count(*) FROM records WHERE line = 2 AND "
	    "json_extract(fields, '$.plan') = 'gold'") == 1 &&
	    q_int(db, dbpath, "SELECT priority FROM lists WHERE name = 'main'") == 5,
	    "lines, multi-line fields, custom fields and priority stored");
	json_decref(r);

	r = json_object();
	rc = campaign_import(db, c, "second", write_file("b.csv",
	    "phone,name\n02079460010,Gus\n\"02079460011,Hal\n"), "", -1, r, why,
	    sizeof why);
	ok(rc != 0 && strstr(why, "nothing imported") != NULL &&
	    q_int(db, dbpath, "SELECT count(*) FROM lists WHERE name = 'second'") == 0 &&
	    q_int(db, dbpath, "SELECT count(*) FROM records") == 3,
	    "a broken quote: nothing imported, no list left: %s", why);
	rc = campaign_import(db, c, "third", write_file("c.csv",
	    "name,plan\nAnn,gold\n"), "", -1, r, why, sizeof why);
	ok(rc != 0 && strstr(why, "line 1: no phone column") != NULL,
	    "no phone column: %s", why);
	json_decref(r);
}

static int64_t
rec_id(const char *dbpath, const char *phone)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT id FROM records WHERE phone = '%s'", phone);
	return q_int(NULL, dbpath, sql);
}

static int
why_has(struct db *db, struct campaign *c, int64_t id, int64_t now, const char *want)
{
	struct camp_record	r;
	char			lines[12][200];
	int			n;

	if (db_record_get(db, id, &r) != 1)
		return 0;
	n = campaign_why_not(db, c, &r, now, lines, 12);
	for (int i = 0; i < n; i++) {
		if (want != NULL && strstr(lines[i], want) != NULL)
			return 1;
		printf("# why-not %lld: %s\n", (long long)id, lines[i]);
	}
	return want == NULL && n == 0;
}

static const char *
next_phone(struct db *db, struct campaign *c, int64_t now)
{
	static struct camp_record r;

	return campaign_next_record(db, c, now, &r) == 1 ? r.phone : "none";
}

static void
test_pick(struct db *db, const char *dbpath, struct campaign *c)
{
	int64_t	noon = (int64_t)utc(2026, 11, 23, 12, 0) * 1000;	/* a Monday */
	int64_t	ann = rec_id(dbpath, "+442079460001"), cez = rec_id(dbpath,
	    "+48600100200"), fay = rec_id(dbpath, "+12125550100");
	json_t	*r = json_object();
	char	why[512];

	ok(strcmp(next_phone(db, c, noon), "+442079460001") == 0, "first due record first");
	ok(why_has(db, c, ann, noon, NULL), "dialable now: no reason");
	ok(why_has(db, c, fay, noon, "outside calling hours in America/New_York"),
	    "07:00 in New York: outside its calling hours");
	campaign_import(db, c, "vip", write_file("v.csv", "phone\n+44 20 7946 0099\n"),
	    "", 9, r, why, sizeof why);
	json_decref(r);
	ok(strcmp(next_phone(db, c, noon), "+442079460099") == 0, "the higher priority list first");
	db_list_set_state(db, "spring", "vip", "paused", "test");
	ok(strcmp(next_phone(db, c, noon), "+442079460001") == 0 &&
	    why_has(db, c, rec_id(dbpath, "+442079460099"), noon, "list vip is paused"),
	    "a paused list is skipped, and said");
	db_dnc_add(db, "+442079460001", "acme", "request", "test", noon);
	ok(strcmp(next_phone(db, c, noon), "+48600100200") == 0 &&
	    why_has(db, c, ann, noon, "+442079460001 is on the acme do-not-call list"),
	    "a client's DNC number is skipped, and said");
	db_dnc_add(db, "+48600100200", NULL, "request", "test", noon);
	ok(why_has(db, c, cez, noon, "on the global do-not-call list") &&
	    strcmp(next_phone(db, c, noon), "none") == 0, "global DNC; nothing left to dial");
	db_dnc_remove(db, "+48600100200", NULL);
	ok(campaign_attempt(db, c, cez, "busy", NULL, NULL, 17, noon, why, sizeof why) == 0 &&
	    why_has(db, c, cez, noon + 5 * MIN_MS, "retry delay: not before 2026-11-23 12:10") &&
	    strcmp(next_phone(db, c, noon + 5 * MIN_MS), "none") == 0 &&
	    strcmp(next_phone(db, c, noon + 10 * MIN_MS), "+48600100200") == 0,
	    "busy: again after 10 minutes");
	ok(campaign_attempt(db, c, cez, "busy", NULL, NULL, 17, noon + 10 * MIN_MS,
	    why, sizeof why) == 0 && why_has(db, c, cez, noon + 30 * MIN_MS,
	    "record is done after 2 attempts (last: busy)") &&
	    q_int(db, dbpath, "SELECT count(*) FROM attempts WHERE outcome = 'busy'") == 2,
	    "busy twice: attempts used (retry_busy = 10:2)");
	ok(campaign_attempt(db, c, fay, NULL, "stop", "1001", 16, noon, why, sizeof why) == 0 &&
	    db_dnc_blocked(db, "+12125550100", "acme") == 2,
	    "a dnc disposition lists the number for the client");
	ok(campaign_attempt(db, c, fay, NULL, "nope", "1001", 16, noon, why, sizeof why) != 0 &&
	    strstr(why, "\"nope\" is not a disposition") != NULL, "unknown disposition refused");
	ok(campaign_attempt(db, c, rec_id(dbpath, "+442079460099"), NULL, "sale",
	    "1001", 16, noon, why, sizeof why) == 0 && campaign_attempt(db, c, ann,
	    NULL, "later", "1001", 16, noon, why, sizeof why) == 0 &&
	    why_has(db, c, ann, noon + 30 * MIN_MS, "retry delay: not before 2026-11-23 13:00") &&
	    campaign_attempt(db, c, ann, NULL, "sale", "1001", 16, noon + 61 * MIN_MS,
	    why, sizeof why) == 1, "retry=60 reopens after an hour; the second sale "
	    "reaches the target of 2");
	r = json_object();
	campaign_import(db, c, "disp", write_file("d.csv", "phone\n+44 20 7946 0077\n"),
	    "", 1, r, why, sizeof why);
	json_decref(r);
	ok(campaign_attempt(db, c, rec_id(dbpath, "+442079460077"), "answered", NULL,
	    "1001", 16, noon, why, sizeof why) == 0 &&
	    campaign_dispose(db, c, rec_id(dbpath, "+442079460077"), "nope", noon,
	    why, sizeof why) == -1 && strstr(why, "\"nope\" is not a disposition") &&
	    campaign_dispose(db, c, rec_id(dbpath, "+442079460077"), "stop", noon,
	    why, sizeof why) == 0 && db_dnc_blocked(db, "+442079460077", "acme") == 2 &&
	    q_int(db, dbpath, "SELECT count(*) FROM attempts a JOIN records r ON "
	    "r.id = a.record_id WHERE r.phone = '+442079460077' AND a.outcome = "
	    "'answered' AND a.disposition = 'stop' AND r.state = 'done' AND "
	    "r.attempts = 1") == 1, "an answered call's disposition: "
	    "unknown refused, dnc applied to the last attempt");
	c->state = CAMP_PAUSED;
	ok(why_has(db, c, ann, noon, "campaign spring is paused") &&
	    strcmp(next_phone(db, c, noon), "none") == 0, "a paused campaign dials nothing");
	c->state = CAMP_RUNNING;
	c->end_ymd = 20261122;
	ok(why_has(db, c, ann, noon, "campaign spring ended on 2026-11-22"),
	    "end date passed, said");
}

/* Live answers are answered and abandoned attempts; busy and no-answer
 * are not; only those since the time asked count. */
static void
test_abandons(struct db *db, const char *path)
{
	int64_t	rec = q_int(db, path, "SELECT r.id FROM records r JOIN lists "
		    "l ON l.id = r.list_id WHERE l.campaign = 'spring' LIMIT 1");
	int64_t	t = 1800000000000LL;
	int	live = -1, ab = -1, live0 = -1, ab0 = -1;

	db_campaign_abandons(db, "spring", t, &live0, &ab0);
	db_attempt_add(db, rec, t - 1, "abandoned", 16, NULL, NULL);
	db_attempt_add(db, rec, t, "abandoned", 16, NULL, NULL);
	db_attempt_add(db, rec, t + 1, "answered", 16, "1001", NULL);
	db_attempt_add(db, rec, t + 2, "answered", 16, "1001", NULL);
	db_attempt_add(db, rec, t + 3, "busy", 17, NULL, NULL);
	db_attempt_add(db, rec, t + 4, "noanswer", 19, NULL, NULL);
	ok(rec > 0 && live0 == 0 && ab0 == 0 &&
	    db_campaign_abandons(db, "spring", t, &live, &ab) == 0 &&
	    live == 3 && ab == 1, "abandons since t: 1 of 3 live answers "
	    "(got %d of %d)", ab, live);
	ok(db_campaign_abandons(db, "spring", t - 1, &live, &ab) == 0 &&
	    live == 4 && ab == 2 && db_campaign_abandons(db, "winter", 0,
	    &live, &ab) == 0 && live == 0 && ab == 0, "from the earlier one: 2 "
	    "of 4; another campaign: none");
}

int
main(void)
{
	struct config	*cfg;
	struct campaign	 c;
	struct db	*db;
	char		 dbpath[256], why[256];

	if (mkdtemp(dir) == NULL)
		return 1;
	test_phone();
	test_rules();
	test_config();
	snprintf(dbpath, sizeof dbpath, "%s/c.db", dir);
	cfg = load_with(camp_ini);
	db = db_open(dbpath, err, sizeof err);
	ok(cfg != NULL && db != NULL && campaign_build(&c, &cfg->campaigns[0],
	    why, sizeof why) == 0, "a campaign built on a fresh database");
	if (cfg == NULL || db == NULL)
		return tap_done();
	test_import(db, dbpath, &c);
	test_pick(db, dbpath, &c);
	test_abandons(db, dbpath);
	db_close(db);
	config_free(cfg);
	if (system(NULL)) {
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (system(cmd) != 0)
			printf("# %s left\n", dir);
	}
	return tap_done();
}
