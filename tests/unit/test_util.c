/* util: the arena and files written in pieces through a temp name. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-test-util-XXXXXX";

/* Small and large requests interleaved: zeroed, aligned, none overlapping, all kept until release. */
static void test_arena(void)
{
	struct arena a = { NULL };
	char *p[400];
	size_t sizes[400];

	for (size_t i = 0; i < 400; i++) {
		sizes[i] = i % 37 == 0 ? 20000 + i : i % 7 + 1;
		p[i] = arena_alloc(&a, sizes[i]);
		CHECK((uintptr_t)p[i] % _Alignof(max_align_t) == 0);
		for (size_t k = 0; k < sizes[i]; k++)
			if (p[i][k] != 0) {
				CHECK(0);
				break;
			}
		memset(p[i], (int)(i % 251) + 1, sizes[i]);
	}
	for (size_t i = 0; i < 400; i++) {
		size_t k = 0;

		while (k < sizes[i] && (unsigned char)p[i][k] == i % 251 + 1)
			k++;
		CHECK_INT(k, sizes[i]);
	}
	CHECK_STR(arena_strdup(&a, "kept"), "kept");
	CHECK(arena_strdup(&a, NULL) == NULL);
	arena_release(&a);
	CHECK(a.head == NULL);
	arena_release(&a);
}

static size_t entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void test_atomic_file(void)
{
	char *path = xasprintf("%s/out.txt", dir), *text = NULL, *bad = xasprintf("%s/no/such/dir/x", dir);
	struct atomic_file af;
	size_t len;

	CHECK_INT(write_file_atomic(path, "old", 3, 0644), 0);
	/* Pieces: readers see the old file until commit. */
	CHECK_INT(atomic_file_open(&af, path, 0644), 0);
	atomic_file_write(&af, "new ", 4);
	atomic_file_write(&af, "text", 4);
	CHECK_INT(read_file(path, &text, &len), 0);
	CHECK_STR(text, "old");
	free(text);
	CHECK_INT(entries(), 2);
	CHECK_INT(atomic_file_commit(&af), 0);
	CHECK_INT(read_file(path, &text, &len), 0);
	CHECK_STR(text, "new text");
	free(text);
	CHECK_INT(entries(), 1);
	/* Abort: the old file stays, no temp is left. */
	CHECK_INT(atomic_file_open(&af, path, 0644), 0);
	atomic_file_write(&af, "lost", 4);
	atomic_file_abort(&af);
	CHECK_INT(read_file(path, &text, &len), 0);
	CHECK_STR(text, "new text");
	free(text);
	CHECK_INT(entries(), 1);
	/* A write error is kept and reported by commit, which removes the temp. */
	CHECK_INT(atomic_file_open(&af, path, 0644), 0);
	close(af.fd);
	atomic_file_write(&af, "x", 1);
	CHECK(af.err != 0);
	error_clear();
	af.fd = -1;
	CHECK_INT(atomic_file_commit(&af), -1);
	CHECK_HAS(error_message(), "out.txt: cannot write: Bad file descriptor");
	CHECK_INT(entries(), 1);
	error_clear();
	CHECK_INT(atomic_file_open(&af, bad, 0644), -1);
	CHECK_HAS(error_message(), "cannot create");
	error_clear();
	free(path);
	free(bad);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir))
		return 1;
	test_arena();
	test_atomic_file();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
