/* lib/cli.c: stub, being written. */
