/* pin.c: hashing and checking agent and supervisor PINs with crypt(3). */
#include <crypt.h>
#include <ctype.h>
#include <string.h>
#include <stdlib.h>
#include "pin.h"
#include "xmalloc.h"

int
pin_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 4 || n > 12)
		return -1;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return -1;
	return 0;
}

char *
pin_hash(const char *pin)
{
	struct crypt_data	 cd;
	char			 salt[CRYPT_GENSALT_OUTPUT_SIZE];
	const char		*h;

	if (pin_valid(pin) != 0)
		return NULL;
	if (crypt_gensalt_rn("$6$", 5000, NULL, 0, salt, sizeof salt) == NULL)
		return NULL;
	memset(&cd, 0, sizeof cd);
	h = crypt_r(pin, salt, &cd);
	if (h == NULL || h[0] == '*')
		return NULL;
	return xstrdup(h);
}

int
pin_check(const char *pin, const char *hash)
{
	struct crypt_data	 cd;
	const char		*h;
	size_t			 n, i;
	unsigned char		 diff = 0;

	if (pin == NULL || hash == NULL || hash[0] != '$')
		return 0;
	memset(&cd, 0, sizeof cd);
	h = crypt_r(pin, hash, &cd);
	if (h == NULL || h[0] == '*')
		return 0;
	n = strlen(hash);
	if (strlen(h) != n)
		return 0;
	for (i = 0; i < n; i++)
		diff |= (unsigned char)h[i] ^ (unsigned char)hash[i];
	return diff == 0;
}
