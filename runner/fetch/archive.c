#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "emcompat/archive.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

/*
 * NAME without its first STRIP components, or NULL when nothing is left.
 * Sets *BAD when NAME is absolute or has a ".." component.
 */
static const char *strip_name(const char *name, int strip, int *bad)
{
	const char *p = name;

	*bad = name[0] == '/';
	for (const char *c = name; !*bad;) {
		size_t len = strcspn(c, "/");

		*bad = len == 2 && c[0] == '.' && c[1] == '.';
		if (!c[len])
			break;
		c += len + 1;
	}
	if (*bad)
		return NULL;
	for (int i = 0; i < strip; i++) {
		p = strchr(p, '/');
		if (!p)
			return NULL;
		while (*p == '/')
			p++;
	}
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	return *p && strcmp(p, ".") != 0 ? p : NULL;
}

/*
 * Whether the symlink at REL (a path inside the target, already checked)
 * pointing to TARGET stays inside: walks REL's directory, then TARGET,
 * counting depth; going above the top is leaving.
 */
static int link_stays_inside(const char *rel, const char *target)
{
	long depth = 0;
	const char *slash = strrchr(rel, '/');
	char *walk;
	char *save = NULL;

	if (target[0] == '/')
		return 0;
	walk = slash ? xasprintf("%.*s/%s", (int)(slash - rel), rel, target) : xstrdup(target);
	for (char *c = strtok_r(walk, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
		if (strcmp(c, "..") == 0)
			depth--;
		else if (strcmp(c, ".") != 0)
			depth++;
		if (depth < 0)
			break;
	}
	free(walk);
	return depth >= 0;
}

static int refuse(const char *path, const char *entry, const char *why)
{
	return error(EC_EXIT_INPUT, "%s: entry \"%s\" %s: the archive is refused", path, entry, why);
}

/* Checks one entry and points it into DIR. 1: skip it, 0: write it, -1: refuse. */
static int place_entry(struct archive_entry *e, const char *path, const char *dir, int strip)
{
	const char *name = archive_entry_pathname(e), *rel, *hard = archive_entry_hardlink(e);
	mode_t type = archive_entry_filetype(e);
	int bad;
	char *full;

	if (!name)
		return refuse(path, "?", "has no name");
	rel = strip_name(name, strip, &bad);
	if (bad)
		return refuse(path, name, name[0] == '/' ? "has an absolute path" : "has a \"..\" component");
	if (!rel)
		return 1;
	/* A tar hard link may carry no file type: it is its target's. */
	if (!hard && type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK)
		return refuse(path, name, "is a device, FIFO or socket");
	if (type == AE_IFLNK) {
		const char *target = archive_entry_symlink(e);

		if (!target || !link_stays_inside(rel, target))
			return refuse(path, name, "is a symbolic link leaving the target directory");
	}
	if (hard) {
		const char *hrel = strip_name(hard, strip, &bad);

		if (bad)
			return refuse(path, name,
				      hard[0] == '/' ? "is a hard link to an absolute path"
						     : "is a hard link with a \"..\" component");
		if (!hrel)
			return refuse(path, name, "is a hard link leaving the target directory");
		full = xasprintf("%s/%s", dir, hrel);
		archive_entry_copy_hardlink(e, full);
		free(full);
	}
	full = xasprintf("%s/%s", dir, rel);
	archive_entry_copy_pathname(e, full);
	free(full);
	archive_entry_set_perm(e, archive_entry_perm(e) & 0777);
	return 0;
}

int archive_extract(const char *path, const char *dir_arg, int strip)
{
	struct archive *in, *out;
	struct archive_entry *e;
	char dir[PATH_MAX];
	int rc = 0, r;

	/* libarchive's symlink guard checks every component of an entry's path,
	 * so DIR itself must be free of symlinks. */
	if (!realpath(dir_arg, dir))
		return error(EC_EXIT_INTERNAL, "%s: %s", dir_arg, strerror(errno));
	in = archive_read_new();
	out = archive_write_disk_new();
	archive_read_support_filter_all(in);
	archive_read_support_format_all(in);
	/* Entries are rewritten to absolute paths under DIR (place_entry), so
	 * libarchive's no-absolute-paths guard cannot be on: place_entry is it. */
	archive_write_disk_set_options(out, ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM |
						    ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT);
	if (archive_read_open_filename(in, path, 1 << 16) != ARCHIVE_OK) {
		rc = error(EC_EXIT_INPUT, "%s: %s", path, archive_error_string(in));
		goto out;
	}
	while ((r = archive_read_next_header(in, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
		const void *buf;
		size_t len;
		la_int64_t off;
		int placed = place_entry(e, path, dir, strip);

		if (placed < 0) {
			rc = -1;
			goto out;
		}
		if (placed == 1)
			continue;
		if (archive_write_header(out, e) < ARCHIVE_WARN) {
			rc = error(EC_EXIT_INTERNAL, "%s: %s", archive_entry_pathname(e), archive_error_string(out));
			goto out;
		}
		while ((r = archive_read_data_block(in, &buf, &len, &off)) == ARCHIVE_OK) {
			if (archive_write_data_block(out, buf, len, off) < ARCHIVE_WARN) {
				rc = error(EC_EXIT_INTERNAL, "%s: %s", archive_entry_pathname(e),
					   archive_error_string(out));
				goto out;
			}
		}
		if (r != ARCHIVE_EOF) {
			rc = error(EC_EXIT_INPUT, "%s: %s", path, archive_error_string(in));
			goto out;
		}
		if (archive_write_finish_entry(out) < ARCHIVE_WARN) {
			rc = error(EC_EXIT_INTERNAL, "%s: %s", archive_entry_pathname(e), archive_error_string(out));
			goto out;
		}
	}
	if (r != ARCHIVE_EOF)
		rc = error(EC_EXIT_INPUT, "%s: %s", path, archive_error_string(in));
out:
	if (archive_write_close(out) != ARCHIVE_OK && rc == 0)
		rc = error(EC_EXIT_INTERNAL, "%s: %s", dir, archive_error_string(out));
	archive_write_free(out);
	archive_read_free(in);
	return rc;
}
