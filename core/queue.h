/* core/queue.h: stub. */
