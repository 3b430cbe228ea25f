#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "emcompat/classify.h"
#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/stage.h"
#include "emcompat/util.h"

/* Reads all of standard input (a log piped in can be large). */
static int read_stdin(char **out, size_t *len)
{
	struct strbuf sb = {0};
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

static cJSON *result_json(const struct classify_result *r, int stage)
{
	cJSON *o = cJSON_CreateObject(), *lines, *refs;

	cJSON_AddStringToObject(o, "class", r->id);
	cJSON_AddStringToObject(o, "title", r->cls ? r->cls->title :
				r->kind == CLASSIFY_CLEAN ? "no error" : "an error no signature knows");
	if (stage >= 0)
		cJSON_AddStringToObject(o, "stage", stage_name(stage));
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
	return o;
}

static void print_text(const struct classify_result *r)
{
	printf("class:   %s\n", r->id);
	if (r->cls)
		printf("title:   %s\n", r->cls->title);
	printf("summary: %s\n", r->summary);
	for (size_t i = 0; i < r->nlines; i++)
		printf("%s %s\n", i ? "        " : "lines:  ", r->lines[i]);
	if (r->cls) {
		printf("cause:   %s\n", r->cls->explain);
		printf("fix:     %s\n", r->cls->fix);
		if (r->cls->nrefs) {
			printf("refs:   ");
			for (size_t i = 0; i < r->cls->nrefs; i++)
				printf(" %s%s", r->cls->refs[i], i + 1 < r->cls->nrefs ? "," : "");
			printf("\n");
		}
	}
}

int cmd_classify(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "stage", required_argument, NULL, 'S' },
		{ "json", no_argument, NULL, 'J' },
		{ "axis", required_argument, NULL, 'A' },
		{ "finding", required_argument, NULL, 'F' },
		{ "failed", no_argument, NULL, 'X' },
		{ "signatures", required_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	struct classify_fact *facts = xcalloc((size_t)argc, sizeof(*facts));
	const char **findings = xcalloc((size_t)argc, sizeof(*findings));
	struct classify_input in = { .stage = -1 };
	const char *table_path = NULL, *log_path = "-";
	struct classify_table *t = NULL;
	struct classify_result r;
	char *text = NULL;
	size_t len = 0;
	int json = 0, opt, rc = EC_EXIT_INPUT;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'S':
			in.stage = stage_from_name(optarg);
			if (in.stage < 0) {
				fprintf(stderr, "emcompat classify: unknown stage '%s' (expected std, compile, "
					"link, main, inspect, load or run)\n", optarg);
				goto out;
			}
			break;
		case 'J':
			json = 1;
			break;
		case 'A':
			if (cli_parse_only(optarg, &facts[in.nfacts].key, &facts[in.nfacts].value)) {
				error_clear();
				fprintf(stderr, "emcompat classify: --axis %s: expected KEY=VALUE\n", optarg);
				goto out;
			}
			in.nfacts++;
			break;
		case 'F':
			findings[in.nfindings++] = optarg;
			break;
		case 'X':
			in.failed = 1;
			break;
		case 'T':
			table_path = optarg;
			break;
		default:
			fprintf(stderr, "emcompat classify: unknown or incomplete option '%s'\n", argv[optind - 1]);
			cli_usage(stderr, "classify");
			goto out;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "emcompat classify: one LOG at most, got '%s' and '%s'\n",
			argv[optind], argv[optind + 1]);
		goto out;
	}
	if (optind < argc)
		log_path = argv[optind];
	if (classify_load(&t, table_path) ||
	    (strcmp(log_path, "-") == 0 ? read_stdin(&text, &len) : read_file(log_path, &text, &len))) {
		rc = cli_report_error();
		goto out;
	}

	in.logs = (const char *const *)&text;
	in.lens = &len;
	in.nlogs = 1;
	in.facts = facts;
	in.findings = findings;
	if (classify_run(t, &in, &r)) {
		rc = cli_report_error();
		goto out;
	}
	if (json) {
		cJSON *o = result_json(&r, in.stage);
		char *s = cJSON_PrintUnformatted(o);

		puts(s);
		free(s);
		cJSON_Delete(o);
	} else {
		print_text(&r);
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
	free(findings);
	return rc;
}
