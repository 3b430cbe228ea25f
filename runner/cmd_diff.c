#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "emcompat/cli.h"
#include "emcompat/diff.h"
#include "emcompat/error.h"

int cmd_diff(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'J' },
		{ NULL, 0, NULL, 0 },
	};
	struct runfile base, cur;
	struct diff d;
	int json = 0, opt, rc;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'J') {
			fprintf(stderr, "emcompat diff: unknown option '%s'\n", argv[optind - 1]);
			cli_usage(stderr, "diff");
			return EC_EXIT_INPUT;
		}
		json = 1;
	}
	if (argc - optind != 2) {
		fprintf(stderr, "emcompat diff: expected two runs, BASE and NEW\n");
		cli_usage(stderr, "diff");
		return EC_EXIT_INPUT;
	}
	if (runfile_load(&base, argv[optind]))
		return cli_report_error();
	if (runfile_load(&cur, argv[optind + 1])) {
		runfile_release(&base);
		return cli_report_error();
	}
	diff_runs(&d, &base, &cur);
	if (json) {
		cJSON *root = diff_to_json(&d);
		char *text = cJSON_PrintUnformatted(root);

		puts(text);
		free(text);
		cJSON_Delete(root);
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
