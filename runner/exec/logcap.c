#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/logcap.h"
#include "emcompat/util.h"

/* The ring's first allocation; it doubles from there up to tail_cap. */
#define RING_MIN 4096

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		if (w == 0) {
			/* write(2) never does this for a file with room left. */
			errno = ENOSPC;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes to the file; on failure the logcap stops writing for good. */
static int put(struct logcap *l, const void *data, size_t n)
{
	if (write_all(l->fd, data, n)) {
		l->write_errno = errno;
		return error(EC_EXIT_INTERNAL, "%s: cannot write log: %s", l->path, xstrerror(errno));
	}
	return 0;
}

/*
 * Makes room for NEED (<= tail_cap) bytes in a ring that has not wrapped:
 * a short stream past the head costs a little, a long one tail_cap.
 */
static void ring_reserve(struct logcap *l, size_t need)
{
	size_t n = l->ring_alloc ? l->ring_alloc : RING_MIN;
	char *ring;

	if (need <= l->ring_alloc)
		return;
	while (n < need)
		n *= 2;
	if (n > l->tail_cap)
		n = l->tail_cap;
	ring = xmalloc(n);
	if (l->ring_len)
		memcpy(ring, l->ring, l->ring_len);
	free(l->ring);
	l->ring = ring;
	l->ring_alloc = n;
}

/* Keeps the last tail_cap bytes of everything added, oldest at ring_start. */
static void ring_add(struct logcap *l, const char *p, size_t n)
{
	size_t end, first, over;

	if (!l->tail_cap || !n)
		return;
	if (n >= l->tail_cap) {
		ring_reserve(l, l->tail_cap);
		memcpy(l->ring, p + n - l->tail_cap, l->tail_cap);
		l->ring_start = 0;
		l->ring_len = l->tail_cap;
		return;
	}
	if (l->ring_len + n <= l->tail_cap) {
		/* Not full yet, so ring_start is 0 and the bytes go at the end. */
		ring_reserve(l, l->ring_len + n);
		memcpy(l->ring + l->ring_len, p, n);
		l->ring_len += n;
		return;
	}
	ring_reserve(l, l->tail_cap);
	end = (l->ring_start + l->ring_len) % l->tail_cap;
	first = l->tail_cap - end < n ? l->tail_cap - end : n;
	memcpy(l->ring + end, p, first);
	memcpy(l->ring, p + first, n - first);
	over = l->ring_len + n - l->tail_cap;
	l->ring_start = (l->ring_start + over) % l->tail_cap;
	l->ring_len = l->tail_cap;
}

int logcap_open(struct logcap *l, const char *path, size_t cap)
{
	memset(l, 0, sizeof(*l));
	l->fd = -1;
	if (!cap) {
		errno = EINVAL;
		return error(EC_EXIT_INTERNAL, "%s: log size cap must be at least 1 byte", path);
	}
	l->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (l->fd < 0)
		return error(EC_EXIT_INTERNAL, "%s: cannot open log: %s", path, xstrerror(errno));
	l->path = xstrdup(path);
	l->head_cap = cap / 2;
	l->tail_cap = cap - cap / 2;
	return 0;
}

int logcap_write(struct logcap *l, const void *data, size_t n)
{
	const char *p = data;

	l->total += n;
	if (l->write_errno) {
		errno = l->write_errno;
		return error(EC_EXIT_INTERNAL, "%s: cannot write log: %s", l->path, xstrerror(errno));
	}
	if (l->head_len < l->head_cap) {
		size_t k = l->head_cap - l->head_len < n ? l->head_cap - l->head_len : n;

		if (put(l, p, k))
			return -1;
		l->head_len += k;
		p += k;
		n -= k;
	}
	ring_add(l, p, n);
	return 0;
}

int logcap_close(struct logcap *l)
{
	int rc = 0;

	if (l->fd < 0)
		return 0;
	l->cut = l->total - l->head_len - l->ring_len;
	if (l->write_errno) {
		errno = l->write_errno;
		rc = error(EC_EXIT_INTERNAL, "%s: cannot write log: %s", l->path, xstrerror(errno));
	} else {
		size_t first = l->tail_cap - l->ring_start;

		if (first > l->ring_len)
			first = l->ring_len;
		if (l->cut) {
			char line[160];
			int len = snprintf(line, sizeof(line),
					   "\n[emcompat: %" PRIu64 " bytes cut here; the first %zu and "
					   "the last %zu bytes are kept]\n",
					   l->cut, l->head_len, l->ring_len);

			rc = put(l, line, (size_t)len);
		}
		if (!rc && first)
			rc = put(l, l->ring + l->ring_start, first);
		if (!rc && l->ring_len > first)
			rc = put(l, l->ring, l->ring_len - first);
	}
	/* A close that fails reports a write-back error (NFS, quota) late. */
	if (close(l->fd) && errno != EINTR && !rc)
		rc = error(EC_EXIT_INTERNAL, "%s: cannot write log: %s", l->path, xstrerror(errno));
	l->fd = -1;
	free(l->ring);
	l->ring = NULL;
	l->ring_alloc = 0;
	free(l->path);
	l->path = NULL;
	return rc;
}
