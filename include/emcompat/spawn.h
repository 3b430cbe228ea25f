/*
 * spawn: start one child process with its output on pipes.
 *
 * Modelled on ninja's subprocess-posix.cc and git's run-command.h, for
 * the scheduler's one event-loop thread (docs/DESIGN.md, "Processes and
 * threads"). A child is started with posix_spawn from an argv array,
 * never through a shell, and gets:
 *
 *   stdin    /dev/null, so a tool that prompts sees EOF instead of hanging
 *   stdout   a pipe; the read end is spawn_child.out_fd
 *   stderr   another pipe; the read end is spawn_child.err_fd
 *   fds      none of ours: every fd above 2 is closed in the child, so a
 *            long-lived grandchild cannot hold another child's pipe open
 *   pgroup   its own (pgid == pid), so a deadline can kill the tool and
 *            everything it started (spawn_kill_group)
 *   signals  an empty mask and default dispositions for every signal, so
 *            it never inherits our ignored SIGPIPE or blocked signals
 *
 * Ownership: the caller owns the child. It polls the read ends (they are
 * O_NONBLOCK|O_CLOEXEC), reaps the child with waitpid(pid) (never
 * waitpid(-1): other modules' children are not ours to reap), and calls
 * spawn_close. This module never waits.
 */
#ifndef EMCOMPAT_SPAWN_H
#define EMCOMPAT_SPAWN_H

#include <sys/types.h>

struct spawn_opts {
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
};

struct spawn_child {
	pid_t pid;    /* also the child's process group id */
	int out_fd;   /* read end of the child's stdout, or -1 once closed */
	int err_fd;   /* read end of the child's stderr, or -1 once closed */
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
 * one returns 0 here and its status comes from the caller's waitpid.
 *
 * glibc reports exec failures synchronously: its posix_spawn runs the
 * child with CLONE_VFORK, the child passes the exec errno back through
 * shared memory, and glibc reaps that child itself before returning.
 */
int spawn_start(struct spawn_child *c, const struct spawn_opts *o);

/*
 * The shell-style exit code of a waitpid status: the exit status, or
 * 128+N when the child was killed by signal N (SIGKILL: 137). -1 for a
 * status that is neither (a stopped child, reported only with WUNTRACED).
 */
int spawn_exit_code(int wstatus);

/*
 * Sends SIG to the child's whole process group (kill(-pid)), so helpers
 * it started die with it. A group that no longer exists (ESRCH) is not an
 * error. Returns 0, or -1 with error() set (e.g. EPERM). Send it before
 * reaping the last member: after that the group id is free to be reused.
 * Refuses a pid <= 1, which would signal our own group or everything.
 */
int spawn_kill_group(const struct spawn_child *c, int sig);

/*
 * Closes whichever read ends are still open and sets them to -1. Does not
 * wait for or signal the child: the caller owns waitpid(pid). The caller
 * may close one end itself at EOF, as long as it sets that field to -1.
 */
void spawn_close(struct spawn_child *c);

#endif
