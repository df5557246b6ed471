/* bench-campaign.c: the dialer's questions on a big campaign, in process
 * on a real database file: importing a 100,000-record list (and a second,
 * higher-priority list of 1,000), then one decision per agent going free
 * (campaign_next_record(), then the attempt written as a busy line, as a
 * dial would) for 200 agents, 10 rounds; and why-not. A tenth of the
 * numbers are in Tokyo (outside calling hours at the benchmark's time)
 * and one in a hundred on the client's do-not-call list: the decisions
 * step over them. Prints figures; asserts nothing about time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include "campaign.h"
#include "campaign-import.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "db-campaign.h"

#define HASH "$6$rounds=5000$abcdefgh$0123456789012345678901234567890123"

static double
now_s(void)
{
	return clock_mono_us() / 1e6;
}

static void
write_csv(const char *path, int n, int base)
{
	FILE *f = fopen(path, "w");

	fprintf(f, "phone,name,tz,plan\n");
	for (int i = 0; i < n; i++)
		fprintf(f, "020 8%03d %04d,Customer %d,%s,%s\n", (base + i) / 10000,
		    (base + i) % 10000, i, i % 10 == 3 ? "Asia/Tokyo" : "",
		    i % 2 ? "gold" : "silver");
	fclose(f);
}

static const char ini[] =
	"[span e1a]\n[client acme]\n[queue sales]\nclient = acme\n"
	"[agent 1001]\nname = Ann\npin = " HASH "\nqueues = sales\n"
	"[campaign big]\nclient = acme\nqueues = sales\ncountry = 44\n"
	"caller_id = 02079460000\nhours = mon-sun 08:00-21:00\n"
	"timezone = Europe/London\ndispositions = sale:success\n"
	"state = running\n";

int
main(int argc, char **argv)
{
	char		 dir[] = "/tmp/czbcamp.XXXXXX", path[256], why[512];
	int		 records = argc > 1 ? atoi(argv[1]) : 100000;
	int		 agents = 200, rounds = 10, made = 0;
	struct config	*cfg;
	struct campaign	 c;
	struct db	*db;
	struct camp_record r;
	json_t		*rep = json_object();
	double		 t0, t_imp, t_parse, t_next = 0, t_att = 0, t;
	struct imp	*parsed;
	int64_t		 noon = 1763899200000LL;	/* Mon 2025-11-23 12:00 UTC */
	char		 lines[12][200];
	FILE		*f;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/c.ini", dir);
	f = fopen(path, "w");
	fputs(ini, f);
	fclose(f);
	if ((cfg = config_load(path, why, sizeof why)) == NULL ||
	    campaign_build(&c, &cfg->campaigns[0], why, sizeof why) != 0) {
		fprintf(stderr, "bench-campaign: %s\n", why);
		return 1;
	}
	snprintf(path, sizeof path, "%s/c.db", dir);
	if ((db = db_open(path, why, sizeof why)) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/big.csv", dir);
	write_csv(path, records, 0);
	/* The import's two phases timed apart: the parse runs on a thread
	 * in the core (campaign-import-job.c), the write on the loop. */
	t0 = now_s();
	if ((f = fopen(path, "r")) == NULL || (parsed = campaign_import_parse(f,
	    c.cfg->country)) == NULL || campaign_import_fatal(parsed)[0] != '\0') {
		fprintf(stderr, "bench-campaign: %s: cannot parse\n", path);
		return 1;
	}
	fclose(f);
	t_parse = now_s() - t0;
	if (campaign_import_write(db, &c, "big", path, 1, parsed, rep, why,
	    sizeof why)) {
		fprintf(stderr, "bench-campaign: %s\n", why);
		return 1;
	}
	campaign_import_free(parsed);
	t_imp = now_s() - t0;
	snprintf(path, sizeof path, "%s/vip.csv", dir);
	write_csv(path, 1000, records);
	campaign_import(db, &c, "vip", path, "", 9, rep, why, sizeof why);
	for (int i = 0; i < records; i += 100) {
		char num[20];

		snprintf(num, sizeof num, "+44208%03d%04d", (i + 7) / 10000,
		    (i + 7) % 10000);
		db_dnc_add(db, num, "acme", "bench", "bench", noon);
	}
	for (int round = 0; round < rounds; round++)
		for (int a = 0; a < agents; a++) {
			t = now_s();
			if (campaign_next_record(db, &c, noon + round * 1000,
			    &r) != 1)
				break;
			t_next += now_s() - t;
			t = now_s();
			campaign_attempt(db, &c, r.id, "busy", NULL, NULL, 17,
			    noon + round * 1000, why, sizeof why);
			t_att += now_s() - t;
			made++;
		}
	t = now_s();
	for (int i = 0; i < 1000; i++) {
		db_record_get(db, 1 + i * 97 % records, &r);
		campaign_why_not(db, &c, &r, noon, lines, 12);
	}
	t = now_s() - t;
	printf("import: %d records in %.2f s (%.0f records/s)\n", records,
	    t_imp, records / t_imp);
	printf("import phases: parse %.0f ms (on a thread in the core), write "
	    "%.0f ms (on the loop); longest loop stall: %.0f ms before (all on "
	    "the loop), %.0f ms now\n", t_parse * 1000, (t_imp - t_parse) *
	    1000, t_imp * 1000, (t_imp - t_parse) * 1000);
	printf("next record: %d decisions (%d agents x %d), %.0f decisions/s "
	    "(%.3f ms each); with the attempt written: %.0f/s\n", made, agents,
	    rounds, made / t_next, t_next * 1000 / made, made / (t_next + t_att));
	printf("why-not: %.3f ms per record\n", t);
	json_decref(rep);
	db_close(db);
	config_free(cfg);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	return system(path) == 0 ? 0 : 1;
}
