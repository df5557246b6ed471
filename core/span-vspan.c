/* core/span-vspan.c: stub, being written. */
