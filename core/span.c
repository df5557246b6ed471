/* core/span.c: stub, being written. */
