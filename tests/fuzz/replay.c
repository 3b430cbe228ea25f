/*
 * replay: runs a libFuzzer target's LLVMFuzzerTestOneInput over files and
 * directories (one level) without libFuzzer, so any compiler's build (and
 * the sanitizer builds CI runs) replays the seed corpus and the regression
 * inputs. Exit 0 when every input ran; a crash is the failure.
 *
 *   fuzz_wasm_replay PATH...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emcompat/error.h"
#include "emcompat/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	char *data;
	size_t len;

	if (read_file(path, &data, &len)) {
		fprintf(stderr, "replay: %s\n", error_message());
		error_clear();
		return -1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	size_t n = 0;
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *e;

		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			rc |= run_file(argv[i]);
			n++;
			continue;
		}
		d = opendir(argv[i]);
		if (!d) {
			perror(argv[i]);
			rc = -1;
			continue;
		}
		while ((e = readdir(d)) != NULL) {
			char *path;

			if (e->d_name[0] == '.')
				continue;
			path = xasprintf("%s/%s", argv[i], e->d_name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
				rc |= run_file(path);
				n++;
			}
			free(path);
		}
		closedir(d);
	}
	printf("replay: %zu inputs\n", n);
	return rc ? 1 : 0;
}
