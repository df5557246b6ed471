/* cause.h: the Q.850 clearing causes the core sends or recognises. */
#ifndef CZ_CAUSE_H
#define CZ_CAUSE_H

#define CAUSE_UNALLOCATED	1	/* unknown called number */
#define CAUSE_NORMAL		16	/* normal clearing */
#define CAUSE_USER_BUSY		17
#define CAUSE_NO_USER_RESPONSE	18	/* nothing came back to SETUP */
#define CAUSE_NO_ANSWER		19	/* rang, nobody answered */
#define CAUSE_OUT_OF_ORDER	27	/* destination out of order (link) */
#define CAUSE_CONGESTION	34	/* no circuit/channel available */
#define CAUSE_NET_OUT_OF_ORDER	38	/* network out of order (layer 1) */
#define CAUSE_TEMP_FAILURE	41
#define CAUSE_CHAN_UNAVAIL	44	/* requested channel not available */
#define CAUSE_NO_CHANNEL	82	/* identified channel does not exist */

#endif
