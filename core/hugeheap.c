/* hugeheap.c: the core's heap on transparent huge pages (hugeheap.h).
 *
 * Why: the media tick touches every call's state once per 20 ms (the call,
 * its media state, its recorder, its headsets' ALSA handles), 1,000 calls
 * apart, spread over some 70 MB of heap: on 4 KB pages nearly every touch
 * is a TLB miss too, and in a virtual machine a TLB miss walks two page
 * tables. On 2 MB pages the whole heap fits the TLB. Measured in
 * bench-media-1000, alternated with the core before it: 0.89 of its CPU
 * (docs/PERFORMANCE.md). glibc has its own switch for it (GLIBC_TUNABLES=
 * glibc.malloc.hugetlb=1), but only the environment at start sets it.
 *
 * How: glibc grows its main heap with brk, and a grown heap is a new
 * mapping without the advice. So the heap is made to grow once, now, by
 * HUGEHEAP_PAD (M_TOP_PAD: each growth asks that much beyond the need;
 * only the pages touched are ever backed), and that room is advised
 * MADV_HUGEPAGE. The core's heap stays well inside it; beyond it, growth
 * goes on as before on small pages. A heap that is never trimmed below the
 * pad keeps the advice. Where the allocator is not glibc's (valgrind, the
 * sanitizers) the heap does not move and nothing is advised. The price:
 * memory is taken 2 MB at a time; where THP's defrag is "madvise" a fault
 * here may compact memory on the spot when no 2 MB page is free; under
 * strict overcommit (vm.overcommit_memory = 2) the room counts against
 * the commit limit. */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "hugeheap.h"

#define HUGEHEAP_PAD	(256UL << 20)	/* room reserved, never all touched */
#define HUGEHEAP_PAGE	(2UL << 20)
#define HUGEHEAP_PROBE	(64 << 10)	/* below glibc's mmap threshold */
#define HUGEHEAP_TRIES	16
#define GLIBC_TOP_PAD	(128 << 10)	/* M_TOP_PAD's default, mallopt(3) */

size_t
hugeheap_init(void)
{
	char		*start = sbrk(0), *end = start, *from;
	void		*probe[HUGEHEAP_TRIES];
	int		 n = 0;

	if (start == (void *)-1 || mallopt(M_TOP_PAD, HUGEHEAP_PAD) != 1)
		return 0;
	/* Whatever room the heap's top has left is used up by the probes;
	 * the first that does not fit grows the heap, pad and all. */
	while (n < HUGEHEAP_TRIES && end == start) {
		if ((probe[n++] = malloc(HUGEHEAP_PROBE)) == NULL)
			break;
		end = sbrk(0);
	}
	while (n > 0)
		free(probe[--n]);
	if (end == start || end == (void *)-1) {
		/* not grown (another allocator, or brk refused): later growth
		 * asks no more than it did */
		mallopt(M_TOP_PAD, GLIBC_TOP_PAD);
		return 0;
	}
	end = sbrk(0);			/* the frees trimmed the top a little */
	from = (char *)(((uintptr_t)start + HUGEHEAP_PAGE - 1) &
	    ~(HUGEHEAP_PAGE - 1));
	if (end == (void *)-1 || end < from + HUGEHEAP_PAGE)
		return 0;
	if (madvise(from, (size_t)(end - from), MADV_HUGEPAGE) != 0)
		return 0;
	return (size_t)(end - from);
}
