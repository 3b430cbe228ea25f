#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/toolchain.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

/* The first line of the manifest's identity (rustc -vV has one per key). */
static void add_first_line(struct strbuf *sb, const char *s)
{
	if (!s)
		s = "?";
	strbuf_add(sb, s, strcspn(s, "\n"));
}

/* Manifests are files anyone could have written: shown through untrusted.h. */
static void print_text(const struct toolchain_set *s)
{
	struct strbuf sb = { 0 };

	strbuf_addf(&sb, "toolchains in %s\n", s->cache_dir);
	if (s->n == 0)
		strbuf_addf(&sb, "  none: run scripts/setup-toolchains.sh to install them\n");
	for (size_t i = 0; i < s->n; i++) {
		const struct toolchain *t = &s->items[i];
		const char *llvm = toolchain_str(t, "llvm");

		strbuf_addf(&sb, "  %-10s %-9s ", t->kind, t->version);
		add_first_line(&sb, toolchain_str(t, "identity"));
		if (llvm)
			strbuf_addf(&sb, "; LLVM %s", llvm);
		if (strcmp(t->kind, "rust") == 0)
			strbuf_addf(&sb, "; std for wasm32-unknown-emscripten: %s", toolchain_rust_std(t));
		if (strcmp(t->kind, "pyodide") == 0 && toolchain_str(t, "emscripten"))
			strbuf_addf(&sb, "; built with Emscripten %s", toolchain_str(t, "emscripten"));
		if (strcmp(t->kind, "pyo3") == 0 && toolchain_str(t, "rust_version") &&
		    *toolchain_str(t, "rust_version"))
			strbuf_addf(&sb, "; needs Rust %s", toolchain_str(t, "rust_version"));
		strbuf_addch(&sb, '\n');
	}
	untrusted_term_fputs(sb.buf ? sb.buf : "", stdout);
	strbuf_release(&sb);
}

static void print_json(const struct toolchain_set *s)
{
	cJSON *root = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(root, "toolchains");

	cJSON_AddStringToObject(root, "cache", s->cache_dir);
	for (size_t i = 0; i < s->n; i++) {
		cJSON *t = cJSON_Duplicate(s->items[i].json, 1);

		cJSON_AddStringToObject(t, "manifest", s->items[i].manifest);
		if (strcmp(s->items[i].kind, "rust") == 0 && !cJSON_HasObjectItem(t, "std"))
			cJSON_AddStringToObject(t, "std", toolchain_rust_std(&s->items[i]));
		cJSON_AddItemToArray(list, t);
	}
	cli_put_json(root);
}

int cmd_toolchains(int argc, char **argv)
{
	int json = 0;
	const struct option_spec opts[] = {
		OPT_FLAG(0, "json", &json),
		OPT_END(),
	};
	struct toolchain_set s;
	int first = options_parse(argc, argv, opts, OPTIONS_SAY_UNKNOWN);

	if (first < 0)
		return EC_EXIT_INPUT;
	if (first < argc) {
		fprintf(stderr, "emcompat toolchains: unexpected argument '%s'\n", argv[first]);
		return EC_EXIT_INPUT;
	}
	if (toolchain_scan(&s, NULL, NULL))
		return cli_report_error();
	if (json)
		print_json(&s);
	else
		print_text(&s);
	toolchain_set_release(&s);
	return fflush(stdout) ? EC_EXIT_INTERNAL : EC_EXIT_OK;
}
