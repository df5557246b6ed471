/* core/cmd-session.c: stub, being written. */
