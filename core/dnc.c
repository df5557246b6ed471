/* dnc.c: the dialer's one question before every dial: may this number be
 * called for this client now? The global do-not-call list and the
 * client's are read from the database at that moment (not cached), so a
 * number added a second ago is never dialed. */
#include "campaign.h"
#include "core.h"
#include "db-campaign.h"
#include "log.h"

int
dnc_blocked(const char *number, const char *client)
{
	int b = db_dnc_blocked(core.db, number, client);

	if (b < 0)	/* cannot tell: fail closed */
		log_warn("dnc: cannot read the list: %s not dialed", number);
	return b != 0;
}
