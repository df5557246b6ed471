/* core/conn.h: stub. */
