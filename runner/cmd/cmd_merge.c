#include <stdio.h>

#include "emcompat/cli.h"
#include "emcompat/diff.h"
#include "emcompat/error.h"
#include "emcompat/merge.h"
#include "emcompat/options.h"

int cmd_merge(int argc, char **argv)
{
	struct merge_opts o = { NULL, NULL, 0, 0, NULL, NULL };
	const char *history_file = NULL;
	struct history h;
	const struct option_spec opts[] = {
		OPT_STRING('o', "output", &o.out_dir),
		OPT_FLAG(0, "partial", &o.partial),
		OPT_STRING(0, "baseline", &o.baseline),
		OPT_STRING(0, "history", &history_file),
		OPT_END(),
	};
	struct merge_result res;
	int first = options_parse(argc, argv, opts, 0), rc;

	if (first < 0)
		return EC_EXIT_INPUT;
	if (!o.out_dir || first >= argc) {
		fprintf(stderr, "emcompat merge: %s\n", !o.out_dir ? "where to? (-o DIR)" : "which runs? (RUN...)");
		cli_usage(stderr, "merge");
		return EC_EXIT_INPUT;
	}
	if ((rc = cmd_history_open(&h, history_file)))
		return rc;
	o.history = h.db ? &h : NULL;
	o.runs = (const char *const *)(argv + first);
	o.nruns = (size_t)(argc - first);
	if (merge_runs(&o, &res)) {
		merge_result_release(&res);
		history_close(&h);
		return cli_report_error();
	}
	printf("emcompat: merged %zu run%s into %s: %zu cells:", o.nruns, o.nruns == 1 ? "" : "s", o.out_dir,
	       res.cells);
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		if (res.counts[s])
			printf(" %zu %s", res.counts[s], cell_status_name(s));
	printf("\nemcompat: results: %s/results.json; reports: %s/summary.md\n", o.out_dir, o.out_dir);
	/* Against --baseline, or the history's last run of the matrix. */
	if (res.reports.baseline_dir && !res.regressed)
		printf("emcompat: nothing regressed against %s\n", res.reports.baseline_dir);
	if (res.reports.baseline_dir && res.regressed)
		diff_print(stdout, &res.reports.diff, DIFF_PRINT_REGRESSED);
	if ((rc = cmd_history_record(&h, o.out_dir))) {
		merge_result_release(&res);
		return rc;
	}
	if (fflush(stdout) != 0)
		rc = EC_EXIT_INTERNAL;
	else if (o.baseline)
		rc = res.regressed ? EC_EXIT_FAILED : EC_EXIT_OK;
	else
		rc = res.counts[CELL_PASS] + res.counts[CELL_FLAKY] == res.cells ? EC_EXIT_OK : EC_EXIT_FAILED;
	merge_result_release(&res);
	return rc;
}
