/*
 * warm: the warm Pyodide runtimes of a run. Starting Pyodide takes 3-4 s, so
 * the load and run nodes of pyodide-* loaders do not each start one: they
 * ask a server, `node matrix/loaders/harness.mjs --serve fd:3 --loader
 * pyodide --index-url URL`, that started it once per (node binary, Pyodide)
 * and loads each side module under a file name of its own. A cell that
 * fails there is re-run alone in a fresh process by the node's harness,
 * and that decides: a failure is recorded only when it reproduces in
 * isolation (matrix/loaders/README.md, "Warm runtime").
 *
 * Ownership: the runner's. warm_socket() registers a server by its argv
 * (recipes call it, stages.h) and names its Unix socket; warm_start()
 * makes the listening socket itself (so clients that connect before
 * Pyodide is up wait in its backlog, and connect fails only once the server
 * is gone) and starts the server on it as fd 3 (child.h), in a process
 * group of its own, dying with the runner (die_with_parent); call it from
 * the main thread. warm_release() kills and reaps every server and removes
 * the sockets. A server's output goes to LOG_DIR/warm-<i>.log.
 *
 * Errors: -1/NULL with error() (EC_EXIT_INTERNAL) when the socket
 * directory, socket or log fails, or the server cannot be forked. A server
 * that dies, or cannot execute (its message goes to its log), is not an
 * error: its clients then run their cells alone.
 */
#ifndef EMCOMPAT_WARM_H
#define EMCOMPAT_WARM_H

#include <stddef.h>
#include <sys/types.h>

struct warm_server {
	char **argv;        /* NULL-terminated: the registered argv, then --serve fd:3 */
	char *socket;       /* DIR/<i>.sock */
	pid_t pid;          /* 0: not started */
};

struct warm_set {
	char *dir;          /* mkdtemp'd socket directory, or NULL before the first */
	char *log_dir;
	struct warm_server *v;
	size_t n, cap;
};

/* Sets W up; servers will log into LOG_DIR (created on the first start). */
void warm_init(struct warm_set *w, const char *log_dir);

/*
 * The socket of the server that runs ARGV (ARGV copied; one server per
 * distinct argv). Owned by W. NULL with error() when the socket directory
 * cannot be made.
 */
const char *warm_socket(struct warm_set *w, const char *const *argv);

/* Starts the server of SOCKET (a warm_socket() result) unless it runs. */
int warm_start(struct warm_set *w, const char *socket);

/* Kills and reaps every server, removes the sockets; W can be released twice. */
void warm_release(struct warm_set *w);

#endif
