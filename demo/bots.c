/* demo/bots.c: stub, being written. */
