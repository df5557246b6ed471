/* core/db-event.c: stub, being written. */
