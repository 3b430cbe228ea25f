#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/spawn.h"
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
		return error(EC_EXIT_INTERNAL, "cannot start '%s': working directory '%s': %s",
			     name, cwd, strerror(cwd_err));
	if (file)
		return error(EC_EXIT_INTERNAL, "cannot start '%s' (%s): %s", name, file,
			     strerror(err));
	return error(EC_EXIT_INTERNAL, "cannot start '%s': %s", name, strerror(err));
}

int spawn_start(struct spawn_child *c, const struct spawn_opts *o)
{
	int out[2] = { -1, -1 }, err[2] = { -1, -1 };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t mask, dfl;
	const char *name = o->argv ? o->argv[0] : NULL;
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
			return error(EC_EXIT_INTERNAL, "cannot start '%s': %s (searched PATH=%s)",
				     name, strerror(errno), path);
	}
	if (make_pipe(out) || make_pipe(err) || set_nonblock(out[0]) || set_nonblock(err[0])) {
		rc = errno;
		goto out_pipes;
	}

	rc = posix_spawn_file_actions_init(&fa);
	if (rc)
		goto out_pipes;
	rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (!rc)
		rc = posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	if (!rc)
		rc = posix_spawn_file_actions_adddup2(&fa, err[1], 2);
	/* Our fds should all be O_CLOEXEC; this covers the ones libraries leak. */
	if (!rc)
		rc = posix_spawn_file_actions_addclosefrom_np(&fa, 3);
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
	rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
					     POSIX_SPAWN_SETSIGDEF);
	if (!rc)
		rc = posix_spawnattr_setpgroup(&attr, 0);
	if (!rc)
		rc = posix_spawnattr_setsigmask(&attr, &mask);
	if (!rc)
		rc = posix_spawnattr_setsigdefault(&attr, &dfl);
	if (!rc)
		rc = posix_spawn(&pid, file ? file : name, &fa, &attr, (char *const *)o->argv,
				 o->env ? (char *const *)o->env : environ);
	posix_spawnattr_destroy(&attr);
out_actions:
	posix_spawn_file_actions_destroy(&fa);
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

int spawn_exit_code(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return -1;
}

int spawn_kill_group(const struct spawn_child *c, int sig)
{
	if (c->pid <= 1) {
		errno = EINVAL;
		return error(EC_EXIT_INTERNAL, "cannot signal process group %ld: not a child",
			     (long)c->pid);
	}
	if (kill(-c->pid, sig) && errno != ESRCH)
		return error(EC_EXIT_INTERNAL, "cannot signal process group %ld: %s",
			     (long)c->pid, strerror(errno));
	return 0;
}

void spawn_close(struct spawn_child *c)
{
	close_fd(&c->out_fd);
	close_fd(&c->err_fd);
}
