/* core/route.c: stub, being written. */
