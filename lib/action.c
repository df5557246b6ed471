/* action.c: the one parser of "where a call goes next" (action.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "config.h"

static const struct {
	enum action_kind	 kind;
	const char		*word;
	int			 has_arg;
} action_words[] = {
	{ ACT_QUEUE, "queue", 1 },
	{ ACT_MENU, "menu", 1 },
	{ ACT_PLAY, "play", 1 },
	{ ACT_MESSAGE, "message", 1 },
	{ ACT_VOICEMAIL, "voicemail", 1 },
	{ ACT_CALLBACK, "callback", 1 },
	{ ACT_TRANSFER, "transfer", 1 },
	{ ACT_HANGUP, "hangup", 0 },
	{ ACT_REFUSE, "refuse", 0 },
};
#define ACTION_NWORDS (sizeof action_words / sizeof action_words[0])

int
action_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > 63)
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '-' && *s != '_')
			return 0;
	return 1;
}

int
action_number_ok(const char *s)
{
	size_t n = strlen(s);

	return n >= ACTION_NUMBER_MIN && n <= ACTION_NUMBER_MAX &&
	    strspn(s, "0123456789") == n;
}

/* KIND's row in action_words, or ACTION_NWORDS. */
static size_t
action_word(enum action_kind kind)
{
	size_t i;

	for (i = 0; i < ACTION_NWORDS && action_words[i].kind != kind; i++)
		;
	return i;
}

const char *
action_format(const struct action *a, char *buf, size_t len)
{
	size_t i = action_word(a->kind);

	if (i == ACTION_NWORDS)
		snprintf(buf, len, "none");
	else if (!action_words[i].has_arg)
		snprintf(buf, len, "%s", action_words[i].word);
	else if (a->priority >= 0)
		snprintf(buf, len, "%s:%s priority=%d", action_words[i].word,
		    a->arg, a->priority);
	else
		snprintf(buf, len, "%s:%s", action_words[i].word, a->arg);
	return buf;
}

/* The words allowed by mask, for the error message. */
static void
action_allowed(int allowed, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ACTION_NWORDS && used < len; i++) {
		if (!(allowed & action_words[i].kind))
			continue;
		used += snprintf(buf + used, len - used, "%s%s%s",
		    used ? ", " : "", action_words[i].word,
		    action_words[i].has_arg ? ":NAME" : "");
	}
}

static int
action_options(const char *opts, struct action *a, char *why, size_t len)
{
	char	*end;
	long	 n;

	while (*opts == ' ')
		opts++;
	if (*opts == '\0')
		return 0;
	if (a->kind != ACT_QUEUE || strncmp(opts, "priority=", 9) != 0) {
		snprintf(why, len, "unexpected \"%s\" (only queue:NAME takes "
		    "an option: priority=0-9)", opts);
		return -1;
	}
	n = strtol(opts + 9, &end, 10);
	if (end == opts + 9 || n < 0 || n > 9 || end[strspn(end, " ")] != '\0') {
		snprintf(why, len, "priority is 0 to 9, not \"%s\"", opts + 9);
		return -1;
	}
	a->priority = (int)n;
	return 0;
}

static int
action_exists(const struct action *a, const struct config *cfg, char *why,
    size_t len)
{
	if (a->kind == ACT_TRANSFER && !action_number_ok(a->arg)) {
		snprintf(why, len, "transfer:%s: a number is 3 to 20 digits",
		    a->arg);
		return -1;
	}
	if (cfg == NULL)
		return 0;
	if ((a->kind == ACT_QUEUE || a->kind == ACT_CALLBACK) &&
	    config_find_queue(cfg, a->arg) == NULL) {
		snprintf(why, len, "no queue \"%s\" is defined", a->arg);
		return -1;
	}
	if (a->kind == ACT_MENU && config_find_menu(cfg, a->arg) == NULL) {
		snprintf(why, len, "no menu \"%s\" is defined", a->arg);
		return -1;
	}
	return 0;
}

int
action_parse(const char *s, int allowed, const struct config *cfg,
    struct action *a, char *why, size_t len)
{
	char	 ok[160];
	size_t	 w = strcspn(s, ": "), n;
	size_t	 i;

	memset(a, 0, sizeof *a);
	a->priority = -1;
	for (i = 0; i < ACTION_NWORDS; i++)
		if (strlen(action_words[i].word) == w &&
		    strncmp(action_words[i].word, s, w) == 0)
			break;
	action_allowed(allowed, ok, sizeof ok);
	if (i == ACTION_NWORDS || !(allowed & action_words[i].kind)) {
		snprintf(why, len, "\"%s\" is not one of: %s", s, ok);
		return -1;
	}
	a->kind = action_words[i].kind;
	if (!action_words[i].has_arg)
		return action_options(s + w, a, why, len);
	if (s[w] != ':') {
		snprintf(why, len, "%s needs a name: %s:NAME", s, action_words[i].word);
		return -1;
	}
	s += w + 1;
	n = strcspn(s, " ");
	if (n >= sizeof a->arg) {
		snprintf(why, len, "name \"%.*s\" is too long", (int)n, s);
		return -1;
	}
	memcpy(a->arg, s, n);
	a->arg[n] = '\0';
	if (!action_name_ok(a->arg)) {
		snprintf(why, len, "\"%s\" is not a name (a-z, 0-9, '-', '_')",
		    a->arg);
		return -1;
	}
	if (action_options(s + n, a, why, len) != 0)
		return -1;
	return action_exists(a, cfg, why, len);
}
