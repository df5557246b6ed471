/* fuzz-ini.c: fuzz target for lib/ini-edit.c, the wizard's INI editor:
 * any text parses; what comes back is the text itself (a missing last
 * newline added, CR before LF dropped), and again the same when parsed
 * again; a value set in any section reads back exactly, however it must
 * be quoted; removing sections never breaks the document. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ini-edit.h"

static void
fuzz_check(int cond, const char *what)
{
	if (cond)
		return;
	fprintf(stderr, "fuzz-ini: %s\n", what);
	abort();
}

/* The text ini_text should give back for s. */
static char *
fuzz_expected(const char *s)
{
	size_t	 n = strlen(s);
	char	*out = malloc(n + 2), *o = out;

	for (size_t i = 0; i < n; i++)
		if (!(s[i] == '\r' && (s[i + 1] == '\n' || s[i + 1] == '\0')))
			*o++ = s[i];
	if (o > out && o[-1] != '\n')
		*o++ = '\n';
	*o = '\0';
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const char *const values[] = { "v;1 #x", " padded ", "",
	    "say \"hi\"; now", "plain" };
	char		*text = malloc(len + 1), *t, *t2, *want, **secs;
	struct ini_doc	*d, *d2;
	const char	*got;
	int		 n;

	memcpy(text, data, len);
	text[len] = '\0';		/* a NUL ends the text, as in a file read */
	d = ini_doc_parse(text);
	t = ini_text(d);
	want = fuzz_expected(text);
	fuzz_check(strcmp(t, want) == 0, "the text does not come back");
	d2 = ini_doc_parse(t);
	t2 = ini_text(d2);
	fuzz_check(strcmp(t, t2) == 0, "parsing again changes the text");
	secs = ini_sections(d, &n);
	for (int i = 0; i < n; i++) {
		const char *v = values[i % 5];

		/* A name with a ']' cannot be a header written again. */
		if (strchr(secs[i], ']') != NULL)
			continue;
		ini_set(d, secs[i], "fuzzkey", v);
		got = ini_get(d, secs[i], "fuzzkey");
		fuzz_check(got != NULL && strcmp(got, v) == 0,
		    "a value set does not read back");
	}
	for (int i = 0; i < n; i++)
		ini_remove_section(d, secs[i]);
	ini_set(d, "new section", "k", "v");
	fuzz_check(strcmp(ini_get(d, "new section", "k"), "v") == 0,
	    "a new section's key does not read back");
	for (int i = 0; i < n; i++)
		free(secs[i]);
	free(secs);
	free(t);
	free(t2);
	free(want);
	free(text);
	ini_doc_free(d);
	ini_doc_free(d2);
	return 0;
}
