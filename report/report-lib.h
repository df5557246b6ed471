/* report-lib.h: the reports as a library (report-main.c): the command's
 * main, for `centrala report` (report-cmd.c) and the supervisor console's
 * report screen, which runs it in a child process (it writes to stdout
 * and may exit), and the list of reports `--list` prints. */
#ifndef CZ_REPORT_LIB_H
#define CZ_REPORT_LIB_H

/* `centrala report ARGS`: argv[0] is the program's name. */
int		 report_main(int argc, char **argv);
int		 report_count(void);
/* The i-th report's name (NULL past the end) and what it holds (several
 * lines, the later ones indented). */
const char	*report_name(int i, const char **what);

#endif
