/* core/cmd.h: stub. */
