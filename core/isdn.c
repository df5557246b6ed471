/* core/isdn.c: stub, being written. */
