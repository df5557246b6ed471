/* summary.h: the summary screen: every kind with its instances, the whole
 * check's verdict, and `w` to write (apply.h). */
#ifndef CZ_SETUP_SUMMARY_H
#define CZ_SETUP_SUMMARY_H

#include "setup.h"

void	summary_show(struct setup *);

#endif
