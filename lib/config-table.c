/* lib/config-table.c: stub, being written. */
