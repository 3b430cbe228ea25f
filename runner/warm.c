#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/warm.h"

void warm_init(struct warm_set *w, const char *log_dir)
{
	memset(w, 0, sizeof(*w));
	w->log_dir = xstrdup(log_dir);
}

/* Whether server S runs ARGV (S's argv is ARGV then "--serve" "fd:3"). */
static int runs_argv(const struct warm_server *s, const char *const *argv)
{
	size_t i;

	for (i = 0; s->argv[i] && argv[i]; i++)
		if (strcmp(s->argv[i], argv[i]) != 0)
			return 0;
	return !argv[i] && s->argv[i] && strcmp(s->argv[i], "--serve") == 0;
}

const char *warm_socket(struct warm_set *w, const char *const *argv)
{
	struct warm_server *s;
	size_t n = 0;

	for (size_t i = 0; i < w->n; i++)
		if (runs_argv(&w->v[i], argv))
			return w->v[i].socket;
	/* Under /tmp, not the run dir: a socket path is at most 107 bytes. */
	if (!w->dir) {
		char tmpl[] = "/tmp/emcompat-warm-XXXXXX";

		if (!mkdtemp(tmpl)) {
			error(EC_EXIT_INTERNAL, "cannot make a directory for the warm runtimes' sockets: %s",
			      strerror(errno));
			return NULL;
		}
		w->dir = xstrdup(tmpl);
	}
	xgrow(&w->v, &w->cap, w->n + 1, sizeof(*w->v));
	s = &w->v[w->n];
	memset(s, 0, sizeof(*s));
	while (argv[n])
		n++;
	s->argv = xcalloc(n + 3, sizeof(*s->argv));
	for (size_t i = 0; i < n; i++)
		s->argv[i] = xstrdup(argv[i]);
	s->argv[n] = xstrdup("--serve");
	s->argv[n + 1] = xstrdup("fd:3");
	s->socket = xasprintf("%s/%zu.sock", w->dir, w->n);
	w->n++;
	return s->socket;
}

static int listen_on(const char *path)
{
	struct sockaddr_un addr;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(fd, 128) != 0) {
		error(EC_EXIT_INTERNAL, "%s: cannot listen: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int warm_start(struct warm_set *w, const char *socket)
{
	struct warm_server *s = NULL;
	char *log;
	int lfd, logfd;
	pid_t pid, parent = getpid();

	for (size_t i = 0; i < w->n && !s; i++)
		if (w->v[i].socket == socket)
			s = &w->v[i];
	if (!s || s->pid)
		return 0;
	if (mkdir_p(w->log_dir))
		return -1;
	log = xasprintf("%s/warm-%zu.log", w->log_dir, (size_t)(s - w->v));
	logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (logfd < 0) {
		error(EC_EXIT_INTERNAL, "%s: cannot open: %s", log, strerror(errno));
		free(log);
		return -1;
	}
	free(log);
	if ((lfd = listen_on(s->socket)) < 0) {
		close(logfd);
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		sigset_t none;

		/* Its own group, so the scheduler's group kills never reach it; gone with us. */
		setpgid(0, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (null < 0 || dup2(null, 0) < 0 || dup2(logfd, 1) < 0 || dup2(logfd, 2) < 0 ||
		    dup2(lfd, 3) < 0)
			_exit(127);
		execvp(s->argv[0], s->argv);
		dprintf(2, "emcompat: %s: %s\n", s->argv[0], strerror(errno));
		_exit(127);
	}
	/* Here too: a release right after the fork must find it in its own group. */
	if (pid > 0)
		setpgid(pid, pid);
	close(lfd);
	close(logfd);
	if (pid < 0) {
		error(EC_EXIT_INTERNAL, "cannot start a warm runtime: fork: %s", strerror(errno));
		return -1;
	}
	s->pid = pid;
	return 0;
}

void warm_release(struct warm_set *w)
{
	for (size_t i = 0; i < w->n; i++) {
		struct warm_server *s = &w->v[i];

		if (s->pid > 0) {
			kill(-s->pid, SIGKILL);
			while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
				;
		}
		unlink(s->socket);
		for (size_t a = 0; s->argv[a]; a++)
			free(s->argv[a]);
		free(s->argv);
		free(s->socket);
	}
	if (w->dir)
		rmdir(w->dir);
	free(w->dir);
	free(w->log_dir);
	free(w->v);
	memset(w, 0, sizeof(*w));
}
