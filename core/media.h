/* core/media.h: stub. */
