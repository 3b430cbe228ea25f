/* child: pipes, exit codes, start failures without leaks, env/cwd, stdin, signals, groups, run, drain, env merge, sweep. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/child.h"
#include "emcompat/error.h"
#include "emcompat/logcap.h"
#include "emcompat/util.h"

#define TIMEOUT_MS 10000

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* Our children, zombies included: the processes whose parent is us. */
static int count_children(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char path[300], buf[512], *p;
		ssize_t len;
		int fd;

		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		len = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (len <= 0)
			continue;
		buf[len] = '\0';
		/* "pid (comm) S ppid ...": comm may hold spaces and parens. */
		p = strrchr(buf, ')');
		if (p && atol(p + 4) == (long)getpid())
			n++;
	}
	closedir(d);
	return n;
}

/*
 * Reads both pipes of C to EOF into OUT and ERR (either may be NULL), then
 * reaps C and returns its exit code; -1000 when it does not finish in time.
 */
static int finish(struct child *c, struct strbuf *out, struct strbuf *err)
{
	long long deadline = now_ms() + TIMEOUT_MS;
	int status, timed_out = 0;

	while (c->out_fd >= 0 || c->err_fd >= 0) {
		struct pollfd pfd[2] = { { c->out_fd, POLLIN, 0 }, { c->err_fd, POLLIN, 0 } };
		long long left = deadline - now_ms();
		char buf[4096];

		if (left <= 0) {
			timed_out = 1;
			break;
		}
		if (poll(pfd, 2, (int)left) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < 2; i++) {
			int *fd = i ? &c->err_fd : &c->out_fd;
			struct strbuf *sb = i ? err : out;
			ssize_t n;

			if (*fd < 0 || !pfd[i].revents)
				continue;
			n = read(*fd, buf, sizeof(buf));
			if (n > 0 && sb)
				strbuf_add(sb, buf, (size_t)n);
			else if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
				close(*fd);
				*fd = -1;
			}
		}
	}
	if (timed_out)
		child_kill_group(c, SIGKILL);
	child_close(c);
	if (child_wait(c, &status))
		return -2000;
	return timed_out ? -1000 : child_exit_code(status);
}

/* Runs ARGV to completion; the exit code, or -3000 when it cannot start. */
static int run(const char *const *argv, const char *const *env, const char *cwd, struct strbuf *out, struct strbuf *err)
{
	struct child_opts o = { .argv = argv, .env = env, .cwd = cwd };
	struct child c;

	error_clear();
	if (child_start(&c, &o)) {
		fprintf(stderr, "child_start: %s\n", error_message());
		return -3000;
	}
	return finish(&c, out, err);
}

static void test_stdout_and_stderr(void)
{
	const char *argv[] = { "sh", "-c", "echo out; echo err >&2; echo more", NULL };
	struct child_opts o = { .argv = argv };
	struct strbuf out = { 0 }, err = { 0 };
	struct child c;

	error_clear();
	CHECK_INT(child_start(&c, &o), 0);
	CHECK(c.pid > 0);
	CHECK(c.out_fd > 2 && c.err_fd > 2 && c.out_fd != c.err_fd);
	CHECK(fcntl(c.out_fd, F_GETFL) & O_NONBLOCK);
	CHECK(fcntl(c.err_fd, F_GETFL) & O_NONBLOCK);
	CHECK(fcntl(c.out_fd, F_GETFD) & FD_CLOEXEC);
	CHECK(fcntl(c.err_fd, F_GETFD) & FD_CLOEXEC);
	CHECK_INT(finish(&c, &out, &err), 0);
	CHECK_STR(strbuf_str(&out), "out\nmore\n");
	CHECK_STR(strbuf_str(&err), "err\n");
	CHECK_INT(c.out_fd, -1);
	CHECK_INT(c.err_fd, -1);
	strbuf_release(&out);
	strbuf_release(&err);

	/* A child that writes more than a pipe holds is not cut short. */
	const char *big[] = { "sh", "-c", "head -c 300000 /dev/zero", NULL };
	CHECK_INT(run(big, NULL, NULL, &out, NULL), 0);
	CHECK_INT(out.len, 300000);
	strbuf_release(&out);
}

static void test_exit_codes(void)
{
	const char *exit3[] = { "sh", "-c", "exit 3", NULL };
	const char *killed[] = { "sh", "-c", "kill -9 $$", NULL };
	const char *termed[] = { "sh", "-c", "kill -TERM $$", NULL };

	CHECK_INT(run(exit3, NULL, NULL, NULL, NULL), 3);
	CHECK_INT(run(killed, NULL, NULL, NULL, NULL), 137);
	CHECK_INT(run(termed, NULL, NULL, NULL, NULL), 143);
	CHECK_INT(child_exit_code(0), 0);
	CHECK_INT(child_exit_code(3 << 8), 3);
	CHECK_INT(child_exit_code(SIGKILL), 137);
}

/* A new file in /tmp holding TEXT with MODE; its path, to free and unlink. */
static char *make_file(const char *text, mode_t mode)
{
	char *path = xstrdup("/tmp/emcompat-test-child-XXXXXX");
	size_t len = strlen(text);
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	if (fd >= 0) {
		CHECK_INT(write(fd, text, len), len);
		CHECK_INT(fchmod(fd, mode), 0);
		close(fd);
	}
	return path;
}

static void expect_no_start(const char *const *argv, const char *const *env, const char *cwd, int want_errno,
			    const char *want_msg)
{
	struct child_opts o = { .argv = argv, .env = env, .cwd = cwd };
	struct child c = { 12345, 77, 78 };
	int fds = count_fds(), kids = count_children();
	int rc;

	error_clear();
	errno = 0;
	rc = child_start(&c, &o);
	CHECK_INT(rc, -1);
	CHECK_INT(errno, want_errno);
	CHECK(error_pending());
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	CHECK_HAS(error_message(), want_msg);
	CHECK_INT(c.pid, -1);
	CHECK_INT(c.out_fd, -1);
	CHECK_INT(c.err_fd, -1);
	CHECK_INT(count_fds(), fds);
	/* glibc reaped its failed child before posix_spawn returned. */
	CHECK_INT(count_children(), kids);
	if (rc == 0) {
		child_kill_group(&c, SIGKILL);
		finish(&c, NULL, NULL);
	}
}

static void test_start_failures(void)
{
	const char *nopath[] = { "emcompat-no-such-tool", NULL };
	const char *noabs[] = { "/nonexistent/emcompat-no-such-tool", NULL };
	const char *sh[] = { "sh", "-c", "exit 0", NULL };
	const char *abs_sh[] = { "/bin/sh", "-c", "exit 0", NULL };
	const char *empty[] = { NULL };
	const char *bad_path_env[] = { "PATH=/nonexistent:relative/bin:", NULL };
	char *plain = make_file("#!/bin/sh\nexit 0\n", 0644);
	char *garbage = make_file("\x01\x02\x03 no loader takes this\n", 0755);
	const char *plain_argv[] = { plain, NULL };
	const char *garbage_argv[] = { garbage, NULL };
	char *msg;
	int fds = count_fds(), kids = count_children();

	CHECK(fds > 0 && kids >= 0);
	/* Not found by our PATH search: posix_spawn is never called. */
	expect_no_start(nopath, NULL, NULL, ENOENT, "cannot start 'emcompat-no-such-tool': No such file or directory");
	/* Found by exec in the child: glibc reports it synchronously. */
	expect_no_start(noabs, NULL, NULL, ENOENT, "cannot start '/nonexistent/emcompat-no-such-tool': No such file");
	msg = xasprintf("cannot start '%s': Permission denied", plain);
	expect_no_start(plain_argv, NULL, NULL, EACCES, msg);
	free(msg);
	/* No "#!": posix_spawn does not fall back to /bin/sh like execvp. */
	msg = xasprintf("cannot start '%s': Exec format error", garbage);
	expect_no_start(garbage_argv, NULL, NULL, ENOEXEC, msg);
	free(msg);
	/* The chdir fails in the child, before exec. */
	expect_no_start(abs_sh, NULL, "/nonexistent-dir", ENOENT,
			"cannot start '/bin/sh': working directory '/nonexistent-dir'");
	msg = xasprintf("working directory '%s': Not a directory", plain);
	expect_no_start(abs_sh, NULL, plain, ENOTDIR, msg);
	free(msg);
	/* The child's PATH is searched, not ours; relative entries never. */
	expect_no_start(sh, bad_path_env, NULL, ENOENT, "cannot start 'sh': No such file or directory");
	expect_no_start(empty, NULL, NULL, EINVAL, "empty argv");
	CHECK_INT(count_fds(), fds);
	CHECK_INT(count_children(), kids);
	unlink(plain);
	unlink(garbage);
	free(plain);
	free(garbage);
}

static void test_env_and_cwd(void)
{
	char dir[] = "/tmp/emcompat-test-child-XXXXXX";
	char real[PATH_MAX], *want;
	const char *argv[] = { "sh", "-c", "pwd; echo \"$FOO\"; echo \"[$EMCOMPAT_LEAK]\"", NULL };
	const char *env[] = { "FOO=bar baz", "PATH=/usr/bin:/bin", NULL };
	const char *no_path_env[] = { "FOO=x", NULL };
	struct strbuf out = { 0 };

	CHECK(mkdtemp(dir) != NULL);
	CHECK(realpath(dir, real) != NULL);
	setenv("EMCOMPAT_LEAK", "leaked", 1);

	CHECK_INT(run(argv, env, dir, &out, NULL), 0);
	want = xasprintf("%s\nbar baz\n[]\n", real);
	CHECK_STR(strbuf_str(&out), want);
	free(want);
	strbuf_release(&out);

	/* No env: ours is inherited; no cwd: ours too. */
	CHECK(getcwd(real, sizeof(real)) != NULL);
	CHECK_INT(run(argv, NULL, NULL, &out, NULL), 0);
	want = xasprintf("%s\n\n[leaked]\n", real);
	CHECK_STR(strbuf_str(&out), want);
	free(want);
	strbuf_release(&out);

	/* An env without PATH gets execvp's default search path. */
	CHECK_INT(run(argv, no_path_env, NULL, NULL, NULL), 0);

	unsetenv("EMCOMPAT_LEAK");
	rmdir(dir);
}

/*
 * Our stdin becomes a pipe that holds data and never reaches EOF: a child
 * that inherited it would print the data, then hang until the timeout.
 */
static void test_stdin_is_dev_null(void)
{
	const char *argv[] = { "cat", NULL };
	struct strbuf out = { 0 };
	int p[2], saved = dup(0);
	long long t0;

	CHECK(saved >= 0);
	CHECK_INT(pipe(p), 0);
	CHECK_INT(write(p[1], "parent stdin\n", 13), 13);
	CHECK_INT(dup2(p[0], 0), 0);
	close(p[0]);

	t0 = now_ms();
	CHECK_INT(run(argv, NULL, NULL, &out, NULL), 0);
	CHECK_STR(strbuf_str(&out), "");
	CHECK(now_ms() - t0 < TIMEOUT_MS);
	strbuf_release(&out);

	dup2(saved, 0);
	close(saved);
	close(p[1]);
}

/* Hex mask after "NAME:\t" in /proc/<pid>/status text. */
static unsigned long long status_mask(const char *status, const char *name)
{
	const char *p = strstr(status, name);

	return p ? strtoull(p + strlen(name), NULL, 16) : ~0ULL;
}

/*
 * Signals 32..SIGRTMIN-1 belong to glibc's threads implementation. Its
 * posix_spawn leaves them SIG_IGN in every child, whatever the flags, and
 * the public sigaction cannot touch them: not ours to check.
 */
static unsigned long long libc_reserved(void)
{
	unsigned long long mask = 0;

	for (int sig = 32; sig < SIGRTMIN; sig++)
		mask |= 1ULL << (sig - 1);
	return mask;
}

static void test_signals_reset(void)
{
	const char *argv[] = { "cat", "/proc/self/status", NULL };
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_pipe, old_usr2;
	sigset_t block, old_mask;
	struct strbuf out = { 0 };

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	sigaction(SIGPIPE, &ign, &old_pipe);
	sigaction(SIGUSR2, &ign, &old_usr2);

	CHECK_INT(run(argv, NULL, NULL, &out, NULL), 0);
	CHECK_HAS(strbuf_str(&out), "SigBlk:");
	CHECK_INT(status_mask(strbuf_str(&out), "SigBlk:"), 0);
	CHECK_INT(status_mask(strbuf_str(&out), "SigIgn:") & ~libc_reserved(), 0);
	strbuf_release(&out);

	sigaction(SIGUSR2, &old_usr2, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
}

/* Reads one line (without its '\n') from non-blocking FD into BUF. */
static int read_line(int fd, char *buf, size_t size)
{
	long long deadline = now_ms() + TIMEOUT_MS;
	size_t len = 0;

	while (len + 1 < size && now_ms() < deadline) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		ssize_t n;

		poll(&pfd, 1, 100);
		n = read(fd, buf + len, 1);
		if (n == 0)
			break;
		if (n < 0)
			continue;
		if (buf[len] == '\n') {
			buf[len] = '\0';
			return 0;
		}
		len++;
	}
	buf[len] = '\0';
	return -1;
}

static void test_process_group(void)
{
	const char *argv[] = { "sh", "-c", "sleep 100 & echo $!; wait", NULL };
	struct child_opts o = { .argv = argv };
	struct child c, none = { 0, -1, -1 };
	char line[64];
	pid_t grandchild = 0;
	int status;

	/*
	 * Orphans come to us instead of init, so we can reap the grandchild
	 * by its pid and see what killed it; init here may never reap it.
	 */
	CHECK_INT(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
	error_clear();
	CHECK_INT(child_start(&c, &o), 0);
	CHECK_INT(getpgid(c.pid), c.pid);
	CHECK(getpgid(c.pid) != getpgrp());
	CHECK_INT(read_line(c.out_fd, line, sizeof(line)), 0);
	grandchild = (pid_t)atol(line);
	CHECK(grandchild > 0);
	if (grandchild > 0) {
		CHECK_INT(getpgid(grandchild), c.pid);
		CHECK_INT(kill(grandchild, 0), 0);
	}

	CHECK_INT(child_exited(&c), 0);
	CHECK_INT(child_kill_group(&c, SIGKILL), 0);
	CHECK_INT(child_wait(&c, &status), 0);
	CHECK_INT(child_exit_code(status), 137);
	/* Reaped: a second wait is an error, and does not touch the status. */
	error_clear();
	status = 12345;
	CHECK_INT(child_wait(&c, &status), -1);
	CHECK_INT(errno, ECHILD);
	CHECK_INT(status, 12345);
	CHECK_HAS(error_message(), "cannot wait for process");
	error_clear();
	if (grandchild > 0) {
		CHECK_INT(waitpid(grandchild, &status, 0), grandchild);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
		errno = 0;
		CHECK_INT(kill(grandchild, 0), -1);
		CHECK_INT(errno, ESRCH);
	}
	child_close(&c);
	CHECK_INT(c.out_fd, -1);
	CHECK_INT(c.err_fd, -1);
	child_close(&c);
	prctl(PR_SET_CHILD_SUBREAPER, 0);

	/* The group is gone: ESRCH is not an error. */
	error_clear();
	CHECK_INT(child_kill_group(&c, SIGTERM), 0);
	CHECK(!error_pending());
	/* pid 0 would mean our own group: refused. */
	CHECK_INT(child_kill_group(&none, SIGTERM), -1);
	CHECK(error_pending());
	error_clear();
}

/* Exited is seen without reaping: the zombie keeps its pid ours until child_wait. */
static void test_exited_then_wait(void)
{
	const char *argv[] = { "sh", "-c", "exit 5", NULL };
	struct child_opts o = { .argv = argv };
	struct child c;
	long long deadline = now_ms() + TIMEOUT_MS;
	int status = 0;

	error_clear();
	CHECK_INT(child_start(&c, &o), 0);
	while (!child_exited(&c) && now_ms() < deadline)
		poll(NULL, 0, 5);
	CHECK_INT(child_exited(&c), 1);
	CHECK_INT(child_exited(&c), 1);
	CHECK_INT(kill(c.pid, 0), 0);
	CHECK_INT(child_wait(&c, &status), 0);
	CHECK_INT(child_exit_code(status), 5);
	child_close(&c);
}

static void test_run(void)
{
	const char *both[] = { "sh", "-c", "echo out; echo err >&2; exit 4", NULL };
	const char *big[] = { "sh", "-c", "head -c 300000 /dev/zero; head -c 200000 /dev/zero >&2", NULL };
	const char *slow[] = { "sh", "-c", "sleep 100 & echo $!; wait", NULL };
	const char *missing[] = { "emcompat-no-such-tool", NULL };
	struct child_opts o = { .argv = both };
	struct strbuf out = { 0 }, err = { 0 };
	long long t0;
	pid_t grandchild;
	int fds = count_fds(), kids = count_children();

	error_clear();
	CHECK_INT(child_run(&o, 10, &out, &err), 4);
	CHECK_STR(strbuf_str(&out), "out\n");
	CHECK_STR(strbuf_str(&err), "err\n");
	CHECK(!error_pending());
	strbuf_release(&out);
	strbuf_release(&err);

	/* More than a pipe holds, on both streams; a NULL sink drops its stream. */
	o.argv = big;
	CHECK_INT(child_run(&o, 0, &out, NULL), 0);
	CHECK_INT(out.len, 300000);
	strbuf_release(&out);

	/* The deadline kills the whole group: the grandchild too. */
	o.argv = slow;
	t0 = now_ms();
	CHECK_INT(child_run(&o, 1, &out, NULL), -1);
	CHECK(now_ms() - t0 >= 1000 && now_ms() - t0 < TIMEOUT_MS);
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	CHECK_STR(error_message(), "sh: still running after 1 s: killed");
	error_clear();
	grandchild = (pid_t)atol(strbuf_str(&out));
	CHECK(grandchild > 0);
	if (grandchild > 0) {
		long long deadline = now_ms() + TIMEOUT_MS;

		/* Killed; init (or a subreaper) reaps it. */
		while (kill(grandchild, 0) == 0 && now_ms() < deadline) {
			char path[64], buf[512];
			int fd;
			ssize_t n;

			snprintf(path, sizeof(path), "/proc/%d/stat", (int)grandchild);
			fd = open(path, O_RDONLY);
			n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
			if (fd >= 0)
				close(fd);
			buf[n > 0 ? n : 0] = '\0';
			if (n > 0 && strstr(buf, ") Z "))
				break;
			poll(NULL, 0, 10);
		}
		CHECK(now_ms() < deadline);
	}
	strbuf_release(&out);

	o.argv = missing;
	CHECK_INT(child_run(&o, 10, &out, &err), -1);
	CHECK_HAS(error_message(), "cannot start 'emcompat-no-such-tool'");
	error_clear();
	CHECK_INT(out.len, 0);
	CHECK_INT(count_fds(), fds);
	CHECK_INT(count_children(), kids);
}

/* A file's whole text, newly allocated. */
static char *slurp(const char *path)
{
	struct strbuf sb = { 0 };
	char buf[4096];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	CHECK(fd >= 0);
	while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0)
		strbuf_add(&sb, buf, (size_t)n);
	if (fd >= 0)
		close(fd);
	strbuf_str(&sb);
	return strbuf_detach(&sb);
}

/* child_drain: everything is read, what the cap keeps reaches the log. */
static void test_drain_into_capped_log(void)
{
	const char *argv[] = { "sh", "-c",
			       "echo head; head -c 100000 /dev/zero | tr '\\0' x; echo; echo tail >&2; echo tail",
			       NULL };
	struct child_opts o = { .argv = argv };
	char dir[] = "/tmp/emcompat-test-child-XXXXXX";
	char *out_path, *err_path, *text;
	struct logcap out, err;
	struct child c;
	long long deadline = now_ms() + TIMEOUT_MS;
	int status = -1;

	CHECK(mkdtemp(dir) != NULL);
	out_path = xasprintf("%s/out.log", dir);
	err_path = xasprintf("%s/err.log", dir);
	CHECK_INT(logcap_open(&out, out_path, 1000), 0);
	CHECK_INT(logcap_open(&err, err_path, 1000), 0);
	error_clear();
	CHECK_INT(child_start(&c, &o), 0);
	while ((c.out_fd >= 0 || c.err_fd >= 0) && now_ms() < deadline) {
		struct pollfd p[2] = { { c.out_fd, POLLIN, 0 }, { c.err_fd, POLLIN, 0 } };

		poll(p, 2, 100);
		CHECK_INT(child_drain(&c.out_fd, &out), 0);
		CHECK_INT(child_drain(&c.err_fd, &err), 0);
	}
	CHECK_INT(c.out_fd, -1);
	CHECK_INT(c.err_fd, -1);
	CHECK_INT(child_wait(&c, &status), 0);
	CHECK_INT(child_exit_code(status), 0);
	CHECK_INT(out.total, 5 + 100000 + 1 + 5);
	CHECK_INT(logcap_close(&out), 0);
	CHECK_INT(logcap_close(&err), 0);
	CHECK(out.cut > 0);
	text = slurp(out_path);
	CHECK(strncmp(text, "head\nxxx", 8) == 0);
	CHECK_HAS(text, "bytes cut here");
	CHECK(strlen(text) >= 5 && strcmp(text + strlen(text) - 5, "tail\n") == 0);
	CHECK(strlen(text) < 1200);
	free(text);
	text = slurp(err_path);
	CHECK_STR(text, "tail\n");
	free(text);
	unlink(out_path);
	unlink(err_path);
	rmdir(dir);
	free(out_path);
	free(err_path);
}

static void test_env_merge(void)
{
	const char *drop[] = { "EMCOMPAT_*", "TEST_CHILD_DROP", NULL };
	const char *set[] = { "TEST_CHILD_SET=new", "EMCOMPAT_MINE=1", "TEST_CHILD_ADDED=2", NULL };
	const char **env;
	size_t n, kept = 0, nours = 0, i;
	int seen_keep = 0, seen_prefix = 0;

	setenv("EMCOMPAT_LEAK", "x", 1);
	setenv("TEST_CHILD_DROP", "x", 1);
	setenv("TEST_CHILD_DROPPED_NOT", "kept", 1); /* a longer name: not dropped by "TEST_CHILD_DROP" */
	setenv("TEST_CHILD_SET", "old", 1);
	setenv("TEST_CHILD_KEEP", "y", 1);
	for (n = 0; environ[n]; n++)
		kept += strncmp(environ[n], "EMCOMPAT_", 9) != 0 && strncmp(environ[n], "TEST_CHILD_DROP=", 16) != 0 &&
			strncmp(environ[n], "TEST_CHILD_SET=", 15) != 0;

	env = child_env_merge(drop, set);
	for (i = 0; env[i]; i++) {
		CHECK(strncmp(env[i], "EMCOMPAT_LEAK=", 14) != 0);
		CHECK(strncmp(env[i], "TEST_CHILD_DROP=", 16) != 0);
		CHECK(strcmp(env[i], "TEST_CHILD_SET=old") != 0);
		seen_keep += strcmp(env[i], "TEST_CHILD_KEEP=y") == 0;
		seen_prefix += strcmp(env[i], "TEST_CHILD_DROPPED_NOT=kept") == 0;
		nours += strncmp(env[i], "EMCOMPAT_", 9) == 0;
	}
	CHECK_INT(seen_keep, 1);
	CHECK_INT(seen_prefix, 1);
	CHECK_INT(nours, 1);
	/* Inherited ones in environ's order, then SET in its own. */
	CHECK(i >= 3);
	if (i >= 3) {
		CHECK_STR(env[i - 3], "TEST_CHILD_SET=new");
		CHECK_STR(env[i - 2], "EMCOMPAT_MINE=1");
		CHECK_STR(env[i - 1], "TEST_CHILD_ADDED=2");
	}
	CHECK_INT(i, kept + 3);
	for (size_t a = 0, b = 0; a < i - 3; a++, b++) {
		while (environ[b] && environ[b] != env[a])
			b++;
		CHECK(environ[b] == env[a]);
		if (!environ[b])
			break;
	}
	free(env);

	/* No DROP, no SET: environ itself. */
	env = child_env_merge(NULL, NULL);
	for (i = 0; i < n; i++)
		CHECK(env[i] == environ[i]);
	CHECK(env[n] == NULL);
	free(env);

	unsetenv("EMCOMPAT_LEAK");
	unsetenv("TEST_CHILD_DROP");
	unsetenv("TEST_CHILD_DROPPED_NOT");
	unsetenv("TEST_CHILD_SET");
	unsetenv("TEST_CHILD_KEEP");
}

/* A log file and a passed fd instead of pipes, forked to die with us. */
static void test_die_with_parent(void)
{
	const char *argv[] = { "sh", "-c",
			       "echo out; echo err >&2; ls -l /proc/self/fd/3 | grep -q socket && echo fd3; "
			       "ls /proc/self/fd | wc -l; echo \"$TEST_CHILD_ENV\"; exec sleep 100",
			       NULL };
	const char *env[] = { "TEST_CHILD_ENV=given", "PATH=/usr/bin:/bin", NULL };
	char dir[] = "/tmp/emcompat-test-child-XXXXXX";
	struct child_opts o = { .argv = argv, .env = env, .die_with_parent = 1 };
	struct child c;
	char *log, *text = NULL, real[PATH_MAX];
	char status_path[64], *status;
	int sv[2], fds, kids, st = 0;
	long long deadline;

	CHECK(mkdtemp(dir) != NULL);
	CHECK(realpath(dir, real) != NULL);
	log = xasprintf("%s/server.log", dir);
	o.log_fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	CHECK(o.log_fd > 2);
	CHECK_INT(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
	o.pass_fd = sv[0];
	o.cwd = dir;
	error_clear();
	CHECK_INT(child_start(&c, &o), 0);
	/* In its own group already, as soon as child_start returns. */
	CHECK_INT(getpgid(c.pid), c.pid);
	CHECK_INT(c.out_fd, -1);
	CHECK_INT(c.err_fd, -1);
	close(o.log_fd);
	close(sv[0]);
	close(sv[1]);
	deadline = now_ms() + TIMEOUT_MS;
	while (now_ms() < deadline) {
		free(text);
		text = slurp(log);
		if (strstr(text, "given\n"))
			break;
		poll(NULL, 0, 10);
	}
	/* fds 0, 1, 2, 3 and ls's own directory fd. */
	CHECK_STR(text, "out\nerr\nfd3\n5\ngiven\n");
	free(text);
	snprintf(status_path, sizeof(status_path), "/proc/%d/status", (int)c.pid);
	status = slurp(status_path);
	CHECK_INT(status_mask(status, "SigBlk:"), 0);
	CHECK_INT(status_mask(status, "SigIgn:") & ~libc_reserved(), 0);
	free(status);
	CHECK_INT(child_kill_group(&c, SIGKILL), 0);
	CHECK_INT(child_wait(&c, &st), 0);
	CHECK_INT(child_exit_code(st), 137);

	/* Exec failures come back synchronously, with nothing left behind. */
	fds = count_fds();
	kids = count_children();
	{
		const char *noabs[] = { "/nonexistent/emcompat-no-such-tool", NULL };
		const char *abs_sh[] = { "/bin/sh", "-c", "exit 0", NULL };
		struct child_opts bad = { .argv = noabs, .die_with_parent = 1 };

		error_clear();
		CHECK_INT(child_start(&c, &bad), -1);
		CHECK_INT(errno, ENOENT);
		CHECK_HAS(error_message(), "cannot start '/nonexistent/emcompat-no-such-tool': No such file");
		CHECK_INT(c.pid, -1);
		bad.argv = abs_sh;
		bad.cwd = "/nonexistent-dir";
		error_clear();
		CHECK_INT(child_start(&c, &bad), -1);
		CHECK_INT(errno, ENOENT);
		CHECK_HAS(error_message(), "cannot start '/bin/sh': working directory '/nonexistent-dir'");
		error_clear();
	}
	CHECK_INT(count_fds(), fds);
	CHECK_INT(count_children(), kids);
	unlink(log);
	free(log);
	rmdir(dir);
}

/* The child dies with the process that started it, even by SIGKILL. */
static void test_dies_with_parent(void)
{
	const char *argv[] = { "sleep", "100", NULL };
	struct child_opts o = { .argv = argv, .die_with_parent = 1 };
	int p[2], status;
	pid_t mid, server = 0;

	/* The orphan comes to us: we can reap it and see what killed it. */
	CHECK_INT(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
	CHECK_INT(pipe(p), 0);
	mid = fork();
	if (mid == 0) {
		struct child c;

		close(p[0]);
		if (child_start(&c, &o))
			_exit(1);
		if (write(p[1], &c.pid, sizeof(c.pid)) != (ssize_t)sizeof(c.pid))
			_exit(1);
		kill(getpid(), SIGKILL);
	}
	close(p[1]);
	CHECK(mid > 0);
	CHECK_INT(read(p[0], &server, sizeof(server)), sizeof(server));
	close(p[0]);
	CHECK_INT(waitpid(mid, &status, 0), mid);
	CHECK(server > 0);
	if (server > 0) {
		CHECK_INT(waitpid(server, &status, 0), server);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	}
	prctl(PR_SET_CHILD_SUBREAPER, 0);
}

struct escaped {
	pid_t pid[4];
	char comm[4][32];
	int n;
};

static void on_escaped(void *ctx, pid_t pid, const char *comm, const char *cwd)
{
	struct escaped *e = ctx;

	(void)cwd;
	if (e->n < 4) {
		e->pid[e->n] = pid;
		snprintf(e->comm[e->n], sizeof(e->comm[e->n]), "%s", comm);
	}
	e->n++;
}

/* What outlives its child comes to the subreaper, and the sweep kills and reaps it. */
static void test_reap_escaped(void)
{
	const char *argv[] = { "sh", "-c", "sleep 100 >/dev/null 2>&1 & echo $!", NULL };
	struct strbuf out = { 0 };
	struct escaped e = { 0 };
	pid_t orphan;
	int kids = count_children();

	child_become_subreaper();
	CHECK_INT(run(argv, NULL, NULL, &out, NULL), 0);
	orphan = (pid_t)atol(strbuf_str(&out));
	strbuf_release(&out);
	CHECK(orphan > 0);
	CHECK_INT(count_children(), kids + 1);
	child_reap_escaped(on_escaped, &e);
	CHECK_INT(e.n, 1);
	CHECK_INT(e.pid[0], orphan);
	CHECK_STR(e.comm[0], "sleep");
	errno = 0;
	CHECK_INT(kill(orphan, 0), -1);
	CHECK_INT(errno, ESRCH);
	CHECK_INT(count_children(), kids);
	/* Nothing left: a second sweep finds nothing. */
	e.n = 0;
	child_reap_escaped(on_escaped, &e);
	CHECK_INT(e.n, 0);
	prctl(PR_SET_CHILD_SUBREAPER, 0);
}

int main(void)
{
	test_stdout_and_stderr();
	test_exit_codes();
	test_start_failures();
	test_env_and_cwd();
	test_stdin_is_dev_null();
	test_signals_reset();
	test_process_group();
	test_exited_then_wait();
	test_run();
	test_drain_into_capped_log();
	test_env_merge();
	test_die_with_parent();
	test_dies_with_parent();
	test_reap_escaped();
	return check_done();
}
