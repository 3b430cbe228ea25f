#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/recommend.h"
#include "emcompat/util.h"

/* Runners-up shown without --verbose: the answer fits in a screen. */
#define SHOWN_RUNNERS_UP 6

static void print_text(FILE *out, const struct recommend *r, size_t nruns, int verbose)
{
	const struct recommend_value *best = &r->values[0];
	struct strbuf with = { 0 }, why = { 0 };
	size_t shown = verbose || r->nvalues <= SHOWN_RUNNERS_UP + 1 ? r->nvalues : SHOWN_RUNNERS_UP + 1;

	for (size_t k = 0; k < r->nkeys; k++)
		if (r->common[k])
			strbuf_addf(&with, "%s%s=%s", with.len ? ", " : "", r->keys[k], r->common[k]);
	fprintf(out, "emcompat recommend: %zu %s values from %zu run%s (%zu cells)%s%s; newest by %s%s\n", r->nvalues,
		r->axis, nruns, nruns == 1 ? "" : "s", r->ncells, with.len ? " with " : "", strbuf_str(&with),
		r->order_source ? "the axis order of " : "version order", r->order_source ? r->order_source : "");
	if (r->nvalues > 1 && r->nshared == 0)
		fprintf(out,
			"no setting of the other axes was tested with every %s value: each is ranked on its own "
			"cells\n",
			r->axis);
	else if (r->nshared < r->nsettings)
		fprintf(out,
			"compared on the %zu of %zu settings of the other axes that every %s value was tested on\n",
			r->nshared, r->nsettings, r->axis);
	recommend_explain(r, best, &why);
	if (recommend_all_pass(best)) {
		if (with.len)
			strbuf_addf(&why, " with %s", strbuf_str(&with));
		recommend_coverage(r, best, &why);
		fprintf(out, "recommended: %s=%s: %s\n", r->axis, best->value, strbuf_str(&why));
	} else {
		recommend_coverage(r, best, &why);
		fprintf(out, "recommended: none passes every cell; the best is %s=%s: %s\n", r->axis, best->value,
			strbuf_str(&why));
	}
	strbuf_release(&why);
	if (recommend_alternative(r, &why))
		fprintf(out, "  %s\n", strbuf_str(&why));
	if (r->nvalues > 1 && recommend_ties(&r->values[1], best))
		fprintf(out, "  (%s ties with it and is older: the newest is chosen)\n", r->values[1].value);
	if (verbose) {
		strbuf_release(&why);
		recommend_list_cells(best, &why);
		fputs(strbuf_str(&why), out);
	}
	if (r->nvalues > 1)
		fprintf(out, "runners-up:\n");
	for (size_t i = 1; i < shown; i++) {
		strbuf_release(&why);
		recommend_explain(r, &r->values[i], &why);
		recommend_coverage(r, &r->values[i], &why);
		fprintf(out, "  %zu. %s: %s\n", i + 1, r->values[i].value, strbuf_str(&why));
		if (verbose) {
			strbuf_release(&why);
			recommend_list_cells(&r->values[i], &why);
			fputs(strbuf_str(&why), out);
		}
	}
	if (shown < r->nvalues)
		fprintf(out, "  ... and %zu more value%s (--verbose lists every value and cell)\n", r->nvalues - shown,
			r->nvalues - shown == 1 ? "" : "s");
	strbuf_release(&why);
	strbuf_release(&with);
}

int cmd_recommend(int argc, char **argv)
{
	struct option_pairs only = { 0 };
	const char *axis = "emscripten", *history_file = NULL;
	int json = 0, verbose = 0, first, rc;
	const struct option_spec opts[] = {
		OPT_STRING(0, "axis", &axis),
		OPT_PAIRS(0, "only", &only, "AXIS=VALUE"),
		OPT_FLAG(0, "json", &json),
		OPT_FLAG(0, "verbose", &verbose),
		OPT_STRING(0, "history", &history_file), /* read before the RUNs */
		OPT_END(),
	};
	struct runfile *runs = NULL;
	struct recommend r;
	size_t nruns = 0, cap;

	if ((first = options_parse(argc, argv, opts, 0)) < 0) {
		free(only.v);
		return EC_EXIT_INPUT;
	}
	if (first >= argc && !history_file && !getenv("EMCOMPAT_HISTORY")) {
		fprintf(stderr, "emcompat recommend: name at least one RUN (a run directory or its results.json) "
				"or a --history\n");
		free(only.v);
		cli_usage(stderr, "recommend");
		return EC_EXIT_INPUT;
	}
	/* The history's newest results first: a RUN named that started later wins, as does one given later. */
	if ((rc = cmd_history_runs(history_file, &runs, &nruns)))
		goto out;
	cap = nruns;
	xgrow(&runs, &cap, nruns + (size_t)(argc - first) + 1, sizeof(*runs));
	for (int i = first; i < argc; i++, nruns++)
		if (runfile_load(&runs[nruns], argv[i]))
			goto input;
	if (!nruns) {
		error(EC_EXIT_INPUT, "%s: no run recorded", history_file ? history_file : getenv("EMCOMPAT_HISTORY"));
		goto input;
	}
	if (recommend_rank(&r, runs, nruns, axis, only.v, only.n, NULL, 0))
		goto input;
	if (json) {
		cli_put_json(recommend_json(&r));
	} else {
		/* Values, classes and summaries come from the runs' results.json. */
		struct cli_text t;

		print_text(cli_text_open(&t), &r, nruns, verbose);
		cli_text_close(&t, stdout);
	}
	rc = recommend_all_pass(&r.values[0]) ? EC_EXIT_OK : EC_EXIT_FAILED;
	if (fflush(stdout) != 0)
		rc = EC_EXIT_INTERNAL;
	recommend_release(&r);
	goto out;
input:
	rc = cli_report_error();
out:
	for (size_t i = 0; i < nruns; i++)
		runfile_release(&runs[i]);
	free(runs);
	free(only.v);
	return rc;
}
