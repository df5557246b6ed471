/* pstn-opts.h: the telco simulator's command line. */
#ifndef CZ_PSTN_OPTS_H
#define CZ_PSTN_OPTS_H

#include <stdio.h>
#include "pstn-dist.h"

struct pstn_opts {
	char		 *run_dir;
	char		**spans;
	int		 *span_t1;	/* by span: --t1 after its --span */
	int		  nspans;
	int		  calls;	/* inbound calls to place */
	double		  rate;		/* calls per second, 0 = at once */
	int		  concurrent;	/* placed calls in progress at most */
	const char	 *cli;		/* # = sequence digit, ? = random */
	char		**dnis;
	int		  ndnis;
	struct pstn_dist  hold;
	unsigned long	  seed;
	const char	 *dtmf;
	struct pstn_dtmf_call {		/* --dtmf-call N:DIGITS */
		int		 seq;
		const char	*digits;
	}		 *dtmf_calls;
	int		  ndtmf_calls;
	double		  dtmf_delay;
	const char	 *keypad;	/* Q.931 INFORMATION keypad digits */
	double		  answer_tone;	/* Hz called parties say, 0 = 1004 */
	struct pstn_tone_for {		/* --answer-tone PREFIX:HZ */
		const char	*prefix;
		double		 hz;
	}		 *tones;
	int		  ntones;
	int		  overflow;	/* SETUPs sent with every channel taken */
	const char	 *save_audio;	/* folder for what each caller heard */
	double		  cut_after, reconnect_after, restart_after;
	double		  duration, connect_timeout;
	FILE		 *log;
	int		  quiet;
};

extern struct pstn_opts pstn_opts;

void	pstn_opts_parse(int argc, char **argv);
int	pstn_opts_number(const char *s, double *out);
/* The in-band digits our call number SEQ sends: its --dtmf-call, else
 * --dtmf, else NULL. */
const char *pstn_opts_dtmf_for(int seq);
/* The tone the core's call to NUMBER says: the longest --answer-tone
 * PREFIX:HZ that matches, else --answer-tone HZ (0: 1004 Hz). */
double	pstn_opts_tone_for(const char *number);

#endif
