/*
 * options: a command's options, read from a table (git's parse-options is
 * the model). A command lists each option once, with the variable it sets
 * and how its argument is read, and options_parse() walks argv over that
 * table with getopt_long. So every spelling getopt_long takes is taken:
 * "-j 4", "-j4", "--jobs 4", "--jobs=4", a unique prefix of a long name
 * ("--jo 4"), grouped short options ("-qj4"), options after operands
 * (argv is permuted so that operands come last), and "--" ending the
 * options.
 *
 *	int jobs = 0, quiet = 0;
 *	struct option_pairs only = { 0 };
 *	const struct option_spec opts[] = {
 *		OPT_INT('j', "jobs", &jobs, 1, 1024, "a number of slots"),
 *		OPT_FLAG('q', "quiet", &quiet),
 *		OPT_PAIRS(0, "only", &only, "AXIS=VALUE"),
 *		OPT_END(),
 *	};
 *	int first = options_parse(argc, argv, opts, 0);
 *
 *	if (first < 0)                  // the message is printed
 *		return EC_EXIT_INPUT;
 *	// operands: argv[first] .. argv[argc - 1]; free(only.v) when done
 *
 * --help and -h are in no table: cli_main() answers them before a command
 * runs (anywhere before "--", even where an option's argument is due).
 *
 * This is the command layer (cli.h), so it prints its messages, to stderr.
 * Every error means exit code 2 (EC_EXIT_INPUT). CMD below is argv[0], the
 * command's name; ARG is the word as given.
 *   - an option the table lacks, or one that lacks its argument:
 *     "emcompat CMD: unknown or incomplete option 'ARG'" (with
 *     OPTIONS_SAY_UNKNOWN: "unknown option 'ARG'"), then CMD's usage;
 *   - a number out of its range (OPT_INT):
 *     "emcompat CMD: -j ARG: expected a number of slots from 1 to 1024"
 *     (the short name if there is one, else "--" and the long name), then
 *     CMD's usage;
 *   - a value its reader refuses (OPT_PAIRS, OPT_CALLBACK): the error()
 *     message the reader recorded, as "emcompat: MESSAGE" (with
 *     OPTIONS_NAME_COMMAND: "emcompat CMD: MESSAGE"); no usage. OPT_PAIRS
 *     records "--only ARG: expected AXIS=VALUE" for an ARG without a key,
 *     an '=' or a value.
 * Parsing stops at the first error, so an option's target is set for the
 * options before it only.
 */
#ifndef EMCOMPAT_OPTIONS_H
#define EMCOMPAT_OPTIONS_H

#include <stddef.h>

#include "emcompat/matrix.h"

enum option_type {
	OPTION_END,          /* ends a table */
	OPTION_FLAG,         /* int *: set to 1 */
	OPTION_INT,          /* int *: a whole number from min to max */
	OPTION_STRING,       /* const char **: the argument (borrowed from argv); the last one wins */
	OPTION_STRING_LIST,  /* struct option_strings *: every argument, in order */
	OPTION_PAIRS,        /* struct option_pairs *: every KEY=VALUE argument, in order */
	OPTION_CALLBACK,     /* anything: callback(opt, arg) reads arg into opt->value */
};

struct option_spec {
	enum option_type type;
	int short_name;              /* 0: none */
	const char *long_name;       /* NULL: none */
	void *value;                 /* where the option's value goes (see the types) */
	/*
	 * OPTION_INT: what the number is, for its message ("a number of
	 * slots"); OPTION_PAIRS: the form, for its message ("AXIS=VALUE").
	 */
	const char *what;
	int min, max;                /* OPTION_INT: the range, both included */
	/*
	 * OPTION_CALLBACK, whose option always takes an argument: reads ARG
	 * into opt->value. Returns 0, or -1 with error(EC_EXIT_INPUT) naming
	 * the option and ARG.
	 */
	int (*callback)(const struct option_spec *opt, const char *arg);
};

/* The arguments of a repeated OPT_STRING_LIST option, borrowed from argv. The caller frees V. */
struct option_strings {
	const char **v;
	size_t n, cap;
};

/*
 * The arguments of a repeated OPT_PAIRS option, each split at its first
 * '=': keys and values point into argv, whose words are cut there. The
 * caller frees V.
 */
struct option_pairs {
	struct matrix_only *v;
	size_t n, cap;
};

#define OPT_END() { .type = OPTION_END }
#define OPT_FLAG(s, l, v) { .type = OPTION_FLAG, .short_name = (s), .long_name = (l), .value = (v) }
#define OPT_INT(s, l, v, lo, hi, w) \
	{ .type = OPTION_INT, .short_name = (s), .long_name = (l), .value = (v), .min = (lo), .max = (hi), .what = (w) }
#define OPT_STRING(s, l, v) { .type = OPTION_STRING, .short_name = (s), .long_name = (l), .value = (v) }
#define OPT_STRING_LIST(s, l, v) { .type = OPTION_STRING_LIST, .short_name = (s), .long_name = (l), .value = (v) }
#define OPT_PAIRS(s, l, v, w) { .type = OPTION_PAIRS, .short_name = (s), .long_name = (l), .value = (v), .what = (w) }
#define OPT_CALLBACK(s, l, v, cb) \
	{ .type = OPTION_CALLBACK, .short_name = (s), .long_name = (l), .value = (v), .callback = (cb) }

enum options_flags {
	OPTIONS_SAY_UNKNOWN = 1 << 0,   /* "unknown option", not "unknown or incomplete option" */
	OPTIONS_NAME_COMMAND = 1 << 1,  /* a refused value's message starts "emcompat CMD:" */
};

/* The callback of --shard I/N: shard_parse() (shard.h) into opt->value, a struct shard_spec. */
int options_read_shard(const struct option_spec *opt, const char *arg);

/*
 * Reads the options of ARGV (argv[0] is the command's name) by OPTS, a
 * table ended by OPT_END(), setting their targets; FLAGS is a set of
 * enum options_flags. Returns the index of the first operand (argc when
 * there is none), or -1 after printing the message (exit with
 * EC_EXIT_INPUT).
 */
int options_parse(int argc, char **argv, const struct option_spec *opts, unsigned flags);

#endif
