/* core/agent.h: stub. */
