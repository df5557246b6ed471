/* fanout.c: the one copy of the events every subscriber gets. An event to
 * all subscribers is appended here once (not copied into each client's
 * buffer); each subscribed connection keeps only its offset in it, and
 * conn.c writes a client's unread, committed part straight from it. Bytes
 * every subscriber has taken are dropped. Offsets are absolute (they only
 * grow), so a connection's offset stays valid as the front is dropped. */
#include <stdlib.h>
#include <string.h>
#include "fanout.h"
#include "xmalloc.h"

static char	*buf;		/* holds bytes [base, base + len) */
static size_t	 base, len, cap, committed;

void
fanout_append(const char *s, size_t n)
{
	if (len + n > cap) {
		cap = cap == 0 ? 65536 : cap;
		while (len + n > cap)
			cap *= 2;
		buf = xrealloc(buf, cap);
	}
	memcpy(buf + len, s, n);
	len += n;
}

size_t
fanout_end(void)
{
	return base + len;
}

int
fanout_commit(void)
{
	int grew = base + len > committed;

	committed = base + len;
	return grew;
}

size_t
fanout_committed(void)
{
	return committed;
}

const char *
fanout_at(size_t at, size_t *n, int all)
{
	size_t end = all ? base + len : committed;

	if (at < base || at >= end) {
		*n = 0;
		return NULL;
	}
	*n = end - at;
	return buf + (at - base);
}

void
fanout_trim(size_t oldest)
{
	size_t drop;

	if (oldest > base + len)
		oldest = base + len;
	if (oldest <= base)
		return;
	drop = oldest - base;
	/* move only once the dropped front is the larger part */
	if (drop < len - drop && drop < cap / 2)
		return;
	memmove(buf, buf + drop, len - drop);
	len -= drop;
	base = oldest;
}
