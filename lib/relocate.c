/* relocate.c: configured install paths followed to where the tree really
 * is (relocate.h). A program installed with DESTDIR=/tmp/x runs as
 * /tmp/x/usr/libexec/centrala/centrala-core; its data is then under
 * /tmp/x/usr/share/centrala, not /usr/share/centrala. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "relocate.h"

const char *
relocate(const char *installed_dir, const char *path, char *out, size_t len)
{
	char	 self[PATH_MAX], *slash;
	ssize_t	 n = readlink("/proc/self/exe", self, sizeof self - 1);
	size_t	 dlen = strlen(installed_dir), root;

	snprintf(out, len, "%s", path);
	if (n <= 0)
		return out;
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) == NULL)
		return out;
	*slash = '\0';
	root = strlen(self);
	if (root <= dlen || strcmp(self + root - dlen, installed_dir) != 0)
		return out;
	snprintf(out, len, "%.*s%s", (int)(root - dlen), self, path);
	return out;
}
