/* core/core.h: stub. */
