/* core/db.c: stub, being written. */
