/* fuzz-replay.c: runs a libFuzzer-style target without libFuzzer, so that
 * `make check` exercises every fuzz target: each argument is a corpus file
 * or directory replayed as is, then -m N mutations per input are fed (byte
 * flips, truncations, splices; deterministic seed). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static uint32_t	rng = 2463534242u;
static int	mutations = 0;
static long	runs;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void
run_mutated(const uint8_t *data, size_t len)
{
	uint8_t	*buf = malloc(len + 64);
	size_t	 n;

	for (int m = 0; m < mutations; m++) {
		memcpy(buf, data, len);
		n = len;
		switch (next_rand() % 4) {
		case 0:
			if (n > 0)
				buf[next_rand() % n] ^= 1u << (next_rand() % 8);
			break;
		case 1:
			if (n > 0)
				n = next_rand() % n;
			break;
		case 2:
			for (int i = 0; i < 8; i++)
				buf[n++] = (uint8_t)next_rand();
			break;
		default:
			if (n > 0)
				buf[next_rand() % n] = "{}[]\":,\\\n0a-"[next_rand() % 13];
			break;
		}
		LLVMFuzzerTestOneInput(buf, n);
		runs++;
	}
	free(buf);
}

static void
run_file(const char *path)
{
	FILE	*f = fopen(path, "rb");
	uint8_t	*buf;
	long	 len;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc(len + 1);
	if (fread(buf, 1, len, f) != (size_t)len) {
		perror(path);
		exit(1);
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	runs++;
	run_mutated(buf, len);
	free(buf);
}

static void
run_path(const char *path)
{
	struct stat	 st;
	DIR		*d;
	struct dirent	*de;
	char		 sub[4096];

	if (stat(path, &st) != 0) {
		perror(path);
		exit(1);
	}
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	if ((d = opendir(path)) == NULL) {
		perror(path);
		exit(1);
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
		run_path(sub);
	}
	closedir(d);
}

int
main(int argc, char **argv)
{
	int i = 1;

	if (argc > 2 && strcmp(argv[1], "-m") == 0) {
		mutations = atoi(argv[2]);
		i = 3;
	}
	for (; i < argc; i++)
		run_path(argv[i]);
	printf("%ld inputs run\n", runs);
	return 0;
}
