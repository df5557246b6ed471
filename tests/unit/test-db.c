/* tests/unit/test-db.c: stub, being written. */
int main(void) { return 0; }
