/* core/route.h: stub. */
