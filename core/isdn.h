/* core/isdn.h: stub. */
