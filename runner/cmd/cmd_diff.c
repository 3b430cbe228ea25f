#include <stdio.h>
#include <stdlib.h>

#include "emcompat/cli.h"
#include "emcompat/diff.h"
#include "emcompat/error.h"
#include "emcompat/options.h"

int cmd_diff(int argc, char **argv)
{
	int json = 0;
	const struct option_spec opts[] = {
		OPT_FLAG(0, "json", &json),
		OPT_END(),
	};
	struct runfile base, cur;
	struct diff d;
	int rc, first = options_parse(argc, argv, opts, OPTIONS_SAY_UNKNOWN);

	if (first < 0)
		return EC_EXIT_INPUT;
	if (argc - first != 2) {
		fprintf(stderr, "emcompat diff: expected two runs, BASE and NEW\n");
		cli_usage(stderr, "diff");
		return EC_EXIT_INPUT;
	}
	if (runfile_load(&base, argv[first]))
		return cli_report_error();
	if (runfile_load(&cur, argv[first + 1])) {
		runfile_release(&base);
		return cli_report_error();
	}
	diff_runs(&d, &base, &cur);
	if (json) {
		cli_put_json(diff_to_json(&d));
	} else {
		diff_print(stdout, &d, DIFF_PRINT_CHANGES);
	}
	rc = d.counts[DIFF_REGRESSED] ? EC_EXIT_FAILED : EC_EXIT_OK;
	diff_release(&d);
	runfile_release(&cur);
	runfile_release(&base);
	if (fflush(stdout) != 0) {
		error(EC_EXIT_INTERNAL, "writing to stdout failed");
		return cli_report_error();
	}
	return rc;
}
