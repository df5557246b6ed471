/* pstn/pstn.h: stub. */
