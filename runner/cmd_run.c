#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/progress.h"
#include "emcompat/run.h"
#include "emcompat/util.h"

/* A whole non-negative number from an option, or -1. */
static long parse_count(const char *s, long max)
{
	char *end;
	long v;

	if (!*s || *s == '-')
		return -1;
	v = strtol(s, &end, 10);
	return *end || v > max ? -1 : v;
}

int cmd_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "output", required_argument, NULL, 'o' },
		{ "resume", no_argument, NULL, 'R' },
		{ "only", required_argument, NULL, 'O' },
		{ "retries", required_argument, NULL, 'r' },
		{ "fail-fast", no_argument, NULL, 'F' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "fake-toolchains", required_argument, NULL, 'T' },
		{ "shard", required_argument, NULL, 'S' },
		{ "baseline", required_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 },
	};
	struct matrix_only *only = xcalloc((size_t)argc, sizeof(*only));
	struct run_opts o;
	struct progress pg;
	int opt, rc;
	long v;

	memset(&o, 0, sizeof(o));
	o.out_dir = "emcompat-run";
	o.retries = -1;
	o.only = only;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "j:o:q", opts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			if ((v = parse_count(optarg, 1024)) < 1) {
				fprintf(stderr, "emcompat run: -j %s: expected a number of slots from 1 to 1024\n", optarg);
				goto usage;
			}
			o.jobs = (int)v;
			break;
		case 'o':
			o.out_dir = optarg;
			break;
		case 'R':
			o.resume = 1;
			break;
		case 'O':
			if (cli_parse_only(optarg, &only[o.nonly].key, &only[o.nonly].value)) {
				free(only);
				return cli_report_error();
			}
			o.nonly++;
			break;
		case 'r':
			if ((v = parse_count(optarg, 10)) < 0) {
				fprintf(stderr, "emcompat run: --retries %s: expected a number from 0 to 10\n", optarg);
				goto usage;
			}
			o.retries = (int)v;
			break;
		case 'F':
			o.fail_fast = 1;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 'T':
			o.fake_toolchains = optarg;
			break;
		case 'B':
			o.baseline = optarg;
			break;
		case 'S':
			if (shard_parse(optarg, &o.shard)) {
				free(only);
				return cli_report_error();
			}
			break;
		default:
			fprintf(stderr, "emcompat run: unknown or incomplete option '%s'\n", argv[optind - 1]);
			goto usage;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "emcompat run: one MATRIX at most, got '%s' and '%s'\n",
			argv[optind], argv[optind + 1]);
		goto usage;
	}
	o.matrix = optind < argc ? argv[optind] : NULL;
	if (getenv("EMCOMPAT_KILL_GRACE"))
		o.kill_grace = atof(getenv("EMCOMPAT_KILL_GRACE"));
	/* The run tells what it does through its events; the terminal's telling is ours. */
	progress_init_terminal(&pg, o.quiet);
	progress_events(&pg, &o.events);
	rc = run_main(&o);
	if (rc < 0) {
		progress_clear(&pg);
		rc = cli_report_error();
	}
	free(only);
	return rc;
usage:
	free(only);
	cli_usage(stderr, "run");
	return EC_EXIT_INPUT;
}
