/* said.h: what a child program wrote to its error file (report, lp), as
 * one line for a reply or a status line. */
#ifndef CZ_SAID_H
#define CZ_SAID_H

#include <stddef.h>
#include <stdio.h>

/* F's first LEN - 1 bytes into BUF: newlines as spaces, trailing blanks
 * dropped. */
void	said_line(FILE *f, char *buf, size_t len);

#endif
