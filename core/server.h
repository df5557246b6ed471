/* core/server.h: stub. */
