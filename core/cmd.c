/* core/cmd.c: stub, being written. */
