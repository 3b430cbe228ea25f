#include <getopt.h>
#include <stdio.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/report.h"

int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "baseline", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	const char *baseline = NULL;
	size_t regressed;
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'b') {
			fprintf(stderr, "emcompat report: unknown option '%s'\n", argv[optind - 1]);
			cli_usage(stderr, "report");
			return EC_EXIT_INPUT;
		}
		baseline = optarg;
	}
	if (argc - optind != 1) {
		fprintf(stderr, "emcompat report: %s\n", argc - optind ? "one run directory, please" : "which run directory?");
		cli_usage(stderr, "report");
		return EC_EXIT_INPUT;
	}
	if (report_dir(argv[optind], baseline, &regressed))
		return cli_report_error();
	printf("emcompat: reports in %s: summary.md, junit.xml, report.html\n", argv[optind]);
	if (baseline)
		printf("emcompat: %zu cells regressed against %s\n", regressed, baseline);
	return fflush(stdout) ? EC_EXIT_INTERNAL : EC_EXIT_OK;
}
