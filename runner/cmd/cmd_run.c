#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/progress.h"
#include "emcompat/run.h"

int cmd_run(int argc, char **argv)
{
	struct option_pairs only = { 0 };
	struct run_opts o;
	const char *history_file = NULL;
	struct history h;
	const struct option_spec opts[] = {
		OPT_INT('j', "jobs", &o.jobs, 1, 1024, "a number of slots"),
		OPT_STRING('o', "output", &o.out_dir),
		OPT_FLAG(0, "resume", &o.resume),
		OPT_PAIRS(0, "only", &only, "AXIS=VALUE"),
		OPT_INT(0, "retries", &o.retries, 0, 10, "a number"),
		OPT_FLAG(0, "fail-fast", &o.fail_fast),
		OPT_FLAG('q', "quiet", &o.quiet),
		OPT_STRING(0, "fake-toolchains", &o.fake_toolchains),
		OPT_CALLBACK(0, "shard", &o.shard, options_read_shard),
		OPT_STRING(0, "baseline", &o.baseline),
		OPT_FLAG(0, "keep-failed", &o.keep_failed),
		OPT_STRING(0, "history", &history_file),
		OPT_END(),
	};
	struct progress pg;
	int first, rc;

	memset(&o, 0, sizeof(o));
	o.out_dir = "emcompat-run";
	o.retries = -1;
	if ((first = options_parse(argc, argv, opts, 0)) < 0) {
		free(only.v);
		return EC_EXIT_INPUT;
	}
	o.only = only.v;
	o.nonly = only.n;
	if (argc - first > 1) {
		fprintf(stderr, "emcompat run: one MATRIX at most, got '%s' and '%s'\n", argv[first], argv[first + 1]);
		free(only.v);
		cli_usage(stderr, "run");
		return EC_EXIT_INPUT;
	}
	o.matrix = first < argc ? argv[first] : NULL;
	if (getenv("EMCOMPAT_KILL_GRACE"))
		o.kill_grace = atof(getenv("EMCOMPAT_KILL_GRACE"));
	if ((rc = cmd_history_open(&h, history_file))) {
		free(only.v);
		return rc;
	}
	o.history = h.db ? &h : NULL;
	/* The run tells what it does through its events; the terminal's telling is ours. */
	progress_init_terminal(&pg, o.quiet);
	progress_events(&pg, &o.events);
	rc = run_main(&o);
	if (rc < 0) {
		progress_clear(&pg);
		rc = cli_report_error();
	}
	if (rc == EC_EXIT_OK || rc == EC_EXIT_FAILED) {
		int hrc = cmd_history_record(&h, o.out_dir);

		rc = hrc ? hrc : rc;
	} else {
		history_close(&h);
	}
	free(only.v);
	return rc;
}
