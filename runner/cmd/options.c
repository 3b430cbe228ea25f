#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/shard.h"
#include "emcompat/util.h"

/* getopt_long's value for a long option without a short name: above every char. */
#define LONG_ONLY_BASE 256

static int takes_arg(const struct option_spec *o)
{
	return o->type != OPTION_FLAG;
}

/*
 * A whole number from MIN to MAX, or -1 (MIN is never negative). Leading
 * blanks and a '+' are taken, as strtol takes them; a '-' is not.
 */
static long read_count(const char *s, int min, int max)
{
	char *end;
	long v;

	if (!*s || *s == '-')
		return -1;
	v = strtol(s, &end, 10);
	return *end || v < min || v > max ? -1 : v;
}

/* "KEY=VALUE" cut at its '=' into one more pair. */
static int read_pair(const struct option_spec *o, char *arg)
{
	struct option_pairs *list = o->value;
	char *eq = strchr(arg, '=');

	if (!eq || eq == arg || !eq[1])
		return error(EC_EXIT_INPUT, "--%s %s: expected %s", o->long_name, arg, o->what);
	*eq = '\0';
	xgrow(&list->v, &list->cap, list->n + 1, sizeof(*list->v));
	list->v[list->n].key = arg;
	list->v[list->n++].value = eq + 1;
	return 0;
}

/* Sets O's target from ARG. 0, or -1 with the message printed. */
static int apply(const struct option_spec *o, char *arg, const char *cmd, unsigned flags)
{
	struct option_strings *list;
	long v;

	switch (o->type) {
	case OPTION_FLAG:
		*(int *)o->value = 1;
		return 0;
	case OPTION_INT:
		if ((v = read_count(arg, o->min, o->max)) < 0) {
			if (o->short_name)
				fprintf(stderr, "emcompat %s: -%c %s: expected %s from %d to %d\n", cmd, o->short_name,
					arg, o->what, o->min, o->max);
			else
				fprintf(stderr, "emcompat %s: --%s %s: expected %s from %d to %d\n", cmd, o->long_name,
					arg, o->what, o->min, o->max);
			cli_usage(stderr, cmd);
			return -1;
		}
		*(int *)o->value = (int)v;
		return 0;
	case OPTION_STRING:
		*(const char **)o->value = arg;
		return 0;
	case OPTION_STRING_LIST:
		list = o->value;
		xgrow(&list->v, &list->cap, list->n + 1, sizeof(*list->v));
		list->v[list->n++] = arg;
		return 0;
	case OPTION_PAIRS:
	case OPTION_CALLBACK:
		if (o->type == OPTION_PAIRS ? read_pair(o, arg) == 0 : o->callback(o, arg) == 0)
			return 0;
		if (flags & OPTIONS_NAME_COMMAND)
			fprintf(stderr, "emcompat %s: %s\n", cmd, error_message());
		else
			fprintf(stderr, "emcompat: %s\n", error_message());
		error_clear();
		return -1;
	case OPTION_END:
		break;
	}
	abort();
}

int options_read_shard(const struct option_spec *opt, const char *arg)
{
	return shard_parse(arg, opt->value);
}

int options_parse(int argc, char **argv, const struct option_spec *opts, unsigned flags)
{
	const char *cmd = argv[0];
	struct option *longopts;
	char *shortopts, *p;
	size_t n = 0;
	int c, rc = 0;

	while (opts[n].type != OPTION_END)
		n++;
	longopts = xcalloc(n + 1, sizeof(*longopts));
	shortopts = p = xcalloc(2 * n + 1, 1);
	for (size_t i = 0, l = 0; i < n; i++) {
		if (opts[i].long_name) {
			longopts[l].name = opts[i].long_name;
			longopts[l].has_arg = takes_arg(&opts[i]) ? required_argument : no_argument;
			longopts[l++].val = opts[i].short_name ? opts[i].short_name : LONG_ONLY_BASE + (int)i;
		}
		if (opts[i].short_name) {
			*p++ = (char)opts[i].short_name;
			if (takes_arg(&opts[i]))
				*p++ = ':';
		}
	}
	/* A fresh scan: getopt keeps its place in a cluster of short options between calls. */
	optind = 0;
	opterr = 0;
	while (rc == 0 && (c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		const struct option_spec *o = NULL;

		for (size_t i = 0; i < n && !o; i++)
			if (c >= LONG_ONLY_BASE ? (size_t)(c - LONG_ONLY_BASE) == i : opts[i].short_name == c)
				o = &opts[i];
		if (!o) {
			fprintf(stderr, "emcompat %s: %s '%s'\n", cmd,
				flags & OPTIONS_SAY_UNKNOWN ? "unknown option" : "unknown or incomplete option",
				argv[optind - 1]);
			cli_usage(stderr, cmd);
			rc = -1;
		} else {
			rc = apply(o, optarg, cmd, flags);
		}
	}
	free(longopts);
	free(shortopts);
	return rc ? -1 : optind;
}
