#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/history.h"
#include "emcompat/options.h"
#include "emcompat/util.h"

/* One letter per status in a cell's strip of runs, in enum cell_status order. */
static const char strip_letters[CELL_STATUS_COUNT] = { 'P', 'F', 'E', 'T', 'B', 'S', '~' };

static int failing(int status)
{
	return status >= 0 && !runfile_status_ok((enum cell_status)status);
}

/* IDENTITY's first line, and its LLVM when it names one. */
static void put_identity(FILE *f, const char *identity)
{
	const char *llvm;

	if (!identity) {
		fputs("(not recorded)", f);
		return;
	}
	fprintf(f, "%.*s", (int)strcspn(identity, "\n"), identity);
	if ((llvm = strstr(identity, "\nLLVM version: ")))
		fprintf(f, ", LLVM %.*s", (int)strcspn(llvm + 15, "\n"), llvm + 15);
}

static void put_changes(FILE *f, const struct history_report *r, const struct history_cell *c)
{
	int narrowed = 0;

	fprintf(f, "         changed between the last good run (%.10s, %s) and the first bad one (%.10s, %s):\n",
		c->passed->started, c->passed->run_id, c->bad->started, c->bad->run_id);
	for (size_t i = 0; i < c->nchanges; i++) {
		const struct history_change *x = &c->changes[i];

		fprintf(f, "           %s %s: ", x->kind, x->version);
		put_identity(f, x->good);
		fputs("\n             -> ", f);
		put_identity(f, x->bad);
		fputc('\n', f);
	}
	for (size_t i = 0; i < c->nchanges; i++) {
		const struct history_change *x = &c->changes[i];

		if (!x->good_value || !x->bad_value)
			continue;
		char *m = cli_shell_quote(r->newest->matrix && *r->newest->matrix ? r->newest->matrix : "MATRIX");
		char *id = cli_shell_quote(c->id);

		fprintf(f, "         %s emcompat fetch %s %s %s\n", narrowed++ ? "          " : "narrow it:", x->kind,
			x->good_value, x->bad_value);
		fprintf(f, "                    emcompat bisect %s --axis %s --good %s --bad %s --cell %s\n", m,
			x->axis, x->good_value, x->bad_value, id);
		free(m);
		free(id);
	}
}

static void put_cell(FILE *f, const struct history_report *r, const struct history_cell *c)
{
	size_t shown = r->nruns - r->first;

	for (size_t i = 0; i < shown; i++)
		fputc(c->status[i] < 0 ? '.' : strip_letters[c->status[i]], f);
	fprintf(f, "  %s: %s", c->id, c->now < 0 ? "not in the newest run" : cell_status_name(c->now));
	if (c->stage)
		fprintf(f, " at %s", c->stage);
	if (c->cls)
		fprintf(f, ": %s", c->cls);
	if (c->summary && failing(c->now))
		fprintf(f, ": %s", c->summary);
	fputc('\n', f);
	if (failing(c->now)) {
		fprintf(f, "         failing since %.10s (%zu run%s)", c->since->started, c->failing,
			c->failing == 1 ? "" : "s");
		if (c->passed)
			fprintf(f, "; last passed %.10s\n", c->passed->started);
		else
			fprintf(f, "; never passed in the %zu recorded runs\n", r->nruns);
	} else if (c->passed && c->passed != r->newest) {
		fprintf(f, "         last passed %.10s\n", c->passed->started);
	}
	if (history_cell_flaky(c))
		fprintf(f, "         flaky across nights: %zu flips in %zu runs with none of its toolchains changed\n",
			c->unexplained, shown);
	if (c->bad && c->nchanges)
		put_changes(f, r, c);
	else if (c->bad)
		fprintf(f,
			"         none of its toolchains changed between the last good run (%s) and the first bad one "
			"(%.10s): the cause is elsewhere (the matrix, emcompat, the machine) or it is flaky\n",
			c->passed->started, c->bad->started);
}

static int query(int argc, char **argv)
{
	struct option_pairs only = { 0 };
	struct history_query q = { 0 };
	const char *cell = NULL, *matrix = NULL, *file;
	int json = 0, all = 0, last = 14, first, rc = EC_EXIT_OK;
	const struct option_spec opts[] = {
		OPT_PAIRS(0, "only", &only, "AXIS=VALUE"),
		OPT_STRING(0, "cell", &cell),
		OPT_INT(0, "last", &last, 1, 100000, "a number of runs"),
		OPT_STRING(0, "matrix", &matrix),
		OPT_FLAG(0, "all", &all),
		OPT_FLAG(0, "json", &json),
		OPT_END(),
	};
	struct history h;
	struct history_report r;

	if ((first = options_parse(argc, argv, opts, 0)) < 0) {
		free(only.v);
		return EC_EXIT_INPUT;
	}
	file = first < argc ? argv[first] : getenv("EMCOMPAT_HISTORY");
	if (!file || argc - first > 1) {
		fprintf(stderr, "emcompat history: %s\n",
			!file ? "which history? (FILE, or $EMCOMPAT_HISTORY)" : "one FILE at most");
		free(only.v);
		cli_usage(stderr, "history");
		return EC_EXIT_INPUT;
	}
	q.matrix = matrix;
	q.only = only.v;
	q.nonly = only.n;
	q.cell = cell;
	q.last = (size_t)last;
	q.all = all;
	if (history_open(&h, file) || history_report(&h, &q, &r)) {
		history_close(&h);
		free(only.v);
		return cli_report_error();
	}
	for (size_t i = 0; i < r.ncells; i++)
		if (failing(r.cells[i].now))
			rc = EC_EXIT_FAILED;
	if (json) {
		cli_put_json(history_report_json(&r));
	} else {
		/* Cell ids, classes, summaries and identities come from the runs' results.json. */
		struct cli_text t;
		FILE *f = cli_text_open(&t);
		size_t shown = r.nruns - r.first;

		fprintf(f, "emcompat history: matrix %s%s%s%s, %zu of %zu recorded runs shown (%.10s", r.newest->matrix,
			r.newest->name ? " (\"" : "", r.newest->name ? r.newest->name : "", r.newest->name ? "\")" : "",
			shown, r.nruns, r.runs[r.first].started);
		fprintf(f, " to %.10s)\n", r.newest->started);
		fputs("runs oldest first: P pass, F fail, T timeout, E error, B blocked, S skipped, ~ flaky, . not "
		      "run\n",
		      f);
		for (size_t i = 0; i < r.ncells; i++)
			put_cell(f, &r, &r.cells[i]);
		if (r.quiet)
			fprintf(f, "%zu cell%s passed in every run shown (--all shows them)\n", r.quiet,
				r.quiet == 1 ? "" : "s");
		cli_text_close(&t, stdout);
	}
	history_report_release(&r);
	history_close(&h);
	free(only.v);
	return fflush(stdout) == 0 ? rc : EC_EXIT_INTERNAL;
}

/* Whether operand ARG names a run (a directory, or a results.json) rather than a history file. */
static int names_run(const char *arg)
{
	struct stat sb;
	const char *base = strrchr(arg, '/');

	return (stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode)) || strcmp(base ? base + 1 : arg, "results.json") == 0;
}

static int add(int argc, char **argv)
{
	const struct option_spec opts[] = { OPT_END() };
	const char *file;
	struct history h;
	int first = options_parse(argc, argv, opts, 0);

	if (first < 0)
		return EC_EXIT_INPUT;
	if (first < argc && getenv("EMCOMPAT_HISTORY") && names_run(argv[first]))
		file = getenv("EMCOMPAT_HISTORY");
	else
		file = first < argc ? argv[first++] : NULL;
	if (!file || first >= argc) {
		fprintf(stderr, "emcompat history add: %s\n", !file ? "which history? (FILE)" : "which runs? (RUN...)");
		cli_usage(stderr, "history");
		return EC_EXIT_INPUT;
	}
	if (history_open(&h, file))
		return cli_report_error();
	for (int i = first; i < argc; i++) {
		int rc = history_add_dir(&h, argv[i]);

		if (rc < 0) {
			history_close(&h);
			return cli_report_error();
		}
		printf("emcompat history: %s %s\n", rc ? "recorded" : "already recorded:", argv[i]);
	}
	history_close(&h);
	return fflush(stdout) == 0 ? EC_EXIT_OK : EC_EXIT_INTERNAL;
}

int cmd_history(int argc, char **argv)
{
	/* add's options are read under the name "history": its messages and usage are history's. */
	if (argc > 1 && strcmp(argv[1], "add") == 0) {
		argv[1] = argv[0];
		return add(argc - 1, argv + 1);
	}
	return query(argc, argv);
}

int cmd_history_open(struct history *h, const char *option)
{
	const char *file = option ? option : getenv("EMCOMPAT_HISTORY");

	memset(h, 0, sizeof(*h));
	if (!file || !*file)
		return 0;
	return history_open(h, file) ? cli_report_error() : 0;
}

int cmd_history_record(struct history *h, const char *dir)
{
	int rc;

	if (!h->db)
		return 0;
	rc = history_add_dir(h, dir);
	if (rc < 0) {
		rc = cli_report_error();
		history_close(h);
		return rc;
	}
	printf("emcompat: %s in history %s\n", rc ? "recorded" : "already recorded", h->path);
	history_close(h);
	return 0;
}

int cmd_history_runs(const char *option, struct runfile **runs, size_t *n)
{
	struct history h;
	char *dir = NULL;
	const char *file = option ? option : getenv("EMCOMPAT_HISTORY");
	size_t got = 0, loaded = 0, cap;
	struct stat sb;
	int rc;

	/* A reader does not make a history. */
	if (file && *file && lstat(file, &sb) != 0 && errno == ENOENT) {
		error(EC_EXIT_INPUT, "%s: no such history", file);
		return cli_report_error();
	}
	if ((rc = cmd_history_open(&h, option)) || !h.db)
		return rc;
	if (history_newest_dir(&h, &dir, &got)) {
		history_close(&h);
		return cli_report_error();
	}
	cap = *n;
	xgrow(runs, &cap, *n + got + 1, sizeof(**runs));
	for (; loaded < got; loaded++) {
		struct runfile *rf = &(*runs)[*n + loaded];
		char *sub = xasprintf("%s/%zu", dir, loaded);

		rc = runfile_load(rf, sub);
		free(sub);
		if (rc)
			break;
		free(rf->dir);
		free(rf->path);
		rf->dir = xstrdup(h.path);
		rf->path = xasprintf("%s: run %s", h.path, rf->id);
	}
	if (loaded < got) {
		rc = cli_report_error();
		for (size_t i = 0; i < loaded; i++)
			runfile_release(&(*runs)[*n + i]);
		loaded = 0;
	}
	*n += loaded;
	if (remove_tree(dir))
		error_clear();
	free(dir);
	history_close(&h);
	return rc;
}
