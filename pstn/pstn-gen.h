/* pstn-gen.h: the generator of inbound calls (network -> core). */
#ifndef CZ_PSTN_GEN_H
#define CZ_PSTN_GEN_H

void	pstn_gen_init(void);
void	pstn_gen_start(void);
void	pstn_gen_stop(void);
void	pstn_gen_kick(void);
void	pstn_gen_ended(void);
int	pstn_gen_done(void);

#endif
