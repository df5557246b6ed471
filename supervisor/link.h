/* link.h: the console's link to the core (link.c): it tells the model
 * what the core said and the status line how requests went. */
#ifndef CZ_SUP_LINK_H
#define CZ_SUP_LINK_H

#include <stdint.h>
#include <jansson.h>
#include "sup.h"

void	link_connect(struct sup *);
/* Sends req (taken); its reply is said on the status line as WHAT. */
int	link_send(struct sup *, enum sup_req, const char *what, json_t *req);
/* A monitor request for call ("" : stop); done, the model knows. */
int	link_monitor(struct sup *, const char *call, const char *mode);
void	link_read(struct sup *);
void	link_tick(struct sup *, uint64_t now);
int	link_timeout(const struct sup *, uint64_t now);
void	link_lost(struct sup *);

#endif
