/* logcap: verbatim below the cap, head + cut line + tail above it, bounded memory, write errors. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/logcap.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-test-logcap-XXXXXX";

static char *log_path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* Bytes from xorshift64: no period a 32 KiB window could hide behind. */
static char *pattern(size_t n, uint64_t seed)
{
	char *p = xmalloc(n);
	uint64_t x = seed | 1;

	for (size_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		p[i] = (char)(x >> 56);
	}
	return p;
}

/* What a logcap with CAP must leave in the file for the stream IN of N bytes. */
static struct strbuf expected(const char *in, size_t n, size_t cap)
{
	struct strbuf sb = { 0 };
	size_t head = cap / 2, tail = cap - cap / 2;

	if (n <= cap) {
		strbuf_add(&sb, in, n);
		return sb;
	}
	strbuf_add(&sb, in, head);
	strbuf_addf(&sb, "\n[emcompat: %zu bytes cut here; the first %zu and the last %zu bytes are kept]\n", n - cap,
		    head, tail);
	strbuf_add(&sb, in + n - tail, tail);
	return sb;
}

/* Whether the file at PATH holds exactly WANT; prints where it differs. */
static int file_equals(const char *path, const struct strbuf *want)
{
	char *got;
	size_t len, i;
	int same;

	error_clear();
	if (read_file(path, &got, &len)) {
		fprintf(stderr, "%s\n", error_message());
		return 0;
	}
	same = len == want->len && memcmp(got, want->buf ? want->buf : "", len) == 0;
	if (!same) {
		for (i = 0; i < len && i < want->len && got[i] == want->buf[i]; i++)
			;
		fprintf(stderr, "%s: %zu bytes, expected %zu; first difference at %zu\n", path, len, want->len, i);
	}
	free(got);
	return same;
}

/*
 * Streams N bytes of IN through a logcap with CAP, in chunks whose sizes
 * cycle through CHUNKS, and checks the file against the model above.
 */
static void check_stream(const char *in, size_t n, size_t cap, const size_t *chunks, size_t nchunks)
{
	char *path = log_path("stream.log");
	struct strbuf want = expected(in, n, cap);
	struct logcap l;
	size_t off = 0, k = 0;
	int ok = 1;

	error_clear();
	CHECK_INT(logcap_open(&l, path, cap), 0);
	while (off < n) {
		size_t c = chunks[k++ % nchunks];

		if (c > n - off)
			c = n - off;
		ok &= logcap_write(&l, in + off, c) == 0;
		off += c;
		/* Memory stays bounded by the tail, whatever came. */
		ok &= l.ring_alloc <= cap - cap / 2;
	}
	CHECK(ok);
	CHECK_INT(logcap_close(&l), 0);
	CHECK_INT(l.total, n);
	CHECK_INT(l.cut, n > cap ? n - cap : 0);
	if (!file_equals(path, &want))
		fprintf(stderr, "  (stream of %zu bytes, cap %zu)\n", n, cap);
	CHECK(file_equals(path, &want));
	strbuf_release(&want);
	unlink(path);
	free(path);
}

static void test_small_is_verbatim(void)
{
	char *path = log_path("small.log");
	struct strbuf want = { 0 };
	struct logcap l;

	CHECK_INT(logcap_open(&l, path, 64 << 10), 0);
	CHECK_INT(logcap_write(&l, "hello\n", 6), 0);
	CHECK_INT(logcap_write(&l, "", 0), 0);
	CHECK_INT(logcap_write(&l, "world", 5), 0);
	CHECK_INT(logcap_close(&l), 0);
	CHECK_INT(l.total, 11);
	CHECK_INT(l.cut, 0);
	strbuf_addstr(&want, "hello\nworld");
	CHECK(file_equals(path, &want));
	strbuf_release(&want);

	/* An empty stream leaves an empty file; a second close is a no-op. */
	CHECK_INT(logcap_open(&l, path, 64 << 10), 0);
	CHECK_INT(logcap_close(&l), 0);
	CHECK_INT(logcap_close(&l), 0);
	CHECK(file_equals(path, &want));
	unlink(path);
	free(path);
}

/* The cap's edges: exactly CAP is verbatim, CAP+1 cuts one byte; odd caps. */
static void test_boundaries(void)
{
	static const size_t one[] = { 1 }, all[] = { 1 << 20 }, mixed[] = { 3, 1, 7, 2 };
	static const size_t caps[] = { 1, 2, 3, 7, 16, 4095, 4096, 4097, 10000 };
	char *in = pattern(30000, 42);

	for (size_t c = 0; c < sizeof(caps) / sizeof(*caps); c++) {
		size_t cap = caps[c];
		size_t lens[] = { 0, 1, cap / 2, cap - 1, cap, cap + 1, cap + 2, 2 * cap + 5, 30000 };

		for (size_t i = 0; i < sizeof(lens) / sizeof(*lens); i++) {
			if (lens[i] > 30000)
				continue;
			check_stream(in, lens[i], cap, one, 1);
			check_stream(in, lens[i], cap, all, 1);
			check_stream(in, lens[i], cap, mixed, 4);
		}
	}
	free(in);
}

static void test_ten_mib_through_64_kib(void)
{
	/* Sizes that land the ring's end everywhere, and whole-ring overwrites. */
	static const size_t chunks[] = { 1, 4096, 7, 65537, 100003, 13, 32768, 32769, 999 };
	size_t n = 10 << 20, cap = 64 << 10;
	char *in = pattern(n, 7);
	char *path = log_path("big.log");
	struct logcap l;
	char *got, *line;
	size_t len, off = 0, k = 0;

	check_stream(in, n, cap, chunks, sizeof(chunks) / sizeof(*chunks));

	/* The same, spelled out: head, the line, tail. */
	CHECK_INT(logcap_open(&l, path, cap), 0);
	while (off < n) {
		size_t c = chunks[k++ % (sizeof(chunks) / sizeof(*chunks))];

		c = c > n - off ? n - off : c;
		logcap_write(&l, in + off, c);
		off += c;
	}
	CHECK(l.ring_alloc == 32 << 10);
	CHECK_INT(logcap_close(&l), 0);
	line = xasprintf("\n[emcompat: %zu bytes cut here; the first 32768 and the last 32768 bytes are kept]\n",
			 n - cap);
	CHECK_INT(read_file(path, &got, &len), 0);
	CHECK_INT(len, cap + strlen(line));
	if (len == cap + strlen(line)) {
		CHECK(memcmp(got, in, 32 << 10) == 0);
		CHECK(memcmp(got + (32 << 10), line, strlen(line)) == 0);
		CHECK(memcmp(got + (32 << 10) + strlen(line), in + n - (32 << 10), 32 << 10) == 0);
	}
	free(got);
	free(line);
	free(in);
	unlink(path);
	free(path);
}

static void test_open_errors(void)
{
	struct logcap l;

	error_clear();
	CHECK_INT(logcap_open(&l, "/nonexistent-dir/x.log", 1024), -1);
	CHECK_INT(errno, ENOENT);
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	CHECK_HAS(error_message(), "/nonexistent-dir/x.log: cannot open log: No such file");
	/* Nothing to release, and a close does no harm. */
	CHECK_INT(logcap_close(&l), 0);

	error_clear();
	CHECK_INT(logcap_open(&l, "/dev/null", 0), -1);
	CHECK_HAS(error_message(), "at least 1 byte");
	error_clear();
}

static void test_dev_full(void)
{
	struct logcap l;

	error_clear();
	CHECK_INT(logcap_open(&l, "/dev/full", 1024), 0);
	errno = 0;
	CHECK_INT(logcap_write(&l, "x", 1), -1);
	CHECK_INT(errno, ENOSPC);
	CHECK_HAS(error_message(), "/dev/full: cannot write log: No space left on device");
	/* Sticky: later writes fail too, but are still counted. */
	error_clear();
	CHECK_INT(logcap_write(&l, "yz", 2), -1);
	CHECK(error_pending());
	CHECK_INT(l.total, 3);
	error_clear();
	CHECK_INT(logcap_close(&l), -1);
	CHECK_HAS(error_message(), "No space left on device");
	CHECK_INT(l.fd, -1);
	error_clear();
}

/* RLIMIT_FSIZE makes write fail with EFBIG once SIGXFSZ is ignored. */
static void test_file_size_limit(void)
{
	char *path = log_path("limited.log");
	char *in = pattern(200000, 9);
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	struct rlimit saved, lim;
	struct logcap l;
	char *got;
	size_t len;

	CHECK_INT(getrlimit(RLIMIT_FSIZE, &saved), 0);
	sigaction(SIGXFSZ, &ign, &old);

	/* The head crosses the limit: a short write, then EFBIG. */
	lim = saved;
	lim.rlim_cur = 10000;
	CHECK_INT(setrlimit(RLIMIT_FSIZE, &lim), 0);
	error_clear();
	CHECK_INT(logcap_open(&l, path, 64 << 10), 0);
	CHECK_INT(logcap_write(&l, in, 20000), -1);
	CHECK_INT(errno, EFBIG);
	CHECK_HAS(error_message(), "limited.log: cannot write log: File too large");
	error_clear();
	CHECK_INT(logcap_close(&l), -1);

	/* The head fits; the cut line and tail at close do not. */
	lim.rlim_cur = 40000;
	CHECK_INT(setrlimit(RLIMIT_FSIZE, &lim), 0);
	error_clear();
	CHECK_INT(logcap_open(&l, path, 64 << 10), 0);
	CHECK_INT(logcap_write(&l, in, 100000), 0);
	CHECK_INT(logcap_write(&l, in + 100000, 100000), 0);
	CHECK(!error_pending());
	CHECK_INT(logcap_close(&l), -1);
	CHECK_HAS(error_message(), "limited.log: cannot write log: File too large");
	CHECK_INT(l.fd, -1);

	setrlimit(RLIMIT_FSIZE, &saved);
	sigaction(SIGXFSZ, &old, NULL);
	error_clear();
	CHECK_INT(read_file(path, &got, &len), 0);
	CHECK_INT(len, 40000);
	free(got);
	free(in);
	unlink(path);
	free(path);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_small_is_verbatim();
	test_boundaries();
	test_ten_mib_through_64_kib();
	test_open_errors();
	test_dev_full();
	test_file_size_limit();
	rmdir(dir);
	return check_done();
}
