/* customer.c: screen pop and contacts (customer.h). */
#include <string.h>
#include "agent.h"
#include "call.h"
#include "clock.h"
#include "core.h"
#include "customer.h"
#include "db.h"
#include "log.h"

const char *
customer_number(const struct call *call)
{
	return strcmp(call->direction, "out") == 0 ? call->dnis : call->cli;
}

/* Looked up once: later offers of the same call reuse the answer. */
static int64_t
customer_of(struct call *call)
{
	int64_t id;

	if (call->customer_id == 0) {
		id = db_customer_by_phone(core.db, customer_number(call));
		call_set_customer_id(call, id > 0 ? id : -1);
	}
	return call->customer_id;
}

json_t *
customer_pop(struct call *call)
{
	int64_t	 id = customer_of(call);
	json_t	*c = id > 0 ? db_customer_get(core.db, id, CUSTOMER_HISTORY,
	    call->id) : NULL;

	return c != NULL ? c : json_null();
}

void
customer_screen_pop(struct call *call, json_t *ev)
{
	if (call->ivr_path != NULL)
		json_object_set_new(ev, "ivr", json_string(call->ivr_path));
	if (call->vars != NULL)
		json_object_set_new(ev, "vars", json_deep_copy(call->vars));
	json_object_set_new(ev, "customer", customer_pop(call));
}

void
customer_contact_open(struct call *call, struct agent *a)
{
	struct db_contact c = {
		.call_id = call->id, .agent = a->id, .queue = call->queue_name,
		.direction = call->direction, .number = customer_number(call),
		.customer_id = customer_of(call), .start_ms = clock_wall_ms(),
	};

	if (db_contact_open(core.db, &c) != 0)
		log_error("call %s: contact not stored: %s", call->id,
		    db_last_error(core.db));
}
