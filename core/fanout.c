/* fanout.c: the one copy of the events every subscriber on the stream
 * gets (all but client-limited supervisors, notify.c). An event to them
 * all is appended here once (not copied into each client's buffer); each
 * subscribed connection keeps only its offset in it, and conn.c writes a
 * client's unread, committed part straight from it. Bytes every
 * subscriber has taken are dropped. Offsets are absolute (they only
 * grow), so a connection's offset stays valid as the front is dropped. */
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "fanout.h"
#include "tickstat.h"
#include "xmalloc.h"

static char	*buf;		/* holds bytes [base, base + len) */
static size_t	 base, len, cap, committed;

/* Where each line starts and when it was appended: the delay to each
 * socket (fanout_written). marks[m0 .. nmarks) are live. */
struct fan_mark {
	size_t		 off;
	uint64_t	 us;
};
static struct fan_mark	*marks;
static size_t		 m0, nmarks, mcap;

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
	if (nmarks == mcap) {
		mcap = mcap == 0 ? 1024 : 2 * mcap;
		marks = xrealloc(marks, mcap * sizeof *marks);
	}
	marks[nmarks++] = (struct fan_mark){ base + len, clock_mono_us() };
	len += n;
}

void
fanout_written(size_t at, size_t n, struct tickstat *ts)
{
	size_t		lo = m0, hi = nmarks, mid;
	uint64_t	now;

	while (lo < hi) {	/* the first line starting at or after AT */
		mid = lo + (hi - lo) / 2;
		if (marks[mid].off < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == nmarks || marks[lo].off >= at + n)
		return;
	now = clock_mono_us();
	for (; lo < nmarks && marks[lo].off < at + n; lo++)
		tickstat_add(ts, now - marks[lo].us);
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
	while (m0 < nmarks && marks[m0].off < oldest)
		m0++;
	if (m0 > nmarks / 2) {
		memmove(marks, marks + m0, (nmarks - m0) * sizeof *marks);
		nmarks -= m0;
		m0 = 0;
	}
	drop = oldest - base;
	/* move only once the dropped front is the larger part */
	if (drop < len - drop && drop < cap / 2)
		return;
	memmove(buf, buf + drop, len - drop);
	len -= drop;
	base = oldest;
}
