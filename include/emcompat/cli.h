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

int cli_main(int argc, char **argv);

/* Prints COMMAND's usage to OUT. */
void cli_usage(FILE *out, const char *command);

/* Prints "emcompat: <recorded error>" and returns its exit code. */
int cli_report_error(void);

int cmd_plan(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_toolchains(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_bisect(int argc, char **argv);
int cmd_recommend(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
