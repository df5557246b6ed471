/* lib/config.c: stub, being written. */
