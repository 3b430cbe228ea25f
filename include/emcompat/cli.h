/*
 * cli: the emcompat command line. main() is cli_main(); every command is a
 * cmd_* function taking its own argv (argv[0] is the command name) and
 * returning the process exit code (enum ec_exit). Commands print the
 * recorded error() message themselves, so library code never prints.
 * Each command reads its options from a table with options_parse()
 * (options.h).
 */
#ifndef EMCOMPAT_CLI_H
#define EMCOMPAT_CLI_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "emcompat/history.h"

int cli_main(int argc, char **argv);

/* Prints COMMAND's usage to OUT. */
void cli_usage(FILE *out, const char *command);

/*
 * Prints "emcompat: <recorded error>" and returns its exit code. The
 * message may quote what a file or a child holds: it is escaped for a
 * terminal (untrusted.h).
 */
int cli_report_error(void);

/* S quoted for a POSIX shell when it needs it, for the commands a command prints to copy. Caller frees. */
char *cli_shell_quote(const char *s);

/*
 * A command's text output, which quotes what runs, logs and files hold
 * (untrusted.h): written into a memory stream (cli_text_open returns it;
 * it aborts when none can be had, as the x-allocators do), then escaped
 * for a terminal as a whole and written to OUT by cli_text_close. The
 * command's own text holds no control but tab and newline.
 */
struct cli_text {
	FILE *f;
	char *buf;
	size_t len;
};
FILE *cli_text_open(struct cli_text *t);
void cli_text_close(struct cli_text *t, FILE *out);

/*
 * DOC printed unformatted and a newline on stdout, through
 * untrusted_json_add (untrusted.h). Takes DOC: it is deleted.
 */
void cli_put_json(cJSON *doc);

int cmd_plan(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_toolchains(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_cache(int argc, char **argv);
int cmd_bisect(int argc, char **argv);
int cmd_recommend(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_history(int argc, char **argv);

/*
 * --history FILE of run and merge: opens FILE (else $EMCOMPAT_HISTORY;
 * neither: H stays closed and nothing is recorded) before anything runs,
 * so a foreign or corrupt file is refused first. Returns 0, or the exit
 * code after printing the error.
 */
int cmd_history_open(struct history *h, const char *option);

/*
 * Records the finished run in DIR in H (when open), says so, and closes
 * H. Returns 0, or the exit code after printing the error.
 */
int cmd_history_record(struct history *h, const char *dir);

/*
 * --history FILE of recommend and bisect: the newest recorded result of
 * every cell in FILE (else $EMCOMPAT_HISTORY; neither: *N is 0) as runs
 * (history_newest_dir), oldest first, appended to *RUNS (grown; *N
 * counts them all). Each is named "FILE: run ID" (its path; its dir is
 * FILE): the temp files they were read from are gone. Returns 0, or the
 * exit code after printing the error.
 */
int cmd_history_runs(const char *option, struct runfile **runs, size_t *n);

#endif
