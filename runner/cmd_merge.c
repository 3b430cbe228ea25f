#include <getopt.h>
#include <stdio.h>

#include "emcompat/cli.h"
#include "emcompat/diff.h"
#include "emcompat/error.h"
#include "emcompat/merge.h"

int cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "partial", no_argument, NULL, 'P' },
		{ "baseline", required_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 },
	};
	struct merge_opts o = { NULL, NULL, 0, 0, NULL };
	struct merge_result res;
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			o.out_dir = optarg;
			break;
		case 'P':
			o.partial = 1;
			break;
		case 'B':
			o.baseline = optarg;
			break;
		default:
			fprintf(stderr, "emcompat merge: unknown or incomplete option '%s'\n", argv[optind - 1]);
			cli_usage(stderr, "merge");
			return EC_EXIT_INPUT;
		}
	}
	if (!o.out_dir || optind >= argc) {
		fprintf(stderr, "emcompat merge: %s\n", !o.out_dir ? "where to? (-o DIR)" : "which runs? (RUN...)");
		cli_usage(stderr, "merge");
		return EC_EXIT_INPUT;
	}
	o.runs = (const char *const *)(argv + optind);
	o.nruns = (size_t)(argc - optind);
	if (merge_runs(&o, &res))
		return cli_report_error();
	printf("emcompat: merged %zu runs into %s: %zu cells:", o.nruns, o.out_dir, res.cells);
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		if (res.counts[s])
			printf(" %zu %s", res.counts[s], cell_status_name(s));
	printf("\nemcompat: results: %s/results.json; reports: %s/summary.md\n", o.out_dir, o.out_dir);
	if (o.baseline && !res.regressed)
		printf("emcompat: nothing regressed against %s\n", o.baseline);
	if (o.baseline && res.regressed && diff_print_dirs(stdout, o.baseline, o.out_dir, DIFF_PRINT_REGRESSED))
		return cli_report_error();
	if (fflush(stdout) != 0)
		return EC_EXIT_INTERNAL;
	if (o.baseline)
		return res.regressed ? EC_EXIT_FAILED : EC_EXIT_OK;
	return res.counts[CELL_PASS] + res.counts[CELL_FLAKY] == res.cells ? EC_EXIT_OK : EC_EXIT_FAILED;
}
