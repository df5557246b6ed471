/* retention.h: the [retention] periods applied by the core at start and
 * once a day (retention.c). */
#ifndef CZ_RETENTION_H
#define CZ_RETENTION_H

void	retention_start(void);
void	retention_stop(void);

#endif
