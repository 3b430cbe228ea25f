/*
 * embedded: files from the source tree compiled into the binary
 * (cmake/embed.cmake writes the table), so that `emcompat` run from any
 * directory has its default matrix and report templates.
 */
#ifndef EMCOMPAT_EMBEDDED_H
#define EMCOMPAT_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *path;  /* relative to the source tree, e.g. "matrix/default.json" */
	const char *data;  /* NUL-terminated; size excludes the NUL */
	size_t size;
};

/* Terminated by an entry whose path is NULL. */
extern const struct embedded_file embedded_files[];

/* The embedded file at PATH, or NULL. The data is static: never free it. */
const struct embedded_file *embedded_find(const char *path);

/*
 * SHA-256 (64 hex digits) of every embedded file whose path starts with
 * PREFIX, paths and contents, in table order: a node-key input that
 * changes whenever those sources change. Notes (*.md) are left out: a
 * README edit rebuilds nothing. OUT holds 65 bytes.
 */
void embedded_digest(const char *prefix, char out[65]);

/*
 * Writes every embedded file whose path starts with PREFIX under DIR
 * (DIR/<path>), creating directories; a file already there with the same
 * content is left alone. Files are written to a temp name and renamed.
 * Returns 0, or -1 with error() (EC_EXIT_INTERNAL).
 */
int embedded_extract(const char *prefix, const char *dir);

#endif
