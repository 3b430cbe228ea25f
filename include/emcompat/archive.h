/*
 * archive: unpack a downloaded archive safely, with libarchive.
 *
 * Any format libarchive reads (tar with gzip, xz, bzip2 or zstd; zip; ...).
 * Every entry is checked before anything of it is written, and the whole
 * archive is refused (EC_EXIT_INPUT, naming the entry) when an entry has
 * an absolute path, a ".." component, is a device, FIFO or socket, or is a
 * symbolic or hard link whose target would leave the target directory.
 * libarchive's own guards against ".." and symlinks
 * (ARCHIVE_EXTRACT_SECURE_NODOTDOT, _SYMLINKS) are on as well, so a symlink
 * planted by an earlier entry is not followed either. Owners are
 * not restored; modes are (minus set-id bits), as are modification times.
 *
 * The caller extracts into a fresh temporary directory and removes it when
 * this fails: a refused archive may have left part of itself there.
 */
#ifndef EMCOMPAT_ARCHIVE_H
#define EMCOMPAT_ARCHIVE_H

/*
 * Extracts the archive at PATH into DIR (which must exist), dropping the
 * first STRIP path components of every entry (npm's "package/"); entries
 * with no more than STRIP components are skipped. Returns 0, or -1 with
 * error(): EC_EXIT_INPUT for an unsafe or unreadable archive,
 * EC_EXIT_INTERNAL when writing fails.
 */
int archive_extract(const char *path, const char *dir, int strip);

#endif
