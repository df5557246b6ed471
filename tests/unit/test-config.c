/* tests/unit/test-config.c: stub, being written. */
int main(void) { return 0; }
