/* report-cmd.c: `centrala report`, the command over the reports'
 * library (report-lib.h). */
#include "report-lib.h"

int
main(int argc, char **argv)
{
	return report_main(argc, argv);
}
