#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "emcompat/child.h"
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
	struct child_opts o = { .die_with_parent = 1 };
	struct child c;
	char *log;
	int rc;

	for (size_t i = 0; i < w->n && !s; i++)
		if (w->v[i].socket == socket)
			s = &w->v[i];
	if (!s || s->pid)
		return 0;
	if (mkdir_p(w->log_dir))
		return -1;
	log = xasprintf("%s/warm-%zu.log", w->log_dir, (size_t)(s - w->v));
	o.log_fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (o.log_fd < 0) {
		error(EC_EXIT_INTERNAL, "%s: cannot open: %s", log, strerror(errno));
		free(log);
		return -1;
	}
	free(log);
	if ((o.pass_fd = listen_on(s->socket)) < 0) {
		close(o.log_fd);
		return -1;
	}
	/*
	 * Its own group, set before it executes, so the scheduler's group
	 * kills never reach it and a release right after the start finds it
	 * there; gone with us (die_with_parent).
	 */
	o.argv = (const char *const *)s->argv;
	rc = child_start(&c, &o);
	close(o.pass_fd);
	if (rc && (errno == ENOENT || errno == EACCES || errno == ENOEXEC || errno == ENOTDIR)) {
		/* A server that cannot execute is one that died: its clients run their cells alone. */
		dprintf(o.log_fd, "emcompat: %s\n", error_message());
		error_clear();
		s->pid = -1;
		rc = 0;
	} else if (rc == 0) {
		s->pid = c.pid;
	}
	close(o.log_fd);
	return rc;
}

void warm_release(struct warm_set *w)
{
	for (size_t i = 0; i < w->n; i++) {
		struct warm_server *s = &w->v[i];

		if (s->pid > 0) {
			struct child c = { .pid = s->pid, .out_fd = -1, .err_fd = -1 };
			int status, had = error_pending();

			/* Cannot fail for a server of ours; if it did, there is nothing left to do. */
			if ((child_kill_group(&c, SIGKILL) | child_wait(&c, &status)) && !had)
				error_clear();
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
