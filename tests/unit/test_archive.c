/* archive: safe extraction. Archives are written here with libarchive itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "check.h"
#include "emcompat/archive.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

struct entry {
	const char *name;
	mode_t type;         /* AE_IFREG, AE_IFDIR, AE_IFLNK */
	const char *data;    /* file content, or the symlink target */
	const char *hardlink;
};

static char *tmp_root;

static char *make_tar(const char *name, const struct entry *e, size_t n)
{
	char *path = xasprintf("%s/%s.tar.gz", tmp_root, name);
	struct archive *a = archive_write_new();

	archive_write_set_format_pax_restricted(a);
	archive_write_add_filter_gzip(a);
	archive_write_open_filename(a, path);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *ae = archive_entry_new();

		archive_entry_set_pathname(ae, e[i].name);
		archive_entry_set_filetype(ae, e[i].type);
		archive_entry_set_perm(ae, e[i].type == AE_IFDIR ? 0755 : 0644);
		if (e[i].type == AE_IFLNK)
			archive_entry_set_symlink(ae, e[i].data);
		if (e[i].hardlink)
			archive_entry_set_hardlink(ae, e[i].hardlink);
		if (e[i].type == AE_IFREG && !e[i].hardlink)
			archive_entry_set_size(ae, (la_int64_t)strlen(e[i].data));
		archive_write_header(a, ae);
		if (e[i].type == AE_IFREG && !e[i].hardlink)
			archive_write_data(a, e[i].data, strlen(e[i].data));
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
	return path;
}

/* Extracts ENTRIES into a fresh directory DEST; returns archive_extract's result. */
static int extract(const char *name, const struct entry *e, size_t n, int strip, char **dest)
{
	char *tar = make_tar(name, e, n);
	int rc;

	*dest = xasprintf("%s/%s.out", tmp_root, name);
	mkdir_p(*dest);
	error_clear();
	rc = archive_extract(tar, *dest, strip);
	free(tar);
	return rc;
}

static int file_is(const char *dir, const char *rel, const char *want)
{
	char *path = xasprintf("%s/%s", dir, rel), *text;
	size_t len;
	int same = 0;

	if (read_file(path, &text, &len) == 0) {
		same = strcmp(text, want) == 0;
		free(text);
	}
	error_clear();
	free(path);
	return same;
}

static int there(const char *dir, const char *rel)
{
	char *path = xasprintf("%s/%s", dir, rel);
	struct stat st;
	int yes = lstat(path, &st) == 0;

	free(path);
	return yes;
}

static void test_good(void)
{
	const struct entry e[] = {
		{ "package/", AE_IFDIR, NULL, NULL },
		{ "package/bin/tool", AE_IFREG, "#!/bin/sh\n", NULL },
		{ "package/lib/link", AE_IFLNK, "../bin/tool", NULL },
		{ "package/same", AE_IFREG, NULL, "package/bin/tool" },
		{ "package/./dot", AE_IFREG, "dot", NULL },
	};
	char *dest;

	CHECK_INT(extract("good", e, sizeof(e) / sizeof(*e), 1, &dest), 0);
	CHECK(file_is(dest, "bin/tool", "#!/bin/sh\n"));
	CHECK(file_is(dest, "lib/link", "#!/bin/sh\n"));
	CHECK(file_is(dest, "same", "#!/bin/sh\n"));
	CHECK(file_is(dest, "dot", "dot"));
	CHECK(!there(dest, "package"));
	free(dest);
}

static void test_refused(void)
{
	static const struct {
		const char *what;
		struct entry bad;
		const char *message;
	} cases[] = {
		{ "dotdot", { "package/../escaped", AE_IFREG, "x", NULL }, "has a \"..\" component" },
		{ "deep", { "package/a/../../escaped", AE_IFREG, "x", NULL }, "has a \"..\" component" },
		{ "absolute", { "/tmp/escaped", AE_IFREG, "x", NULL }, "has an absolute path" },
		{ "symlink-up", { "package/link", AE_IFLNK, "../../escaped", NULL }, "symbolic link leaving" },
		{ "symlink-abs", { "package/link", AE_IFLNK, "/etc/passwd", NULL }, "symbolic link leaving" },
		{ "hardlink-up",
		  { "package/hard", AE_IFREG, NULL, "../outside" },
		  "hard link with a \"..\" component" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const struct entry e[] = {
			{ "package/first", AE_IFREG, "1", NULL },
			cases[i].bad,
		};
		char *dest;

		CHECK_INT(extract(cases[i].what, e, 2, 1, &dest), -1);
		CHECK_INT(error_code(), EC_EXIT_INPUT);
		CHECK_HAS(error_message(), cases[i].message);
		CHECK(!there(tmp_root, "escaped"));
		free(dest);
	}
}

static void test_not_an_archive(void)
{
	char *path = xasprintf("%s/junk.tgz", tmp_root), *dest = xasprintf("%s/junk.out", tmp_root);

	write_file_atomic(path, "not an archive at all", 21, 0644);
	mkdir_p(dest);
	error_clear();
	CHECK_INT(archive_extract(path, dest, 0), -1);
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	free(dest);
	free(path);
}

int main(void)
{
	char templ[] = "/tmp/test_archive.XXXXXX";
	char *cmd;

	tmp_root = mkdtemp(templ);
	if (!tmp_root)
		return 1;
	test_good();
	test_refused();
	test_not_an_archive();
	cmd = xasprintf("rm -rf '%s'", tmp_root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp_root);
	free(cmd);
	return check_done();
}
