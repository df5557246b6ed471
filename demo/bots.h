/* demo/bots.h: stub. */
