/* core/server.c: stub, being written. */
