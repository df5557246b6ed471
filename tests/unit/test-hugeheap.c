/* test-hugeheap.c: hugeheap_init() (core/hugeheap.c) leaves the heap with
 * room ahead advised for transparent huge pages: what malloc hands out
 * next lies in a mapping the kernel marks "hg" (VM_HUGEPAGE). Skipped
 * (77) where the allocator is not glibc's own (the address sanitizer) or
 * the kernel has no transparent huge pages. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hugeheap.h"
#include "tap.h"

/* The VmFlags of the mapping holding P, from /proc/self/smaps ("" if
 * none holds it). */
static void
vm_flags(const void *p, char *out, size_t len)
{
	FILE		*f = fopen("/proc/self/smaps", "r");
	char		 line[512];
	unsigned long	 a, b, x = (unsigned long)(uintptr_t)p;
	int		 in = 0;

	out[0] = '\0';
	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		/* a mapping's first line: "START-END perms ..."; its fields'
		 * ("AnonHugePages:", ...) give one number at most */
		if (sscanf(line, "%lx-%lx ", &a, &b) == 2)
			in = x >= a && x < b;
		else if (in && strncmp(line, "VmFlags:", 8) == 0) {
			snprintf(out, len, "%s", line + 8);
			break;
		}
	}
	if (f != NULL)
		fclose(f);
}

int
main(void)
{
	FILE	*thp = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char	 mode[128] = "", flags[512];
	size_t	 n;
	void	*p[3000];

	if (thp != NULL) {
		if (fgets(mode, sizeof mode, thp) == NULL)
			mode[0] = '\0';
		fclose(thp);
	}
	if (thp == NULL || strstr(mode, "[never]") != NULL) {
		printf("1..0 # SKIP no transparent huge pages (%s)\n", mode);
		return 77;
	}
#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
	printf("1..0 # SKIP not glibc's allocator\n");
	return 77;
#endif
	n = hugeheap_init();
	ok(n >= 128 << 20, "%zu MB advised", n >> 20);
	/* The advice starts at the first 2 MB boundary past the heap's old
	 * end: 3 MB of small allocations reach past it. */
	for (int i = 0; i < 3000; i++)
		p[i] = malloc(1000);
	vm_flags(p[2999], flags, sizeof flags);
	ok(strstr(flags, " hg") != NULL, "3 MB on, small allocations lie in "
	    "an advised mapping (VmFlags:%s)", flags);
	for (int i = 0; i < 3000; i++)
		free(p[i]);
	return tap_done();
}
