/* core/notify.h: stub. */
