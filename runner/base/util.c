#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/util.h"

static void out_of_memory(size_t n)
{
	fprintf(stderr, "emcompat: out of memory allocating %zu bytes\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		out_of_memory(count * size);
	return p;
}

void xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	void **ptr = p;
	size_t n = *cap ? *cap : 8;
	void *q;

	if (need <= *cap)
		return;
	while (n < need)
		n *= 2;
	if (n > ((size_t)-1) / size)
		out_of_memory((size_t)-1);
	q = realloc(*ptr, n * size);
	if (!q)
		out_of_memory(n * size);
	*ptr = q;
	*cap = n;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	return strbuf_detach(&sb);
}

const char *xstrerror(int errnum)
{
	static _Thread_local char buf[128];
	int saved = errno;
	/* The GNU strerror_r (_GNU_SOURCE): returns a static string or fills BUF. */
	const char *text = strerror_r(errnum, buf, sizeof(buf));

	errno = saved;
	return text;
}

void strbuf_add(struct strbuf *sb, const void *data, size_t n)
{
	xgrow(&sb->buf, &sb->cap, sb->len + n + 1, 1);
	memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;

	strbuf_add(sb, &ch, 1);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(sb->buf ? sb->buf + sb->len : NULL, sb->buf ? sb->cap - sb->len : 0, fmt, ap);
	if (n < 0)
		n = 0;
	if (!sb->buf || sb->len + (size_t)n + 1 > sb->cap) {
		xgrow(&sb->buf, &sb->cap, sb->len + (size_t)n + 1, 1);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *strbuf_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

int read_file(const char *path, char **out, size_t *len)
{
	struct strbuf sb = { 0 };
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return error(EC_EXIT_INPUT, "%s: cannot open: %s", path, xstrerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&sb, chunk, n);
	if (ferror(f)) {
		int saved = errno;

		fclose(f);
		strbuf_release(&sb);
		errno = saved;
		return error(EC_EXIT_INPUT, "%s: cannot read: %s", path, xstrerror(errno));
	}
	fclose(f);
	*len = sb.len;
	*out = strbuf_detach(&sb);
	return 0;
}

int mkdir_p(const char *path)
{
	char *p = xstrdup(path);

	for (char *s = p + 1;; s++) {
		char c = *s;

		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			int saved = errno;

			error(EC_EXIT_INTERNAL, "%s: cannot create directory: %s", p, xstrerror(saved));
			free(p);
			errno = saved;
			return -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return 0;
}

int atomic_file_open(struct atomic_file *af, const char *path, unsigned mode)
{
	af->path = xstrdup(path);
	af->tmp = xasprintf("%s.tmp%d", path, (int)getpid());
	af->err = 0;
	af->fd = open(af->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, (mode_t)mode);
	if (af->fd < 0) {
		int saved = errno;

		error(EC_EXIT_INTERNAL, "%s: cannot create: %s", af->tmp, xstrerror(saved));
		free(af->path);
		free(af->tmp);
		memset(af, 0, sizeof(*af));
		af->fd = -1;
		errno = saved;
		return -1;
	}
	return 0;
}

void atomic_file_write(struct atomic_file *af, const void *data, size_t len)
{
	const char *p = data;

	while (len && !af->err) {
		ssize_t w = write(af->fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			af->err = w < 0 ? errno : EIO;
			break;
		}
		p += w;
		len -= (size_t)w;
	}
}

void atomic_file_write_buf(struct atomic_file *af, struct strbuf *sb)
{
	atomic_file_write(af, sb->buf, sb->len);
	sb->len = 0;
}

void atomic_file_abort(struct atomic_file *af)
{
	int saved = errno;

	if (af->fd >= 0) {
		close(af->fd);
		unlink(af->tmp);
	}
	free(af->path);
	free(af->tmp);
	memset(af, 0, sizeof(*af));
	af->fd = -1;
	errno = saved;
}

int atomic_file_commit(struct atomic_file *af)
{
	int fd = af->fd, rc = 0;

	af->fd = -1;
	if (af->err)
		errno = af->err;
	if (af->err || fsync(fd) != 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		rc = -1;
	} else if (close(fd) != 0 || rename(af->tmp, af->path) != 0) {
		rc = -1;
	}
	if (rc) {
		int saved = errno;

		unlink(af->tmp);
		error(EC_EXIT_INTERNAL, "%s: cannot write: %s", af->path, xstrerror(saved));
		errno = saved;
	}
	free(af->path);
	free(af->tmp);
	memset(af, 0, sizeof(*af));
	af->fd = -1;
	return rc;
}

int write_file_atomic(const char *path, const char *data, size_t len, unsigned mode)
{
	struct atomic_file af;

	if (atomic_file_open(&af, path, mode))
		return -1;
	atomic_file_write(&af, data, len);
	return atomic_file_commit(&af);
}

#define ARENA_BLOCK 65536

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need = (n + _Alignof(max_align_t) - 1) / _Alignof(max_align_t) * _Alignof(max_align_t);
	char *p;

	if (!b || b->size - b->used < need) {
		size_t size = need > ARENA_BLOCK / 4 ? need : ARENA_BLOCK;

		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		/* A block of its own goes behind the current one, which may still have room. */
		if (size != ARENA_BLOCK && a->head) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = (char *)b->data + b->used;
	b->used += need;
	return memset(p, 0, n);
}

char *arena_strdup(struct arena *a, const char *s)
{
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	return memcpy(arena_alloc(a, n), s, n);
}

void arena_release(struct arena *a)
{
	while (a->head) {
		struct arena_block *next = a->head->next;

		free(a->head);
		a->head = next;
	}
}

int path_check_no_links(const char *path, int depth)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (lstat(path, &st) != 0)
		return 0;
	if (S_ISLNK(st.st_mode)) {
		char target[4096];
		ssize_t n = readlink(path, target, sizeof(target) - 1);

		target[n > 0 ? n : 0] = '\0';
		return error(EC_EXIT_INPUT,
			     "%s: a symbolic link (to %s) where emcompat writes: it follows "
			     "no link in its cache or run directory; remove it",
			     path, target);
	}
	if (!S_ISDIR(st.st_mode) || depth <= 0 || !(d = opendir(path)))
		return 0;
	while (rc == 0 && (e = readdir(d))) {
		char *sub;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		/* Only links and directories matter: skip the lstat of plain files. */
		if (e->d_type != DT_LNK && e->d_type != DT_DIR && e->d_type != DT_UNKNOWN)
			continue;
		sub = xasprintf("%s/%s", path, e->d_name);
		rc = path_check_no_links(sub, depth - 1);
		free(sub);
	}
	closedir(d);
	return rc;
}

void hex_encode(const unsigned char *data, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[data[i] >> 4];
		out[2 * i + 1] = digits[data[i] & 15];
	}
	out[2 * n] = '\0';
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) && errno != ENOENT ? -1 : 0;
}

int remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : error(EC_EXIT_INTERNAL, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0 ? 0 : error(EC_EXIT_INTERNAL, "%s: cannot remove: %s", path, strerror(errno));
	if (nftw(path, rm_entry, 32, FTW_DEPTH | FTW_PHYS) != 0)
		return error(EC_EXIT_INTERNAL, "%s: cannot remove: %s", path, strerror(errno));
	return 0;
}

static unsigned long long tree_bytes;

static int size_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)path;
	(void)ftw;
	if (flag != FTW_NS)
		tree_bytes += (unsigned long long)st->st_blocks * 512;
	return 0;
}

unsigned long long tree_size(const char *path)
{
	char *real = realpath(path, NULL);

	tree_bytes = 0;
	if (real)
		nftw(real, size_entry, 32, FTW_PHYS);
	free(real);
	return tree_bytes;
}

double time_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double time_wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
