#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
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
	struct strbuf sb = {0};
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
	struct strbuf sb = {0};
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

int write_file_atomic(const char *path, const char *data, size_t len, unsigned mode)
{
	char *tmp = xasprintf("%s.tmp%d", path, (int)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, (mode_t)mode), closed = 0;
	size_t off = 0;

	if (fd < 0) {
		error(EC_EXIT_INTERNAL, "%s: cannot create: %s", tmp, xstrerror(errno));
		free(tmp);
		return -1;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < len || fsync(fd) != 0 || (closed = 1, close(fd) != 0) || rename(tmp, path) != 0) {
		int saved = errno;

		if (!closed)
			close(fd);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return error(EC_EXIT_INTERNAL, "%s: cannot write: %s", path, xstrerror(errno));
	}
	free(tmp);
	return 0;
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
		return error(EC_EXIT_INPUT, "%s: a symbolic link (to %s) where emcompat writes: it follows "
			     "no link in its cache or run directory; remove it", path, target);
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
