/* acd-ref.h: the routing pass as it was before the indexes (a rescan of
 * every waiting call against every agent), kept to replay recorded event
 * streams through both and compare the decisions. Tests and bench only. */
#ifndef CZ_ACD_REF_H
#define CZ_ACD_REF_H

#include "acd-route.h"

/* One full pass over the globals calls, agents, queues. Returns how many
 * calls it looked at. */
int	acd_ref_pass(const struct acd_ops *);

#endif
