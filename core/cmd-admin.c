/* core/cmd-admin.c: stub, being written. */
