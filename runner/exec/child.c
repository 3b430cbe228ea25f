#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/child.h"
#include "emcompat/error.h"
#include "emcompat/logcap.h"
#include "emcompat/util.h"

/* What execvp searches when there is no PATH at all. */
#define DEFAULT_PATH "/bin:/usr/bin"

static const char *search_path(const char *const *env)
{
	const char *p;

	if (!env) {
		p = getenv("PATH");
		return p ? p : DEFAULT_PATH;
	}
	for (; *env; env++)
		if (strncmp(*env, "PATH=", 5) == 0)
			return *env + 5;
	return DEFAULT_PATH;
}

/*
 * The first executable regular file called NAME in the absolute entries
 * of PATH, newly allocated; or NULL with errno EACCES when only
 * non-executable candidates exist, ENOENT when none do (execvp's rule).
 * We search ourselves because posix_spawnp searches our environ's PATH,
 * not the one the child is given.
 */
static char *path_lookup(const char *name, const char *path)
{
	size_t nlen = strlen(name);
	int err = ENOENT;
	const char *p = path;

	for (;;) {
		const char *end = strchrnul(p, ':');
		size_t dlen = (size_t)(end - p);

		if (dlen && p[0] == '/' && nlen) {
			char *file = xmalloc(dlen + 1 + nlen + 1);
			struct stat st;

			memcpy(file, p, dlen);
			file[dlen] = '/';
			memcpy(file + dlen + 1, name, nlen + 1);
			if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
				if (access(file, X_OK) == 0)
					return file;
				err = EACCES;
			}
			free(file);
		}
		if (!*end)
			break;
		p = end + 1;
	}
	errno = err;
	return NULL;
}

/*
 * Moves *FD above 2. Only when our own stdio was closed can pipe2 return
 * 0..2, and then the child's dup2/open actions onto 0..2 would clobber
 * one pipe end with another.
 */
static int fd_above_stdio(int *fd)
{
	int nfd;

	if (*fd > 2)
		return 0;
	nfd = fcntl(*fd, F_DUPFD_CLOEXEC, 3);
	if (nfd < 0)
		return -1;
	close(*fd);
	*fd = nfd;
	return 0;
}

/* A pipe whose ends are both above 2 and close-on-exec. */
static int make_pipe(int p[2])
{
	if (pipe2(p, O_CLOEXEC))
		return -1;
	if (fd_above_stdio(&p[0]) || fd_above_stdio(&p[1])) {
		int saved = errno;

		close(p[0]);
		close(p[1]);
		p[0] = p[1] = -1;
		errno = saved;
		return -1;
	}
	return 0;
}

/*
 * Only our read end is non-blocking: O_NONBLOCK belongs to the open file
 * description, which dup2 shares, so pipe2(O_NONBLOCK) would hand the
 * child a stdout that fails with EAGAIN whenever the pipe is full.
 */
static int set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return 0;
}

static void close_fd(int *fd)
{
	if (*fd >= 0) {
		close(*fd);
		*fd = -1;
	}
}

/*
 * Records why NAME (found at FILE, when a PATH search found it) could not
 * start, errno ERR. posix_spawn gives one errno for the chdir and the
 * exec alike, so look at CWD again to name the right culprit.
 */
static int start_failed(const char *name, const char *file, const char *cwd, int err)
{
	struct stat st;
	int cwd_err = 0;

	if (cwd) {
		if (stat(cwd, &st))
			cwd_err = errno;
		else if (!S_ISDIR(st.st_mode))
			cwd_err = ENOTDIR;
		else if (access(cwd, X_OK))
			cwd_err = errno;
	}
	errno = err;
	if (cwd_err)
		return error(EC_EXIT_INTERNAL, "cannot start '%s': working directory '%s': %s", name, cwd,
			     strerror(cwd_err));
	if (file)
		return error(EC_EXIT_INTERNAL, "cannot start '%s' (%s): %s", name, file, strerror(err));
	return error(EC_EXIT_INTERNAL, "cannot start '%s': %s", name, strerror(err));
}

/*
 * The posix_spawn way, for every child but a die_with_parent one: the
 * child's fds 0..3 as the header says, in its own group, signals reset.
 * Returns 0 or an errno.
 */
static int spawn_child(pid_t *pid, const char *file, const struct child_opts *o, int out_w, int err_w, char *const *env)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t mask, dfl;
	int rc;

	rc = posix_spawn_file_actions_init(&fa);
	if (rc)
		return rc;
	rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (!rc)
		rc = posix_spawn_file_actions_adddup2(&fa, out_w, 1);
	if (!rc)
		rc = posix_spawn_file_actions_adddup2(&fa, err_w, 2);
	/* After 1 and 2: OUT_W may be 3. dup2 of 3 onto itself clears its FD_CLOEXEC. */
	if (!rc && o->pass_fd)
		rc = posix_spawn_file_actions_adddup2(&fa, o->pass_fd, 3);
	/* Our fds should all be O_CLOEXEC; this covers the ones libraries leak. */
	if (!rc)
		rc = posix_spawn_file_actions_addclosefrom_np(&fa, o->pass_fd ? 4 : 3);
	if (!rc && o->cwd)
		rc = posix_spawn_file_actions_addchdir_np(&fa, o->cwd);
	if (rc)
		goto out_actions;

	rc = posix_spawnattr_init(&attr);
	if (rc)
		goto out_actions;
	sigemptyset(&mask);
	/*
	 * Every signal, not only the ones we ignore today: SIG_IGN survives
	 * exec, and a child that ignores SIGPIPE or SIGTERM misbehaves in
	 * ways that look like a toolchain bug. Not SIGKILL and SIGSTOP: their
	 * sigaction fails, which glibc ignores but Bionic turns into exit 127.
	 * glibc's own signals 32 and 33 are not in the set and are left
	 * ignored in the child; glibc programs reinstall them on first use.
	 */
	sigfillset(&dfl);
	sigdelset(&dfl, SIGKILL);
	sigdelset(&dfl, SIGSTOP);
	rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	if (!rc)
		rc = posix_spawnattr_setpgroup(&attr, 0);
	if (!rc)
		rc = posix_spawnattr_setsigmask(&attr, &mask);
	if (!rc)
		rc = posix_spawnattr_setsigdefault(&attr, &dfl);
	if (!rc)
		rc = posix_spawn(pid, file, &fa, &attr, (char *const *)o->argv, env);
	posix_spawnattr_destroy(&attr);
out_actions:
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

/*
 * In the forked child of fork_child, until exec: only async-signal-safe
 * calls, since other threads of ours may have held locks at the fork. The
 * same setup as spawn_child, plus PR_SET_PDEATHSIG; a failure's errno goes
 * to REPORT, which exec closes on success.
 */
static void __attribute__((noreturn)) exec_child(const char *file, const struct child_opts *o, int out_w, int err_w,
						 char *const *env, int report, pid_t parent)
{
	struct sigaction sa;
	sigset_t none;
	int fd, err;

	setpgid(0, 0);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL))
		goto fail;
	/* We died before the prctl: nobody is left to kill this child. */
	if (getppid() != parent)
		_exit(127);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			sigaction(sig, &sa, NULL);  /* glibc's own 32 and 33 refuse: as in spawn_child */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	fd = open("/dev/null", O_RDONLY);
	if (fd < 0 || dup2(fd, 0) < 0 || dup2(out_w, 1) < 0 || dup2(err_w, 2) < 0)
		goto fail;
	if (o->pass_fd == 3 ? fcntl(3, F_SETFD, 0) < 0 : o->pass_fd && dup2(o->pass_fd, 3) < 0)
		goto fail;
	if (o->cwd && chdir(o->cwd))
		goto fail;
	fd = o->pass_fd ? 4 : 3;
	/* REPORT is above 3 (fork_child): keep it open until exec. */
	if (report > fd)
		close_range((unsigned)fd, (unsigned)report - 1, 0);
	close_range((unsigned)report + 1, ~0U, 0);
	execve(file, (char *const *)o->argv, env);
fail:
	err = errno;
	if (write(report, &err, sizeof(err)) < 0) {
		/* The parent then sees a child that started and exited 127. */
	}
	_exit(127);
}

/*
 * The fork way, for a die_with_parent child. Returns 0 once the child has
 * executed, or an errno (the child, if any, reaped).
 */
static int fork_child(pid_t *pid, const char *file, const struct child_opts *o, int out_w, int err_w, char *const *env)
{
	pid_t parent = getpid();
	sigset_t all, old;
	int p[2], err = 0, fd;
	ssize_t n;

	if (pipe2(p, O_CLOEXEC))
		return errno;
	/* Above 3: the child's dup2 onto 0..3 must not clobber it. */
	fd = fcntl(p[1], F_DUPFD_CLOEXEC, 4);
	if (fd < 0) {
		err = errno;
		close(p[0]);
		close(p[1]);
		return err;
	}
	close(p[1]);
	p[1] = fd;
	/* Blocked until the child has reset its handlers: ours must not run in it. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	*pid = fork();
	if (*pid == 0)
		exec_child(file, o, out_w, err_w, env, p[1], parent);
	if (*pid < 0)
		err = errno;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	close(p[1]);
	if (!err) {
		while ((n = read(p[0], &err, sizeof(err))) < 0 && errno == EINTR)
			;
		if (n != (ssize_t)sizeof(err))
			err = 0;
		if (err)
			while (waitpid(*pid, NULL, 0) < 0 && errno == EINTR)
				;
	}
	close(p[0]);
	return err;
}

int child_start(struct child *c, const struct child_opts *o)
{
	int out[2] = { -1, -1 }, err[2] = { -1, -1 };
	const char *name = o->argv ? o->argv[0] : NULL;
	char *const *env = o->env ? (char *const *)o->env : environ;
	char *file = NULL;
	pid_t pid;
	int rc;

	c->pid = -1;
	c->out_fd = c->err_fd = -1;
	if (!name) {
		errno = EINVAL;
		return error(EC_EXIT_INTERNAL, "cannot start a child: empty argv");
	}
	if (!strchr(name, '/')) {
		const char *path = search_path(o->env);

		file = path_lookup(name, path);
		if (!file)
			return error(EC_EXIT_INTERNAL, "cannot start '%s': %s (searched PATH=%s)", name,
				     strerror(errno), path);
	}
	if (!o->log_fd && (make_pipe(out) || make_pipe(err) || set_nonblock(out[0]) || set_nonblock(err[0]))) {
		rc = errno;
		goto out_pipes;
	}
	rc = (o->die_with_parent ? fork_child : spawn_child)(
		&pid, file ? file : name, o, o->log_fd ? o->log_fd : out[1], o->log_fd ? o->log_fd : err[1], env);
out_pipes:
	close_fd(&out[1]);
	close_fd(&err[1]);
	if (rc) {
		close_fd(&out[0]);
		close_fd(&err[0]);
		start_failed(name, file, o->cwd, rc);
		free(file);
		return -1;
	}
	free(file);
	c->pid = pid;
	c->out_fd = out[0];
	c->err_fd = err[0];
	return 0;
}

/*
 * Reads what is there on *FD into LOG and SB (either may be NULL: not
 * kept); closes *FD at EOF or on a read error.
 */
static int drain(int *fd, struct logcap *log, struct strbuf *sb)
{
	char buf[65536];

	while (*fd >= 0) {
		ssize_t r = read(*fd, buf, sizeof(buf));

		if (r > 0) {
			if (log && logcap_write(log, buf, (size_t)r))
				return -1;
			if (sb)
				strbuf_add(sb, buf, (size_t)r);
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EAGAIN)
			break;
		close(*fd);
		*fd = -1;
	}
	return 0;
}

int child_drain(int *fd, struct logcap *log)
{
	return drain(fd, log, NULL);
}

int child_exited(const struct child *c)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	/* WNOWAIT: the zombie keeps the group id ours while the caller kills stragglers. */
	return waitid(P_PID, (id_t)c->pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid != 0;
}

int child_wait(struct child *c, int *wstatus)
{
	int status;

	while (waitpid(c->pid, &status, 0) < 0)
		if (errno != EINTR)
			return error(EC_EXIT_INTERNAL, "cannot wait for process %ld: %s", (long)c->pid,
				     strerror(errno));
	*wstatus = status;
	return 0;
}

int child_exit_code(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return -1;
}

int child_kill_group(const struct child *c, int sig)
{
	if (c->pid <= 1) {
		errno = EINVAL;
		return error(EC_EXIT_INTERNAL, "cannot signal process group %ld: not a child", (long)c->pid);
	}
	if (kill(-c->pid, sig) && errno != ESRCH)
		return error(EC_EXIT_INTERNAL, "cannot signal process group %ld: %s", (long)c->pid, strerror(errno));
	return 0;
}

void child_close(struct child *c)
{
	close_fd(&c->out_fd);
	close_fd(&c->err_fd);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int child_run(const struct child_opts *o, int timeout, struct strbuf *out, struct strbuf *err)
{
	long long deadline = now_ms() + (long long)timeout * 1000;
	struct strbuf *sinks[2] = { out, err };
	struct child c;
	int status, rc = 0;

	if (child_start(&c, o))
		return -1;
	while (c.out_fd >= 0 || c.err_fd >= 0) {
		struct pollfd p[2] = { { c.out_fd, POLLIN, 0 }, { c.err_fd, POLLIN, 0 } };
		long long left = deadline - now_ms();

		if (timeout > 0 && left <= 0) {
			child_kill_group(&c, SIGKILL);
			rc = error(EC_EXIT_INTERNAL, "%s: still running after %d s: killed", o->argv[0], timeout);
			break;
		}
		if (poll(p, 2, timeout > 0 ? (int)left : -1) < 0 && errno != EINTR) {
			child_kill_group(&c, SIGKILL);
			rc = error(EC_EXIT_INTERNAL, "%s: poll: %s", o->argv[0], strerror(errno));
			break;
		}
		for (int i = 0; i < 2; i++) {
			int *fd = i ? &c.err_fd : &c.out_fd;

			if (*fd >= 0 && (p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				drain(fd, NULL, sinks[i]);
		}
	}
	child_close(&c);
	if (child_wait(&c, &status))
		return -1;
	return rc ? rc : child_exit_code(status);
}

const char **child_env_merge(const char *const *drop, const char *const *set)
{
	const char **env;
	size_t n = 0, nset = 0, e = 0;

	while (environ[n])
		n++;
	while (set && set[nset])
		nset++;
	env = xcalloc(n + nset + 1, sizeof(*env));
	for (char **p = environ; *p; p++) {
		int keep = 1;

		for (const char *const *d = drop; d && *d && keep; d++) {
			size_t len = strlen(*d);

			if (len && (*d)[len - 1] == '*')
				keep = strncmp(*p, *d, len - 1) != 0;
			else
				keep = strncmp(*p, *d, len) != 0 || (*p)[len] != '=';
		}
		for (size_t i = 0; i < nset && keep; i++)
			keep = strncmp(*p, set[i], strcspn(set[i], "=") + 1) != 0;
		if (keep)
			env[e++] = *p;
	}
	for (size_t i = 0; i < nset; i++)
		env[e++] = set[i];
	env[e] = NULL;
	return env;
}

void child_become_subreaper(void)
{
	prctl(PR_SET_CHILD_SUBREAPER, 1);
}

/*
 * If /proc/PID/stat says PID's parent is SELF, fills STATE and COMM
 * (truncated to SIZE) and returns 1.
 */
static int our_orphan(pid_t pid, pid_t self, char *state, char *comm, size_t size)
{
	char path[64], buf[512], *open_paren, *close_paren;
	pid_t ppid;
	ssize_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (!(f = fopen(path, "r")))
		return 0;
	n = (ssize_t)fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n > 0 ? n : 0] = '\0';
	/* "pid (comm) state ppid ...": comm may hold spaces and parens. */
	close_paren = strrchr(buf, ')');
	if (!close_paren || sscanf(close_paren + 1, " %c %d", state, &ppid) != 2 || ppid != self)
		return 0;
	*close_paren = '\0';
	open_paren = strchr(buf, '(');
	snprintf(comm, size, "%s", open_paren ? open_paren + 1 : "?");
	return 1;
}

void child_reap_escaped(child_escaped_fn *fn, void *ctx)
{
	pid_t self = getpid();

	for (int round = 0; round < 100; round++) {
		DIR *d = opendir("/proc");
		struct dirent *e;
		int found = 0;

		if (!d)
			return;
		while ((e = readdir(d))) {
			char path[64], comm[512], cwd[256], state;
			pid_t pid = (pid_t)atoi(e->d_name);
			ssize_t n;

			if (pid <= 0 || !our_orphan(pid, self, &state, comm, sizeof(comm)))
				continue;
			found = 1;
			if (state != 'Z') {
				snprintf(path, sizeof(path), "/proc/%d/cwd", (int)pid);
				n = readlink(path, cwd, sizeof(cwd) - 1);
				cwd[n > 0 ? n : 0] = '\0';
				if (fn)
					fn(ctx, pid, comm, n > 0 ? cwd : "?");
				kill(pid, SIGKILL);
			}
			/* Ours by the /proc check; reaping it by its pid only. */
			while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
				;
		}
		closedir(d);
		if (!found)
			return;
	}
}
