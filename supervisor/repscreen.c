/* repscreen.c: the supervisor console's report screen (repscreen.h). The
 * form: the report (the list `centrala report --list` prints), the period
 * (today, yesterday, this week, last month, or days from/to, checked),
 * the queue, agent and client (a supervisor limited to some clients picks
 * one of its own: the login reply's `clients`). Each action asks the
 * core for the report (its `report` request, which runs the reports' own
 * code with the arguments `centrala report` takes and holds it to the
 * supervisor's clients), so what is previewed, saved and printed is what
 * the command gives: the preview its text, the save `--csv` or `--text`
 * into the file asked, the print `--print [DEST]` (lp; the destination
 * the config's print_destination, or one of `lpstat -a` picked here).
 * What the core or lp says (a bad filter, a refusal, lp's error) is the
 * status line. The run is repjob.c's. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "report-lib.h"
#include "repjob.h"
#include "repscreen.h"
#include "text.h"
#include "bar.h"

enum { DLG_REPORT = REP_DLG_BASE, DLG_PERIOD, DLG_FROM, DLG_TO, DLG_QUEUE,
	DLG_AGENT, DLG_CLIENT, DLG_SAVE_FORM, DLG_SAVE_PATH, DLG_PRINT_DEST };

/* Where --text has a form feed, the preview shows this line. */
#define REP_PAGE_BREAK	"------------------------------ page break ------------------------------"

static const char *const rep_periods[] = { "today", "yesterday",
	"this week", "last month", "from/to dates" };

/* What a pick list's rows stand for. */
static char	rep_pick[TUI_PICK_MAX][64];
static char	rep_pick_text[TUI_PICK_MAX][96];

static void
rep_pick_open(struct sup *s, int purpose, const char *title, int n)
{
	char *items[TUI_PICK_MAX];

	for (int i = 0; i < n; i++)
		items[i] = rep_pick_text[i];
	tui_dialog_pick(&s->dlg, purpose, title, items, n);
}

static void
rep_pick_row(int i, const char *key, const char *text)
{
	snprintf(rep_pick[i], sizeof rep_pick[i], "%s", key);
	snprintf(rep_pick_text[i], sizeof rep_pick_text[i], "%s", text);
}

/* The report running for the screen: the preview's output, the file
 * being saved. */
static FILE	*rep_out;
static int	 rep_job_paged;		/* the preview running is --text */
static char	 rep_save_path[4096];

static void
rep_free_text(struct sup *s)
{
	free(s->rep.text);
	free(s->rep.lines);
	s->rep.text = NULL;
	s->rep.lines = NULL;
	s->rep.nlines = s->rep.top = 0;
}

void
repscreen_open(struct sup *s)
{
	if (s->rep.client[0] == '\0' && s->clients_limited && s->nclients > 0)
		snprintf(s->rep.client, sizeof s->rep.client, "%s",
		    s->clients[0]);
	s->screen = SCREEN_REPORT;
}

void
repscreen_back(struct sup *s)
{
	if (s->rep.preview) {
		s->rep.preview = 0;
		rep_free_text(s);
	} else
		s->screen = SCREEN_LIVE;
}

void
repscreen_pick_report(struct sup *s)
{
	const char	*what, *name;
	int		 n = 0;

	for (; (name = report_name(n, &what)) != NULL && n < TUI_PICK_MAX; n++) {
		char line[96];

		snprintf(line, sizeof line, "%-10s  %.*s", name,
		    (int)strcspn(what, "\n"), what);
		rep_pick_row(n, name, line);
	}
	rep_pick_open(s, DLG_REPORT, "Report", n);
}

void
repscreen_pick_period(struct sup *s)
{
	int n = (int)(sizeof rep_periods / sizeof rep_periods[0]);

	for (int i = 0; i < n; i++)
		rep_pick_row(i, rep_periods[i], rep_periods[i]);
	rep_pick_open(s, DLG_PERIOD, "Period (UTC days)", n);
}

void
repscreen_pick_queue(struct sup *s)
{
	int n = 0;

	rep_pick_row(n++, "", "(all queues)");
	for (int i = 0; i < s->nq && n < TUI_PICK_MAX; i++)
		rep_pick_row(n++, s->q[i].name, s->q[i].name);
	rep_pick_open(s, DLG_QUEUE, "Queue", n);
}

void
repscreen_pick_agent(struct sup *s)
{
	tui_dialog_ask(&s->dlg, DLG_AGENT, "Agent", "the agent's ID (empty: "
	    "all agents)", s->rep.agent);
}

void
repscreen_pick_client(struct sup *s)
{
	int n = 0;

	if (!s->clients_limited)
		rep_pick_row(n++, "", "(all clients)");
	for (int i = 0; i < s->nclients && n < TUI_PICK_MAX; i++)
		rep_pick_row(n++, s->clients[i], s->clients[i]);
	if (n == 0) {
		model_say(s, 1, "no client to pick: the core gave none");
		return;
	}
	rep_pick_open(s, DLG_CLIENT, "Client", n);
}

static void rep_preview_load(struct sup *, FILE *);

static void
rep_preview_done(struct sup *s, int rc, const char *said)
{
	if (rc != 0)
		model_say(s, 1, "report %s: %s", report_name(s->rep.report, NULL),
		    said[0] ? said : "failed");
	else {
		model_say(s, 0, "report %s: done", report_name(s->rep.report,
		    NULL));
		rep_preview_load(s, rep_out);
	}
	fclose(rep_out);
	rep_out = NULL;
}

void
repscreen_preview(struct sup *s)
{
	static const char *const text[] = { "--text", NULL };

	if (repjob_running(s))
		return;
	if ((rep_out = tmpfile()) == NULL) {
		model_say(s, 1, "preview: tmpfile: %s", strerror(errno));
		return;
	}
	rep_job_paged = s->rep.paged;
	if (repjob_start(s, s->rep.paged ? text : NULL, fileno(rep_out),
	    rep_preview_done) != 0) {
		fclose(rep_out);
		rep_out = NULL;
	}
}

/* The preview's text: the report's output, a line each. */
static void
rep_preview_load(struct sup *s, FILE *out)
{
	long	 size;
	int	 n = 0;

	rep_free_text(s);
	fseek(out, 0, SEEK_END);
	size = ftell(out);
	rewind(out);
	s->rep.text = malloc((size_t)size + 1);
	s->rep.lines = malloc(((size_t)size + 1) * 2 * sizeof *s->rep.lines);
	if (s->rep.text == NULL || s->rep.lines == NULL ||
	    fread(s->rep.text, 1, (size_t)size, out) != (size_t)size) {
		model_say(s, 1, "preview: out of memory or unreadable");
		rep_free_text(s);
		return;
	}
	s->rep.text[size] = '\0';
	for (char *p = s->rep.text; *p != '\0'; ) {
		if (*p == '\f') {	/* a new page of --text: a line says so */
			s->rep.lines[n++] = (char *)REP_PAGE_BREAK;
			p++;
		}
		s->rep.lines[n++] = p;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		*p++ = '\0';
	}
	s->rep.nlines = n;
	s->rep.top = 0;
	s->rep.preview = 1;
	s->rep.shown_paged = rep_job_paged;
}

void
repscreen_pages(struct sup *s)
{
	s->rep.paged = !s->rep.paged;
	if (s->rep.preview)
		repscreen_preview(s);
	else
		model_say(s, 0, "the preview will be %s", s->rep.paged ?
		    "paginated text (--text)" : "the table");
}

void
repscreen_save(struct sup *s)
{
	rep_pick_row(0, "csv", "CSV (all columns)");
	rep_pick_row(1, "text", "paginated text (headers, pages, totals)");
	rep_pick_open(s, DLG_SAVE_FORM, "Save as", 2);
}

/* Where a save goes unless told: $HOME, else the state directory. */
static void
rep_default_path(const struct sup *s, char *b, size_t n)
{
	const char	*home = getenv("HOME"), *dir = repjob_state_dir(s);
	char		 from[16], to[16];

	repjob_period(s, from, to, sizeof from);
	snprintf(b, n, "%s/centrala-%s-%s.%s", home != NULL && home[0] ? home :
	    dir != NULL ? dir : ".", report_name(s->rep.report, NULL), from,
	    s->rep.save_csv ? "csv" : "txt");
}

/* The child wrote the file: renamed into place, or removed. */
static void
rep_save_done(struct sup *s, int rc, const char *said)
{
	char tmp[4200], why[512];

	snprintf(tmp, sizeof tmp, "%s.tmp", rep_save_path);
	snprintf(why, sizeof why, "%s", said[0] ? said : "the report failed");
	if (rc == 0 && rename(tmp, rep_save_path) != 0) {
		snprintf(why, sizeof why, "%.300s: %s", rep_save_path,
		    strerror(errno));
		rc = 1;
	}
	if (rc != 0) {
		unlink(tmp);
		model_say(s, 1, "save failed: %s", why);
	} else
		model_say(s, 0, "saved to %s", rep_save_path);
}

static void
rep_save_to(struct sup *s, const char *path)
{
	static const char *const csv[] = { "--csv", NULL };
	static const char *const text[] = { "--text", NULL };
	char	tmp[4200];
	int	fd;

	if (path[0] == '\0') {
		model_say(s, 1, "save: no file named");
		return;
	}
	if (repjob_running(s))
		return;
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1) {
		model_say(s, 1, "save: %s: %s", tmp, strerror(errno));
		return;
	}
	snprintf(rep_save_path, sizeof rep_save_path, "%s", path);
	if (repjob_start(s, s->rep.save_csv ? csv : text, fd, rep_save_done) != 0)
		unlink(tmp);
	if (close(fd) != 0)
		model_say(s, 1, "save: %s: %s", tmp, strerror(errno));
}

/* The destinations CUPS knows (`lpstat -a`: "NAME accepting ..."). */
void
repscreen_print(struct sup *s)
{
	FILE	*p;
	char	 line[256], name[64];
	int	 n = 0;

	rep_pick_row(n++, "", "(the default: the config's print_destination, "
	    "else CUPS's)");
	fflush(stdout);
	if ((p = popen("lpstat -a 2>/dev/null", "r")) != NULL) {
		while (fgets(line, sizeof line, p) != NULL && n < TUI_PICK_MAX)
			if (sscanf(line, "%63s", name) == 1)
				rep_pick_row(n++, name, name);
		pclose(p);
	}
	rep_pick_open(s, DLG_PRINT_DEST, "Print on", n);
}

static void
rep_print_done(struct sup *s, int rc, const char *said)
{
	model_say(s, rc != 0, "%s", said[0] ? said : rc ? "print failed" :
	    "printed");
}

static void
rep_print_on(struct sup *s, const char *dest)
{
	const char *extra[] = { "--print", dest, NULL };

	if (dest[0] == '\0')
		extra[1] = NULL;
	repjob_start(s, extra, -1, rep_print_done);
}

/* The dates of PERIOD_DATES, asked one after the other and checked. */
static void
rep_dates(struct sup *s, int purpose, const char *text)
{
	time_t t = repjob_parse_day(text);

	if (t == -1) {
		model_say(s, 1, "\"%s\" is not a day: YYYY-MM-DD", text);
		tui_dialog_ask(&s->dlg, purpose, purpose == DLG_FROM ? "From "
		    "(first day)" : "To (last day)", "YYYY-MM-DD, UTC", text);
		return;
	}
	if (purpose == DLG_FROM) {
		snprintf(s->rep.from, sizeof s->rep.from, "%s", text);
		tui_dialog_ask(&s->dlg, DLG_TO, "To (last day)",
		    "YYYY-MM-DD, UTC", s->rep.to[0] ? s->rep.to : text);
		return;
	}
	if (t < repjob_parse_day(s->rep.from)) {
		model_say(s, 1, "the last day %s is before the first %s", text,
		    s->rep.from);
		tui_dialog_ask(&s->dlg, DLG_TO, "To (last day)",
		    "YYYY-MM-DD, UTC", s->rep.from);
		return;
	}
	snprintf(s->rep.to, sizeof s->rep.to, "%s", text);
	s->rep.period = PERIOD_DATES;
}

static int
rep_agent_known(const struct sup *s, const char *id)
{
	for (int i = 0; i < s->na; i++)
		if (strcmp(s->a[i].id, id) == 0)
			return 1;
	return 0;
}

void
repscreen_answered(struct sup *s, int p, int sel, const char *text)
{
	char	 path[4096], day[16];
	const char *key = sel >= 0 && sel < TUI_PICK_MAX ? rep_pick[sel] : NULL;

	if (key == NULL && text == NULL)
		return;
	if (p == DLG_REPORT)
		s->rep.report = sel;
	else if (p == DLG_PERIOD && sel == PERIOD_DATES) {
		repjob_day(day, sizeof day, time(NULL));
		tui_dialog_ask(&s->dlg, DLG_FROM, "From (first day)",
		    "YYYY-MM-DD, UTC", s->rep.from[0] ? s->rep.from : day);
	} else if (p == DLG_PERIOD)
		s->rep.period = sel;
	else if (p == DLG_FROM || p == DLG_TO)
		rep_dates(s, p, text);
	else if (p == DLG_QUEUE)
		snprintf(s->rep.queue, sizeof s->rep.queue, "%s", key);
	else if (p == DLG_AGENT && text[0] != '\0' && !rep_agent_known(s, text))
		model_say(s, 1, "no agent %s among yours", text);
	else if (p == DLG_AGENT)
		snprintf(s->rep.agent, sizeof s->rep.agent, "%s", text);
	else if (p == DLG_CLIENT)
		snprintf(s->rep.client, sizeof s->rep.client, "%s", key);
	else if (p == DLG_SAVE_FORM) {
		s->rep.save_csv = sel == 0;
		rep_default_path(s, path, sizeof path);
		tui_dialog_ask(&s->dlg, DLG_SAVE_PATH, "Save to file",
		    "the file's path (written whole, then renamed)", path);
	} else if (p == DLG_SAVE_PATH)
		rep_save_to(s, text);
	else if (p == DLG_PRINT_DEST)
		rep_print_on(s, key);
}

void
repscreen_scroll(struct sup *s, const struct tui_key *k)
{
	int page = LINES - 3 > 1 ? LINES - 3 : 1, max = s->rep.nlines - page;

	if (!s->rep.preview)
		return;
	if (tui_key_is(k, KEY_DOWN))
		s->rep.top++;
	else if (tui_key_is(k, KEY_UP))
		s->rep.top--;
	else if (tui_key_is(k, KEY_NPAGE) || tui_key_char(k, ' '))
		s->rep.top += page;
	else if (tui_key_is(k, KEY_PPAGE))
		s->rep.top -= page;
	else if (tui_key_is(k, KEY_HOME))
		s->rep.top = 0;
	else if (tui_key_is(k, KEY_END))
		s->rep.top = max;
	if (s->rep.top > max)
		s->rep.top = max;
	if (s->rep.top < 0)
		s->rep.top = 0;
}

static void
rep_field(int y, const char *label, const char *value, const char *note)
{
	int x = 11;

	tui_text_put(stdscr, y, 1, 9, label, tui_attr(TUI_LABEL));
	x += tui_text_put(stdscr, y, x, COLS - x, value, tui_attr(TUI_INPUT));
	if (note != NULL && x + 2 < COLS)
		tui_text_put(stdscr, y, x + 2, COLS - x - 2, note,
		    tui_attr(TUI_INFO));
}

static void
rep_draw_form(struct sup *s)
{
	char		 from[16], to[16], per[64], cl[200];
	const char	*what;
	const char	*name = report_name(s->rep.report, &what);
	int		 n = 0;

	repjob_period(s, from, to, sizeof from);
	snprintf(per, sizeof per, "%s to %s UTC", from, to[0] ? to : "now");
	rep_field(2, "Report", name, NULL);
	for (const char *p = what; *p != '\0' && n < 3; n++) {
		size_t l = strcspn(p, "\n");
		char line[128];

		snprintf(line, sizeof line, "%.*s", (int)l, p);
		tui_text_put(stdscr, 3 + n, 11, COLS - 11, line,
		    tui_attr(TUI_INFO));
		p += l + (p[l] == '\n');
		while (*p == ' ')
			p++;
	}
	rep_field(7, "Period", rep_periods[s->rep.period], per);
	rep_field(8, "Queue", s->rep.queue[0] ? s->rep.queue : "(all)", NULL);
	rep_field(9, "Agent", s->rep.agent[0] ? s->rep.agent : "(all)", NULL);
	cl[0] = '\0';
	if (s->clients_limited)
		for (int i = 0, m = 0; i < s->nclients; i++)
			m += snprintf(cl + m, sizeof cl - m > (size_t)m ?
			    sizeof cl - m : 0, "%s%s", i ? ", " : "yours: ",
			    s->clients[i]);
	rep_field(10, "Client", s->rep.client[0] ? s->rep.client : "(all)",
	    cl[0] ? cl : NULL);
	tui_text_put(stdscr, 12, 1, COLS - 1, "Pick with the keys below; "
	    "Enter previews, then save or print.", tui_attr(TUI_INFO));
}

void
repscreen_draw(struct sup *s)
{
	char	left[128], right[64];
	int	page = LINES - 3 > 1 ? LINES - 3 : 1;

	snprintf(left, sizeof left, "Centrala supervisor  report %s%s",
	    report_name(s->rep.report, NULL), !s->rep.preview ? "" :
	    s->rep.shown_paged ? "  pages" : "  preview");
	if (s->rep.preview)
		snprintf(right, sizeof right, "lines %d-%d of %d  page %d/%d",
		    s->rep.nlines ? s->rep.top + 1 : 0,
		    s->rep.top + page < s->rep.nlines ? s->rep.top + page :
		    s->rep.nlines, s->rep.nlines, s->rep.top / page + 1,
		    (s->rep.nlines + page - 1) / page > 0 ?
		    (s->rep.nlines + page - 1) / page : 1);
	else
		snprintf(right, sizeof right, "%s", s->link == LINK_UP ? "live" :
		    "offline");
	tui_bar_title(stdscr, 0, COLS, left, right);
	if (!s->rep.preview) {
		rep_draw_form(s);
		return;
	}
	for (int i = 0; i < page && s->rep.top + i < s->rep.nlines; i++)
		tui_text_put(stdscr, 1 + i, 0, COLS, s->rep.lines[s->rep.top + i],
		    0);
}
