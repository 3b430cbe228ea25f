/* Embedded files: lookup, digests by prefix, extraction into a directory. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

int main(void)
{
	char dir[] = "/tmp/test_embedded.XXXXXX", a[65], b[65], c[65];
	const struct embedded_file *f = embedded_find("matrix/default.json");
	struct stat st1, st2;
	char *path, *text;
	size_t len;

	CHECK(f != NULL);
	CHECK(f && f->size > 0 && f->data[f->size] == '\0');
	CHECK(embedded_find("matrix/nope.json") == NULL);

	embedded_digest("matrix/default.json", a);
	embedded_digest("matrix/default.json", b);
	embedded_digest("matrix/nothing-here/", c);
	CHECK_INT(strlen(a), 64);
	CHECK_STR(a, b);
	CHECK(strcmp(a, c) != 0);
	/* SHA-256 of nothing: no file matched. */
	CHECK_STR(c, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	/* Notes are not sources: a prefix matching only a README digests as nothing. */
	CHECK(embedded_find("matrix/loaders/README.md") != NULL);
	embedded_digest("matrix/loaders/README", c);
	CHECK_STR(c, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

	CHECK(mkdtemp(dir) != NULL);
	error_clear();
	CHECK_INT(embedded_extract("matrix/default.json", dir), 0);
	path = xasprintf("%s/matrix/default.json", dir);
	CHECK_INT(read_file(path, &text, &len), 0);
	CHECK_INT(len, f ? f->size : 0);
	CHECK(f && memcmp(text, f->data, len) == 0);
	free(text);
	/* Unchanged content is not rewritten. */
	CHECK_INT(stat(path, &st1), 0);
	sleep(1);
	CHECK_INT(embedded_extract("matrix/", dir), 0);
	CHECK_INT(stat(path, &st2), 0);
	CHECK_INT(st1.st_mtime, st2.st_mtime);
	CHECK_INT(st1.st_ino, st2.st_ino);
	free(path);
	error_clear();
	CHECK_INT(embedded_extract("matrix/", "/proc/emcompat-cannot-write-here"), -1);
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	return check_done();
}
