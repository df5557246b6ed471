/* test-pin.c: PIN hashing: never stored in clear, checked correctly. */
#include <stdlib.h>
#include <string.h>
#include "pin.h"
#include "tap.h"

int
main(void)
{
	char *h = pin_hash("1234"), *h2 = pin_hash("1234");

	ok(h != NULL && strncmp(h, "$6$", 3) == 0, "hash is SHA-512 crypt");
	ok(strcmp(h, "1234") != 0 && strlen(h) >= 90 && strcmp(h + strlen(h) - 4,
	    "1234") != 0, "stored form is a full crypt string, not the PIN");
	ok(strcmp(h, h2) != 0, "salted: two hashes of one PIN differ");
	ok(pin_check("1234", h), "right PIN accepted");
	ok(!pin_check("1235", h), "wrong PIN refused");
	ok(!pin_check("", h), "empty PIN refused");
	ok(!pin_check("1234", "1234"), "a clear-text 'hash' never matches");
	ok(pin_hash("12a4") == NULL && pin_hash("123") == NULL, "bad PINs refused");
	free(h);
	free(h2);
	return tap_done();
}
