#include <stdio.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/report.h"

int cmd_report(int argc, char **argv)
{
	const char *baseline = NULL;
	const struct option_spec opts[] = {
		OPT_STRING(0, "baseline", &baseline),
		OPT_END(),
	};
	size_t regressed;
	int first = options_parse(argc, argv, opts, OPTIONS_SAY_UNKNOWN);

	if (first < 0)
		return EC_EXIT_INPUT;
	if (argc - first != 1) {
		fprintf(stderr, "emcompat report: %s\n",
			argc - first ? "one run directory, please" : "which run directory?");
		cli_usage(stderr, "report");
		return EC_EXIT_INPUT;
	}
	if (report_dir(argv[first], baseline, &regressed))
		return cli_report_error();
	printf("emcompat: reports in %s: summary.md, junit.xml, report.html\n", argv[first]);
	if (baseline)
		printf("emcompat: %zu cells regressed against %s\n", regressed, baseline);
	return fflush(stdout) ? EC_EXIT_INTERNAL : EC_EXIT_OK;
}
