/* core/queue.c: stub, being written. */
