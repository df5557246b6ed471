/* pin.h: PINs are stored as crypt(3) hashes (SHA-512 crypt), never in clear. */
#ifndef CZ_PIN_H
#define CZ_PIN_H

/* Returns a malloc'd hash of pin, or NULL if the PIN is not 4-12 digits. */
char	*pin_hash(const char *pin);
/* 1 if pin matches hash, 0 otherwise (constant-time compare). */
int	 pin_check(const char *pin, const char *hash);
/* 0 if s is an acceptable PIN (4-12 digits). */
int	 pin_valid(const char *s);

#endif
