/* core/media.c: stub, being written. */
