/*
 * child: every process the runner starts, from start to reap.
 *
 * The one owner of child processes (docs/DESIGN.md, "Processes and threads"):
 * no other module forks, executes or waits. Modelled on git's
 * run-command.h (start_command, finish_command, pipe_command) and ninja's
 * subprocess-posix.cc. A child is started from an argv array, never
 * through a shell, and gets:
 *
 *   stdin    /dev/null, so a tool that prompts sees EOF instead of hanging
 *   stdout   a pipe; the read end is child.out_fd (or opts.log_fd)
 *   stderr   another pipe; the read end is child.err_fd (or opts.log_fd)
 *   fds      none of ours: every fd above 2 is closed in the child (but
 *            opts.pass_fd, as fd 3), so a long-lived grandchild cannot
 *            hold another child's pipe open
 *   pgroup   its own (pgid == pid), set before it executes, so a deadline
 *            can kill the tool and everything it started (child_kill_group)
 *   signals  an empty mask and default dispositions for every signal, so
 *            it never inherits our ignored SIGPIPE or blocked signals
 *
 * Two ways to use it:
 *
 *   - child_run: run to completion, output captured in memory, with a
 *     deadline (fetch's tools).
 *   - child_start, then the caller's own poll loop over out_fd/err_fd
 *     (child_drain into capped logs), child_exited, child_kill_group,
 *     child_wait, child_close (the scheduler, for many children at once).
 *
 * Waiting is always for one pid, never waitpid(-1): another owner's
 * children are not ours to reap. The exception is child_reap_escaped,
 * which reaps only processes that are no one's child but ours.
 *
 * Ownership: the caller owns a started child until child_wait has reaped
 * it and child_close has closed its pipes.
 */
#ifndef EMCOMPAT_CHILD_H
#define EMCOMPAT_CHILD_H

#include <sys/types.h>

struct logcap;
struct strbuf;

struct child_opts {
	/*
	 * NULL-terminated. argv[0] with a '/' is used as is (a relative one
	 * is resolved in the child, after the chdir to CWD). Without one it
	 * is looked up in PATH: the PATH of ENV when ENV is given (with no
	 * PATH there, "/bin:/usr/bin"), else our own. Relative PATH entries
	 * (including "") are skipped: the child changes directory before it
	 * executes, so they would name a different file than the one checked.
	 */
	const char *const *argv;
	/* "NAME=value" strings, NULL-terminated; NULL: inherit environ. */
	const char *const *env;
	/* The child's working directory; NULL: inherit ours. */
	const char *cwd;
	/*
	 * An fd above 2 that becomes both the child's stdout and stderr (a
	 * log file), instead of pipes; the caller keeps it. 0: pipes.
	 */
	int log_fd;
	/* An fd above 2 that the child gets as its fd 3 (a listening socket). 0: none. */
	int pass_fd;
	/*
	 * The child is killed (SIGKILL) when the runner dies, even by SIGKILL
	 * or a second ^C (PR_SET_PDEATHSIG): for a server that would outlive
	 * it otherwise. posix_spawn cannot set that, so such a child is forked
	 * (still with everything above). The kernel sends it when the thread
	 * that started the child exits: start it from the main thread.
	 */
	int die_with_parent;
};

struct child {
	pid_t pid;    /* also the child's process group id */
	int out_fd;   /* read end of the child's stdout, or -1 (closed, or log_fd) */
	int err_fd;   /* read end of the child's stderr, or -1 (closed, or log_fd) */
};

/*
 * Starts the child described by O and fills C. Returns 0 on success.
 *
 * Returns -1 when the child could not start: argv[0] not found or not
 * executable, exec failed (e.g. ENOEXEC for a script without "#!"), CWD
 * unusable, out of fds/processes. The error is recorded with
 * error(EC_EXIT_INTERNAL, "cannot start '<argv[0]>': <reason>") and errno
 * is kept. No fd or process is left behind, C->pid is -1 and its fds -1.
 * That is distinct from a child that started and exited non-zero: that
 * one returns 0 here and its status comes from child_wait.
 *
 * Exec failures are reported synchronously: glibc's posix_spawn runs the
 * child with CLONE_VFORK, the child passes the exec errno back through
 * shared memory, and glibc reaps that child itself before returning; a
 * die_with_parent child passes it back through a close-on-exec pipe and
 * is reaped here. So when this returns 0, the child has executed, in its
 * own process group already.
 *
 * The read ends are O_NONBLOCK|O_CLOEXEC.
 */
int child_start(struct child *c, const struct child_opts *o);

/*
 * Reads what is there on *FD (a child's out_fd or err_fd) into LOG, and
 * closes *FD (setting it to -1) at EOF or on a read error. LOG's cap
 * bounds what is kept (logcap.h); everything is read, so the child never
 * blocks on a full pipe. Returns 0, or -1 with error() when LOG cannot be
 * written.
 */
int child_drain(int *fd, struct logcap *log);

/*
 * Whether the child has exited (1) or still runs (0), without reaping it:
 * until child_wait, it stays a zombie, so its pid and process group id
 * stay ours and child_kill_group can still reach what is left of the
 * group. Never blocks.
 */
int child_exited(const struct child *c);

/*
 * Reaps the child (waitpid on its pid only, retried on EINTR), blocking
 * until it has exited, and stores its wait status in *WSTATUS. Returns 0,
 * or -1 with error() (ECHILD: not ours, or reaped already); *WSTATUS is
 * then unchanged. After it the group id is free to be reused: do not
 * signal the group again.
 */
int child_wait(struct child *c, int *wstatus);

/*
 * The shell-style exit code of a wait status: the exit status, or 128+N
 * when the child was killed by signal N (SIGKILL: 137). -1 for a status
 * that is neither (a stopped child, reported only with WUNTRACED).
 */
int child_exit_code(int wstatus);

/*
 * Sends SIG to the child's whole process group (kill(-pid)), so helpers
 * it started die with it. A group that no longer exists (ESRCH) is not an
 * error. Returns 0, or -1 with error() set (e.g. EPERM). Send it before
 * reaping the last member: after that the group id is free to be reused.
 * Refuses a pid <= 1, which would signal our own group or everything.
 */
int child_kill_group(const struct child *c, int sig);

/*
 * Closes whichever read ends are still open and sets them to -1. Does not
 * wait for or signal the child. The caller may close one end itself at
 * EOF, as long as it sets that field to -1.
 */
void child_close(struct child *c);

/*
 * Runs O's child to completion (git's pipe_command): starts it (O's
 * log_fd must be 0), reads its stdout into OUT and its stderr into ERR
 * (either may be NULL: read and dropped) until both pipes close, reaps it
 * and returns its exit code (child_exit_code). With TIMEOUT > 0, a child
 * whose pipes are still open TIMEOUT seconds after the start has its group
 * killed (SIGKILL) and is reaped, and this returns -1 with
 * error(EC_EXIT_INTERNAL, "<argv[0]>: still running after TIMEOUT s:
 * killed"). Also -1 with error() when it cannot start or poll fails.
 */
int child_run(const struct child_opts *o, int timeout, struct strbuf *out, struct strbuf *err);

/*
 * The environment for a child: ours (environ), without the variables that
 * DROP names and those that SET sets, followed by SET, in that order.
 * DROP: NULL-terminated names, where a trailing '*' makes the rest a
 * prefix ("EMCOMPAT_*"); may be NULL. SET: NULL-terminated "NAME=value"
 * strings; may be NULL.
 *
 * Returns a new NULL-terminated array for child_opts.env; the caller
 * frees the array (free()), not its strings, which are environ's and
 * SET's: it is valid while those are.
 */
const char **child_env_merge(const char *const *drop, const char *const *set);

/*
 * Makes us a child subreaper (PR_SET_CHILD_SUBREAPER): the orphans of our
 * children come back to us instead of init, where child_reap_escaped can
 * find them. Best effort: without it (a kernel that refuses), escaped
 * processes are init's, and outlive the run as they would anyway.
 */
void child_become_subreaper(void);

/*
 * Called by child_reap_escaped for each live process it is about to kill:
 * its PID, command name COMM and working directory CWD ("?" when unknown).
 */
typedef void child_escaped_fn(void *ctx, pid_t pid, const char *comm, const char *cwd);

/*
 * The subreaper sweep, once every child we started has been reaped: any
 * process left whose parent is us escaped its child's process group
 * (setsid, a daemon) and would outlive the run. Each live one is reported
 * to FN (may be NULL), killed (SIGKILL) and reaped; zombies of group
 * members killed earlier are just reaped. Their own children come to us in
 * turn, so it sweeps until none is left (at most 100 rounds). Reads /proc;
 * without it, does nothing.
 */
void child_reap_escaped(child_escaped_fn *fn, void *ctx);

#endif
