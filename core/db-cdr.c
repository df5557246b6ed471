/* core/db-cdr.c: stub, being written. */
