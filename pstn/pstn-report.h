/* pstn-report.h: the machine-readable output: a line per call, a summary. */
#ifndef CZ_PSTN_REPORT_H
#define CZ_PSTN_REPORT_H

struct pstn_call;

enum pstn_report_counter {
	REPORT_PLACED, REPORT_RECEIVED, REPORT_WAITED, REPORT_BLOCKS_TX,
	REPORT_BLOCKS_RX, REPORT_BLOCKS_BAD, REPORT_BLOCKS_DROPPED,
	REPORT_NCOUNTERS
};

void	pstn_report_count(enum pstn_report_counter);
long	pstn_report_get(enum pstn_report_counter);
void	pstn_report_call(const struct pstn_call *);
void	pstn_report_summary(void);

#endif
