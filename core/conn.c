/* core/conn.c: stub, being written. */
