/* core/acd.c: stub, being written. */
