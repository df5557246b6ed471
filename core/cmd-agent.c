/* core/cmd-agent.c: stub, being written. */
