#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "emcompat/classify.h"
#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/stage.h"
#include "emcompat/util.h"

/* Reads all of standard input (a log piped in can be large). */
static int read_stdin(char **out, size_t *len)
{
	struct strbuf sb = { 0 };
	char buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		strbuf_add(&sb, buf, n);
	if (ferror(stdin)) {
		strbuf_release(&sb);
		return error(EC_EXIT_INPUT, "reading the log from standard input failed");
	}
	*len = sb.len;
	*out = sb.buf ? strbuf_detach(&sb) : xstrdup("");
	return 0;
}

static cJSON *evidence_line_json(const struct evidence_line *l)
{
	cJSON *o = cJSON_CreateObject(), *tokens;

	cJSON_AddStringToObject(o, "tool", l->tool);
	cJSON_AddNumberToObject(o, "weight", l->weight);
	cJSON_AddNumberToObject(o, "line_number", (double)l->lineno);
	cJSON_AddStringToObject(o, "line", l->text);
	tokens = cJSON_AddObjectToObject(o, "tokens");
	for (int k = 0; k < EVIDENCE_KIND_COUNT; k++) {
		cJSON *arr = NULL;

		for (size_t i = 0; i < l->ntokens; i++) {
			if ((int)l->tokens[i].kind != k)
				continue;
			if (!arr)
				arr = cJSON_AddArrayToObject(tokens, evidence_kind_name((enum evidence_kind)k));
			cJSON_AddItemToArray(arr, cJSON_CreateString(l->tokens[i].text));
		}
	}
	return o;
}

/* What the classifier decided on: how, the line it rests on, every evidence line. */
static cJSON *evidence_json(const struct classify_result *r)
{
	static const char *const basis[] = { "none", "rule", "signature" };
	cJSON *o = cJSON_CreateObject(), *lines;

	cJSON_AddStringToObject(o, "decided_by", basis[r->basis]);
	if (r->used)
		cJSON_AddItemToObject(o, "used", evidence_line_json(r->used));
	else
		cJSON_AddNullToObject(o, "used");
	lines = cJSON_AddArrayToObject(o, "lines");
	for (size_t i = 0; i < r->evidence.nlines; i++)
		cJSON_AddItemToArray(lines, evidence_line_json(&r->evidence.lines[i]));
	return o;
}

static cJSON *result_json(const struct classify_result *r, const char *stage)
{
	cJSON *o = cJSON_CreateObject(), *lines, *refs;

	cJSON_AddStringToObject(o, "class", r->id);
	cJSON_AddStringToObject(o, "title",
				r->cls                      ? r->cls->title
				: r->kind == CLASSIFY_CLEAN ? "no error"
							    : "an error no signature knows");
	if (stage)
		cJSON_AddStringToObject(o, "stage", stage);
	else
		cJSON_AddNullToObject(o, "stage");
	cJSON_AddStringToObject(o, "summary", r->summary);
	lines = cJSON_AddArrayToObject(o, "lines");
	for (size_t i = 0; i < r->nlines; i++)
		cJSON_AddItemToArray(lines, cJSON_CreateString(r->lines[i]));
	cJSON_AddStringToObject(o, "explain", r->cls ? r->cls->explain : "");
	cJSON_AddStringToObject(o, "fix", r->cls ? r->cls->fix : "");
	refs = cJSON_AddArrayToObject(o, "refs");
	for (size_t i = 0; r->cls && i < r->cls->nrefs; i++)
		cJSON_AddItemToArray(refs, cJSON_CreateString(r->cls->refs[i]));
	cJSON_AddItemToObject(o, "evidence", evidence_json(r));
	return o;
}

static void print_text(FILE *out, const struct classify_result *r)
{
	fprintf(out, "class:   %s\n", r->id);
	if (r->cls)
		fprintf(out, "title:   %s\n", r->cls->title);
	fprintf(out, "summary: %s\n", r->summary);
	for (size_t i = 0; i < r->nlines; i++)
		fprintf(out, "%s %s\n", i ? "        " : "lines:  ", r->lines[i]);
	if (r->cls) {
		fprintf(out, "cause:   %s\n", r->cls->explain);
		fprintf(out, "fix:     %s\n", r->cls->fix);
		if (r->cls->nrefs) {
			fprintf(out, "refs:   ");
			for (size_t i = 0; i < r->cls->nrefs; i++)
				fprintf(out, " %s%s", r->cls->refs[i], i + 1 < r->cls->nrefs ? "," : "");
			fprintf(out, "\n");
		}
	}
}

/* --stage S as given, and the runner stage it restricts the classes to (-1: any). */
struct stage_arg {
	const char *name;  /* NULL: none given, or "none" */
	int stage;
};

/*
 * --stage S: a runner stage (std ... run) keeps the classes of that stage;
 * a stage of a user's own pipeline (configure, build, install, test) or
 * "none" says where the log comes from but restricts nothing.
 */
static int read_stage(const struct option_spec *opt, const char *arg)
{
	static const char *const user_stages[] = { "configure", "build", "install", "test", "none" };
	struct stage_arg *sa = opt->value;
	int stage = stage_from_name(arg), user = 0;

	for (size_t i = 0; i < sizeof(user_stages) / sizeof(*user_stages); i++)
		user |= strcmp(arg, user_stages[i]) == 0;
	if (stage < 0 && !user)
		return error(EC_EXIT_INPUT,
			     "unknown stage '%s' (expected std, compile, link, main, inspect, load or run; or, "
			     "for a log of your own, configure, build, install, test or none)",
			     arg);
	sa->stage = stage;
	sa->name = strcmp(arg, "none") == 0 ? NULL : arg;
	return 0;
}

int cmd_classify(int argc, char **argv)
{
	struct classify_input in = { .stage = -1 };
	struct stage_arg stage = { NULL, -1 };
	struct option_pairs axes = { 0 };
	struct option_strings findings = { 0 };
	const char *table_path = NULL, *log_path = "-";
	int json = 0, first, rc = EC_EXIT_INPUT;
	const struct option_spec opts[] = {
		OPT_CALLBACK(0, "stage", &stage, read_stage),
		OPT_FLAG(0, "json", &json),
		OPT_PAIRS(0, "axis", &axes, "KEY=VALUE"),
		OPT_STRING_LIST(0, "finding", &findings),
		OPT_FLAG(0, "failed", &in.failed),
		OPT_STRING(0, "signatures", &table_path),
		OPT_END(),
	};
	struct classify_fact *facts = NULL;
	struct classify_table *t = NULL;
	struct classify_result r;
	char *text = NULL;
	size_t len = 0;

	if ((first = options_parse(argc, argv, opts, OPTIONS_NAME_COMMAND)) < 0)
		goto out;
	if (argc - first > 1) {
		fprintf(stderr, "emcompat classify: one LOG at most, got '%s' and '%s'\n", argv[first],
			argv[first + 1]);
		goto out;
	}
	if (first < argc)
		log_path = argv[first];
	if (classify_load(&t, table_path) ||
	    (strcmp(log_path, "-") == 0 ? read_stdin(&text, &len) : read_file(log_path, &text, &len))) {
		rc = cli_report_error();
		goto out;
	}

	in.stage = stage.stage;
	in.logs = (const char *const *)&text;
	in.lens = &len;
	in.nlogs = 1;
	facts = xcalloc(axes.n, sizeof(*facts));
	for (size_t i = 0; i < axes.n; i++) {
		facts[i].key = axes.v[i].key;
		facts[i].value = axes.v[i].value;
	}
	in.facts = facts;
	in.nfacts = axes.n;
	in.findings = findings.v;
	in.nfindings = findings.n;
	if (classify_run(t, &in, &r)) {
		rc = cli_report_error();
		goto out;
	}
	if (json) {
		cli_put_json(result_json(&r, stage.name));
	} else {
		/* The summary and lines are the log's text. */
		struct cli_text out;

		print_text(cli_text_open(&out), &r);
		cli_text_close(&out, stdout);
	}
	rc = r.kind == CLASSIFY_UNKNOWN ? EC_EXIT_FAILED : EC_EXIT_OK;
	classify_result_release(&r);
	if (fflush(stdout)) {
		error(EC_EXIT_INTERNAL, "writing to stdout failed");
		rc = cli_report_error();
	}
out:
	classify_free(t);
	free(text);
	free(facts);
	free(axes.v);
	free(findings.v);
	return rc;
}
