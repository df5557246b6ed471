/* core/call.h: stub. */
