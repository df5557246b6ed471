/* core/span.h: stub. */
