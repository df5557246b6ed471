/* hugeheap.h: the core's heap on transparent huge pages (hugeheap.c). */
#ifndef CZ_HUGEHEAP_H
#define CZ_HUGEHEAP_H

#include <stddef.h>

/* Called once, first thing in main: reserves the heap's room ahead and
 * asks the kernel to back it with 2 MB pages. Returns the bytes advised
 * (0 where the allocator or the kernel does not play along: valgrind,
 * the sanitizers, THP off). */
size_t	hugeheap_init(void);

#endif
