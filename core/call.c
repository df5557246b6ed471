/* core/call.c: stub, being written. */
