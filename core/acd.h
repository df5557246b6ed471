/* core/acd.h: stub. */
