/* fuzz-csv.c: fuzz target for the call-list import (core/campaign-
 * import.c): each input is a CSV file imported into one list of a
 * campaign on a real database file. Whatever the input, the import either
 * succeeds or changes nothing (one transaction): the records counted
 * before and after a refused import must be equal. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include <sqlite3.h>
#include "campaign.h"
#include "config.h"
#include "db.h"
#include "log.h"

static char		 dir[] = "/tmp/czfcsv.XXXXXX";
static char		 dbpath[300], csv[300];
static struct db	*db;
static struct campaign	 camp;
static sqlite3		*peek;

static const char ini[] =
	"[span e1a]\n[client acme]\n[queue sales]\nclient = acme\n"
	"[campaign c]\nclient = acme\nqueues = sales\ncountry = 44\n"
	"caller_id = 02079460000\ndispositions = sale\n";

static void
fuzz_init(void)
{
	static struct config	*cfg;
	char			 path[300], why[512];
	FILE			*f;

	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof path, "%s/c.ini", dir);
	f = fopen(path, "w");
	fputs(ini, f);
	fclose(f);
	snprintf(dbpath, sizeof dbpath, "%s/c.db", dir);
	snprintf(csv, sizeof csv, "%s/in.csv", dir);
	log_set_level(LOG_LEVEL_ERROR);
	if ((cfg = config_load(path, why, sizeof why)) == NULL ||
	    campaign_build(&camp, &cfg->campaigns[0], why, sizeof why) != 0 ||
	    (db = db_open(dbpath, why, sizeof why)) == NULL ||
	    sqlite3_open(dbpath, &peek) != SQLITE_OK) {
		fprintf(stderr, "fuzz-csv: %s\n", why);
		abort();
	}
}

static int
records(void)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	sqlite3_prepare_v2(peek, "SELECT count(*) FROM records", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	 why[512];
	json_t	*reply = json_object();
	FILE	*f;
	int	 before;

	if (db == NULL)
		fuzz_init();
	f = fopen(csv, "w");
	fwrite(data, 1, len, f);
	fclose(f);
	before = records();
	if (campaign_import(db, &camp, "l", csv, "", -1, reply, why,
	    sizeof why) != 0 && records() != before) {
		fprintf(stderr, "fuzz-csv: a refused import changed the "
		    "records: %s\n", why);
		abort();
	}
	json_decref(reply);
	return 0;
}
