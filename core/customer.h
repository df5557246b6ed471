/* customer.h: the customer behind a call, for the agent's screen pop, and
 * the contact each handled call leaves in the customer's history (note,
 * disposition). Customers live in the database (db-customer.c); the core
 * looks one up once per call, by the other party's number. */
#ifndef CZ_CUSTOMER_H
#define CZ_CUSTOMER_H

#include <jansson.h>

struct call;
struct agent;

#define CUSTOMER_HISTORY	20	/* contacts shown with a customer */

/* The call's customer with history, or json null. */
json_t	*customer_pop(struct call *);
/* What an agent sees of the caller in an offer or call_connected: the
 * menus walked and digits given (ivr, vars) and the customer. */
void	 customer_screen_pop(struct call *, json_t *ev);
/* The agent answered (or placed) the call: its contact row opens. */
void	 customer_contact_open(struct call *, struct agent *);
/* The other party's number: the caller's, or the one dialled. */
const char *customer_number(const struct call *);

#endif
