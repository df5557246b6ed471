/* core/notify.c: stub, being written. */
