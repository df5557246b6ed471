/* lib/cli.h: stub. */
