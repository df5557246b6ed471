/* core/agent.c: stub, being written. */
