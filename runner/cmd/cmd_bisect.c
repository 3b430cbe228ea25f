#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emcompat/bisect.h"
#include "emcompat/classify.h"
#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/run.h"
#include "emcompat/runfile.h"
#include "emcompat/stage.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

/* What one tested value gave: the cell read back, and where it came from. */
struct tested {
	struct runfile *own;              /* the run made for it, or NULL */
	const struct runfile_cell *cell;  /* NULL: no such cell in the matrix */
	const char *from;                 /* the --from DIR it came from, or NULL */
	char *dir;   /* owned: the run dir made for it */
};

struct bisect_cmd {
	const char *matrix, *out, *cell_id, *fake;
	int jobs, verbose;
	struct matrix m;
	size_t axis;
	size_t *cells;                    /* per axis value: index into m.cells, or SIZE_MAX */
	struct bisect_predicate pred;
	struct runfile *from;
	const char **from_dirs;
	size_t nfrom;
	struct tested *t;                 /* per axis value */
	size_t ran, reused, step;
	int stop;    /* the runner's exit code that stopped the search */
};

static const char *value_at(const struct bisect_cmd *b, size_t i)
{
	return b->m.axis_values[b->axis][i];
}

static void add_word(struct strbuf *sb, const char *word)
{
	char *q = cli_shell_quote(word);

	strbuf_addf(sb, " %s", q);
	free(q);
}

/*
 * "fail at load: CLASS: summary", "pass", "error at std: summary", escaped
 * for a terminal: the class and summary come from what a stage printed.
 */
static void describe(struct strbuf *sb, const struct runfile_cell *c)
{
	strbuf_addstr(sb, cell_status_name(c->status));
	if (c->stage) {
		strbuf_addstr(sb, " at ");
		untrusted_term_add(sb, c->stage, strlen(c->stage));
	}
	if (c->cls) {
		strbuf_addstr(sb, ": ");
		untrusted_term_add(sb, c->cls, strlen(c->cls));
	}
	if (c->stage && *c->summary) {
		strbuf_addstr(sb, ": ");
		untrusted_term_add(sb, c->summary, strlen(c->summary));
	}
}

/* The tester (bisect.h): the cell of value I from --from, else a run of it. */
static int test_value(void *ctx, size_t i, enum bisect_verdict *v)
{
	struct bisect_cmd *b = ctx;
	struct tested *t = &b->t[i];
	const struct matrix_cell *mc = b->cells[i] == SIZE_MAX ? NULL : &b->m.cells[b->cells[i]];
	struct strbuf line = { 0 };

	if (!mc) {
		*v = BISECT_SKIP;
		printf("[%zu] %s=%s: skip (the matrix has no such cell)\n", ++b->step, b->m.keys[b->axis],
		       value_at(b, i));
		fflush(stdout);
		return 0;
	}
	/* An error in an earlier run says nothing about the code: test it again. */
	for (size_t k = 0; k < b->nfrom && !t->cell; k++) {
		const struct runfile_cell *c = runfile_find(&b->from[k], mc->id);

		if (c && c->status != CELL_ERROR && c->status != CELL_BLOCKED && c->status != CELL_SKIPPED) {
			t->cell = c;
			t->from = b->from_dirs[k];
		}
	}
	if (!t->cell) {
		struct matrix_only *only = xcalloc(b->m.nkeys, sizeof(*only));
		struct run_opts o;
		char *value = xstrdup(value_at(b, i)), *journal;
		int rc;

		/* The cell's every key: the run holds just this cell. */
		memset(&o, 0, sizeof(o));
		for (size_t k = 0; k < b->m.nkeys; k++)
			if (mc->values[k]) {
				only[o.nonly].key = b->m.keys[k];
				only[o.nonly++].value = mc->values[k];
			}
		for (char *p = value; *p; p++)
			if (*p == '/')
				*p = '_';
		t->dir = xasprintf("%s/%s=%s", b->out, b->m.keys[b->axis], value);
		free(value);
		journal = xasprintf("%s/journal.jsonl", t->dir);
		o.matrix = b->matrix;
		o.out_dir = t->dir;
		o.jobs = b->jobs;
		o.retries = -1;
		o.resume = access(journal, F_OK) == 0;
		o.quiet = !b->verbose;
		o.only = only;
		o.fake_toolchains = b->fake;
		free(journal);
		printf("[%zu] %s=%s: running %s into %s\n", b->step + 1, b->m.keys[b->axis], value_at(b, i), mc->id,
		       t->dir);
		fflush(stdout);
		rc = run_main(&o);
		free(only);
		b->ran++;
		if (rc != EC_EXIT_OK && rc != EC_EXIT_FAILED) {
			b->stop = rc;
			return -1;
		}
		t->own = xcalloc(1, sizeof(*t->own));
		if (runfile_load(t->own, t->dir)) {
			free(t->own);
			t->own = NULL;
			b->stop = cli_report_error();
			return -1;
		}
		t->cell = runfile_find(t->own, mc->id);
		if (!t->cell) {
			fprintf(stderr, "emcompat: %s/results.json has no cell %s\n", t->dir, mc->id);
			b->stop = EC_EXIT_INTERNAL;
			return -1;
		}
	} else {
		b->reused++;
	}
	*v = bisect_judge(&b->pred, t->cell);
	describe(&line, t->cell);
	printf("[%zu] %s=%s: %s (%s)%s%s\n", ++b->step, b->m.keys[b->axis], value_at(b, i), bisect_verdict_name(*v),
	       strbuf_str(&line), t->from ? ", from " : "", t->from ? t->from : "");
	fflush(stdout);
	strbuf_release(&line);
	return 0;
}

/* The bisect command itself, for a value that has no cell to run. */
static void print_repro_bisect(int argc, char **argv)
{
	struct strbuf sb = { 0 };

	strbuf_addstr(&sb, "emcompat");
	for (int i = 0; i < argc; i++)
		add_word(&sb, argv[i]);
	printf("reproduce: %s\n", strbuf_str(&sb));
	strbuf_release(&sb);
}

/* `emcompat run` of the cell of value I: the one line that shows the answer. */
static void print_repro(const struct bisect_cmd *b, size_t i, int argc, char **argv)
{
	struct strbuf sb = { 0 };
	const struct matrix_cell *mc;

	if (b->cells[i] == SIZE_MAX) {
		print_repro_bisect(argc, argv);
		return;
	}
	mc = &b->m.cells[b->cells[i]];
	strbuf_addstr(&sb, "emcompat run");
	if (b->matrix)
		add_word(&sb, b->matrix);
	for (size_t k = 0; k < b->m.nkeys; k++)
		if (mc->values[k]) {
			char *kv = xasprintf("%s=%s", b->m.keys[k], mc->values[k]);

			strbuf_addstr(&sb, " --only");
			add_word(&sb, kv);
			free(kv);
		}
	if (b->fake) {
		strbuf_addstr(&sb, " --fake-toolchains");
		add_word(&sb, b->fake);
	}
	strbuf_addstr(&sb, " -o emcompat-repro");
	printf("reproduce: %s\n", strbuf_str(&sb));
	strbuf_release(&sb);
}

static void print_value(const struct bisect_cmd *b, const char *label, size_t i)
{
	struct strbuf sb = { 0 };

	if (b->t[i].cell)
		describe(&sb, b->t[i].cell);
	printf("%s: %s=%s%s%s\n", label, b->m.keys[b->axis], value_at(b, i), sb.len ? ": " : "", strbuf_str(&sb));
	strbuf_release(&sb);
}

/* A range answer: the skipped values between the last good and the first bad one. */
static void print_range(const struct bisect_cmd *b, const struct bisect_result *r)
{
	int up = r->last_good < r->first_bad;
	struct strbuf cand = { 0 }, why = { 0 };

	for (size_t i = up ? r->last_good + 1 : r->last_good - 1; i != r->first_bad; i = up ? i + 1 : i - 1) {
		strbuf_addf(&cand, "%s, ", value_at(b, i));
		strbuf_addf(&why, "%s%s (", why.len ? "; " : "", value_at(b, i));
		if (b->t[i].cell)
			describe(&why, b->t[i].cell);
		else
			strbuf_addstr(&why, "no such cell");
		strbuf_addch(&why, ')');
	}
	printf("answer: a range, not one value: the first bad %s is one of %s%s; untestable: %s\n", b->m.keys[b->axis],
	       strbuf_str(&cand), value_at(b, r->first_bad), strbuf_str(&why));
	strbuf_release(&cand);
	strbuf_release(&why);
}

static void print_answer(const struct bisect_cmd *b, const struct bisect_result *r, size_t good, size_t bad, int argc,
			 char **argv)
{
	const char *axis = b->m.keys[b->axis];
	size_t span = (good < bad ? bad - good : good - bad) + 1;

	switch (r->outcome) {
	case BISECT_FOUND:
	case BISECT_RANGE:
		print_value(b, r->outcome == BISECT_FOUND ? "first bad" : "first tested bad", r->first_bad);
		print_value(b, "last good", r->last_good);
		if (r->outcome == BISECT_RANGE)
			print_range(b, r);
		if (bad < good)
			printf("fixed in: %s=%s (--good is the newer end: the breakage goes away there)\n", axis,
			       value_at(b, r->last_good));
		break;
	case BISECT_GOOD_NOT_GOOD:
		print_value(b, "not good", good);
		printf("answer: none: %s=%s, given as --good, is bad; choose a good value as --good\n", axis,
		       value_at(b, good));
		break;
	case BISECT_GOOD_UNTESTABLE:
		print_value(b, "untestable", good);
		printf("answer: none: %s=%s, given as --good, could not be tested; choose another --good\n", axis,
		       value_at(b, good));
		break;
	case BISECT_BAD_NOT_BAD:
		print_value(b, "not bad", bad);
		printf("answer: none: %s=%s, given as --bad, is good: it does not show the breakage asked for\n", axis,
		       value_at(b, bad));
		break;
	case BISECT_BAD_UNTESTABLE:
		print_value(b, "untestable", bad);
		printf("answer: none: %s=%s, given as --bad, could not be tested; choose another --bad\n", axis,
		       value_at(b, bad));
		break;
	}
	printf("cells tested: %zu (%zu run, %zu from earlier runs); at most %zu for %zu values when every "
	       "value is testable\n",
	       r->tested, b->ran, b->reused, bisect_bound(span), span);
	switch (r->outcome) {
	case BISECT_FOUND:
	case BISECT_RANGE:
	case BISECT_GOOD_NOT_GOOD:
		print_repro(b, r->outcome == BISECT_GOOD_NOT_GOOD ? good : r->first_bad, argc, argv);
		break;
	case BISECT_GOOD_UNTESTABLE:
		print_repro(b, good, argc, argv);
		break;
	case BISECT_BAD_NOT_BAD:
	case BISECT_BAD_UNTESTABLE:
		print_repro(b, bad, argc, argv);
		break;
	}
}

/* The index of VALUE among the axis' values, or -1 with an error naming them. */
static long axis_value(const struct bisect_cmd *b, const char *opt, const char *value)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < b->m.naxis_values[b->axis]; i++)
		if (strcmp(value_at(b, i), value) == 0)
			return (long)i;
	for (size_t i = 0; i < b->m.naxis_values[b->axis]; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", value_at(b, i));
	error(EC_EXIT_INPUT, "%s %s: not a value of axis %s in matrix %s (values: %s)", opt, value, b->m.keys[b->axis],
	      b->m.path, strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

static int check_class(const char *cls)
{
	struct classify_table *t;
	int known;

	if (strcmp(cls, CLASSIFY_UNCLASSIFIED) == 0 || strcmp(cls, "timeout") == 0)
		return 0;
	if (classify_load(&t, NULL))
		return -1;
	known = classify_find(t, cls) != NULL;
	classify_free(t);
	return known ? 0
		     : error(EC_EXIT_INPUT,
			     "--class %s: not a breakage class (see matrix/signatures.json, "
			     "or 'unclassified')",
			     cls);
}

static void bisect_cmd_release(struct bisect_cmd *b)
{
	for (size_t i = 0; b->t && i < b->m.naxis_values[b->axis]; i++) {
		if (b->t[i].own) {
			runfile_release(b->t[i].own);
			free(b->t[i].own);
		}
		free(b->t[i].dir);
	}
	free(b->t);
	for (size_t k = 0; k < b->nfrom; k++)
		runfile_release(&b->from[k]);
	free(b->from);
	free(b->from_dirs);
	free(b->cells);
	matrix_release(&b->m);
}

/*
 * --history FILE: the newest recorded result of each cell, read after the
 * --from runs, the newest run first (the first run holding a cell gives it).
 * 0, or the exit code after printing the error.
 */
static int add_history(struct bisect_cmd *b, const char *file)
{
	struct runfile *runs = NULL;
	size_t n = 0, cap = b->nfrom, dcap = b->nfrom;
	int rc = cmd_history_runs(file, &runs, &n);

	if (!rc && n) {
		xgrow(&b->from, &cap, b->nfrom + n, sizeof(*b->from));
		xgrow(&b->from_dirs, &dcap, b->nfrom + n, sizeof(*b->from_dirs));
		for (size_t k = n; k-- > 0; b->nfrom++) {
			b->from[b->nfrom] = runs[k];
			b->from_dirs[b->nfrom] = b->from[b->nfrom].path;
		}
	}
	free(runs);
	return rc;
}

/* --stage S: checked to be a stage, kept by name in the const char * at opt->value. */
static int read_stage(const struct option_spec *opt, const char *arg)
{
	if (stage_from_name(arg) < 0)
		return error(EC_EXIT_INPUT, "--stage %s: not a stage (std, compile, link, main, inspect, load, run)",
			     arg);
	*(const char **)opt->value = arg;
	return 0;
}

int cmd_bisect(int argc, char **argv)
{
	struct option_pairs only = { 0 };
	struct option_strings from = { 0 };
	const char *axis = NULL, *good_v = NULL, *bad_v = NULL, *history_file = NULL;
	struct bisect_cmd b;
	const struct option_spec opts[] = {
		OPT_STRING(0, "axis", &axis),
		OPT_STRING(0, "good", &good_v),
		OPT_STRING(0, "bad", &bad_v),
		OPT_PAIRS(0, "only", &only, "AXIS=VALUE"),
		OPT_STRING(0, "cell", &b.cell_id),
		OPT_STRING(0, "class", &b.pred.cls),
		OPT_CALLBACK(0, "stage", &b.pred.stage, read_stage),
		OPT_STRING_LIST(0, "from", &from),
		OPT_STRING(0, "history", &history_file),
		OPT_STRING('o', "output", &b.out),
		OPT_INT('j', "jobs", &b.jobs, 1, 1024, "a number of slots"),
		OPT_FLAG('v', "verbose", &b.verbose),
		OPT_STRING(0, "fake-toolchains", &b.fake),
		OPT_END(),
	};
	struct bisect_result r;
	long good, bad;
	int first, rc, key;

	memset(&b, 0, sizeof(b));
	memset(&r, 0, sizeof(r));
	b.out = "emcompat-bisect";
	if ((first = options_parse(argc, argv, opts, 0)) < 0) {
		free(only.v);
		free(from.v);
		return EC_EXIT_INPUT;
	}
	b.from = xcalloc(from.n, sizeof(*b.from));
	b.from_dirs = from.v;
	b.nfrom = from.n;
	if (argc - first > 1) {
		fprintf(stderr, "emcompat bisect: one MATRIX at most, got '%s' and '%s'\n", argv[first],
			argv[first + 1]);
		goto usage;
	}
	if (!axis || !good_v || !bad_v) {
		fprintf(stderr, "emcompat bisect: --axis, --good and --bad are required\n");
		goto usage;
	}
	b.matrix = first < argc ? argv[first] : NULL;
	if ((b.pred.cls && check_class(b.pred.cls)) || matrix_load(&b.m, b.matrix))
		goto input;
	key = matrix_key_index(&b.m, axis);
	if (key < 0 || (size_t)key >= b.m.naxes) {
		error(EC_EXIT_INPUT, "--axis %s: not an axis of matrix %s", axis, b.m.path);
		goto input;
	}
	b.axis = (size_t)key;
	if ((good = axis_value(&b, "--good", good_v)) < 0 || (bad = axis_value(&b, "--bad", bad_v)) < 0)
		goto input;
	if (good == bad) {
		error(EC_EXIT_INPUT, "--good and --bad are both %s: nothing to bisect", good_v);
		goto input;
	}
	b.cells = xcalloc(b.m.naxis_values[b.axis], sizeof(*b.cells));
	if (bisect_pick_cells(&b.m, b.axis, (size_t)good, (size_t)bad, b.cell_id, only.v, only.n, b.cells))
		goto input;
	for (size_t k = 0; k < b.nfrom; k++)
		if (runfile_load(&b.from[k], b.from_dirs[k])) {
			for (size_t j = 0; j < k; j++)
				runfile_release(&b.from[j]);
			b.nfrom = 0;
			goto input;
		}
	if ((rc = add_history(&b, history_file))) {
		bisect_cmd_release(&b);
		free(only.v);
		return rc;
	}
	b.t = xcalloc(b.m.naxis_values[b.axis], sizeof(*b.t));

	printf("emcompat bisect: %s from %s (good) to %s (bad), %zu values, matrix %s\n", axis, good_v, bad_v,
	       (size_t)(good < bad ? bad - good : good - bad) + 1, b.m.path);
	printf("emcompat bisect: bad = the cell %s%s%s%s%s; pass = good; error = untestable (skipped)\n",
	       b.pred.cls || b.pred.stage ? "fails" : "fails (fail or timeout)", b.pred.cls ? " with class " : "",
	       b.pred.cls ? b.pred.cls : "", b.pred.stage ? " at stage " : "", b.pred.stage ? b.pred.stage : "");
	if (b.pred.cls || b.pred.stage)
		printf("emcompat bisect: other failures are skipped\n");
	fflush(stdout);
	if (bisect_search(b.m.naxis_values[b.axis], (size_t)good, (size_t)bad, test_value, &b, &r)) {
		rc = b.stop;
	} else {
		print_answer(&b, &r, (size_t)good, (size_t)bad, argc, argv);
		rc = r.outcome == BISECT_FOUND ? EC_EXIT_OK : EC_EXIT_FAILED;
	}
	if (fflush(stdout) != 0)
		rc = EC_EXIT_INTERNAL;
	bisect_result_release(&r);
	bisect_cmd_release(&b);
	free(only.v);
	return rc;
input:
	rc = cli_report_error();
	bisect_cmd_release(&b);
	free(only.v);
	return rc;
usage:
	bisect_cmd_release(&b);
	free(only.v);
	cli_usage(stderr, "bisect");
	return EC_EXIT_INPUT;
}
