/*
 * emcompat inspect FILE [--json] [--against MAIN] [--llvm VERSION]: reads
 * a wasm object, side or main module, bitcode file or archive, prints what
 * matters for compatibility and the findings, and predicts what fails when
 * FILE is loaded into MAIN. Exit 0: no error finding; 1: a predicted
 * failure; 2: bad usage or a file that is not valid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/options.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"
#include "emcompat/wasm_json.h"

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Text output lists this many imports or exports; --json lists all. */
#define LIST_MAX 200

static void print_list_sep(const char *label, size_t n)
{
	printf("%s (%zu):%s\n", label, n, n ? "" : " none");
}

static void print_producers(const struct wasm_module *m)
{
	const char *field = NULL;

	printf("producers:");
	if (!m->nproducers)
		printf(" none");
	for (size_t i = 0; i < m->nproducers; i++) {
		const struct wasm_producer *p = &m->producers[i];

		if (!field || strcmp(field, p->field) != 0) {
			printf("%s %s", field ? ";" : "", p->field);
			field = p->field;
		} else {
			printf(",");
		}
		printf(" %s%s%s", p->name, p->version[0] ? " " : "", p->version);
	}
	printf("\n");
}

static void print_features(const struct wasm_module *m)
{
	printf("target features:");
	if (!m->nfeatures)
		printf(" none");
	for (size_t i = 0; i < m->nfeatures; i++)
		printf(" %c%s", m->features[i].prefix, m->features[i].name);
	printf("\n");
}

static void print_dylink(const struct wasm_module *m)
{
	const struct wasm_dylink *d = &m->dylink;

	if (!d->section)
		return;
	printf("%s: memory %u bytes (align 2^%u), table %u slots (align 2^%u); needed:", d->section, d->mem_size,
	       d->mem_p2align, d->table_size, d->table_p2align);
	if (!d->nneeded)
		printf(" none");
	for (size_t i = 0; i < d->nneeded; i++)
		printf(" %s", d->needed[i]);
	if (d->nexport_info || d->nimport_info)
		printf("; export info %zu, import info %zu", d->nexport_info, d->nimport_info);
	printf("\n");
}

static void print_linking(const struct wasm_module *m)
{
	const struct wasm_linking *l = &m->linking;
	size_t undefined = 0;

	if (!l->present)
		return;
	for (size_t i = 0; i < l->nsymbols; i++)
		undefined += (l->symbols[i].flags & WASM_SYM_UNDEFINED) != 0;
	printf("linking: version %u, %zu symbols (%zu undefined), %zu segments, %zu init functions, %zu comdats\n",
	       l->version, l->nsymbols, undefined, l->nsegments, l->ninit_funcs, l->ncomdats);
}

static void print_relocs(const struct wasm_module *m)
{
	if (!m->nrelocs) {
		if (m->linking.present)
			printf("relocations: none\n");
		return;
	}
	for (size_t i = 0; i < m->nrelocs; i++) {
		const struct wasm_reloc_section *rs = &m->relocs[i];
		int first = 1;

		printf("relocations: %s -> section %u (%s), %u:", rs->name, rs->target,
		       rs->target < m->nsections ? m->sections[rs->target].name : "?", rs->count);
		for (unsigned t = 0; t < WASM_RELOC_KNOWN; t++) {
			if (!rs->type_count[t])
				continue;
			printf("%s %s %u", first ? "" : ",", wasm_reloc_name(t), rs->type_count[t]);
			first = 0;
		}
		printf("\n");
	}
}

static void print_bitcode(const struct wasm_module *m)
{
	const struct wasm_bitcode *b = &m->bitcode;

	if (!b->present)
		return;
	printf("%s: producer %s%s%s", m->kind == WASM_KIND_BITCODE ? "bitcode" : "embedded bitcode (.llvmbc)",
	       b->producer ? "\"" : "", b->producer ? b->producer : "unknown", b->producer ? "\"" : "");
	if (b->llvm_version)
		printf(" (LLVM %s)", b->llvm_version);
	printf(", epoch %u%s, %zu bytes\n", b->epoch, b->wrapper ? ", in a wrapper" : "", b->size);
}

static void print_limits(const struct wasm_limits *l)
{
	printf(" %llu..", (unsigned long long)l->min);
	if (l->has_max)
		printf("%llu", (unsigned long long)l->max);
	printf("%s%s", l->shared ? " shared" : "", l->is64 ? " i64" : "");
}

/* Memory and table needs: what a host must provide or allow. */
static void print_memories_tables(const struct wasm_module *m)
{
	size_t n = 0;

	printf("memories:");
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_MEMORY) {
			printf("%s imported %s.%s pages", n++ ? ";" : "", im->module, im->name);
			print_limits(&im->limits);
		}
	}
	for (size_t i = 0; i < m->nmemories; i++) {
		printf("%s defined pages", n++ ? ";" : "");
		print_limits(&m->memories[i]);
	}
	printf("%s\ntables:", n ? "" : " none");
	n = 0;
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_TABLE)
			printf("%s imported %s.%s %s", n++ ? ";" : "", im->module, im->name, im->signature);
	}
	for (size_t i = 0; i < m->ntables; i++) {
		printf("%s defined", n++ ? ";" : "");
		print_limits(&m->table_limits[i]);
	}
	printf("%s\n", n ? "" : " none");
}

static void print_imports_exports(const struct wasm_module *m)
{
	print_list_sep("imports", m->nimports);
	for (size_t i = 0; i < m->nimports && i < LIST_MAX; i++) {
		const struct wasm_import *im = &m->imports[i];
		char name[512];

		snprintf(name, sizeof(name), "%s.%s", im->module, im->name);
		printf("  %-7s %-40s %s\n", wasm_extern_name(im->kind), name, im->signature);
	}
	if (m->nimports > LIST_MAX)
		printf("  ... and %zu more (--json lists all)\n", m->nimports - LIST_MAX);
	print_list_sep("exports", m->nexports);
	for (size_t i = 0; i < m->nexports && i < LIST_MAX; i++) {
		const struct wasm_export *ex = &m->exports[i];

		printf("  %-7s %-40s %s\n", wasm_extern_name(ex->kind), ex->name, ex->signature);
	}
	if (m->nexports > LIST_MAX)
		printf("  ... and %zu more (--json lists all)\n", m->nexports - LIST_MAX);
}

static void print_facts(const struct wasm_module *m)
{
	const struct wasm_facts *f = &m->facts;

	printf("facts:\n");
	printf("  exceptions: %s%s%s%s\n", wasm_eh_name(f->eh), f->eh_evidence ? " (" : "",
	       f->eh_evidence ? f->eh_evidence : "", f->eh_evidence ? ")" : "");
	printf("  bigint: %s%s%s%s\n", wasm_bigint_name(f->bigint), f->bigint_evidence ? " (" : "",
	       f->bigint_evidence ? f->bigint_evidence : "", f->bigint_evidence ? ")" : "");
	printf("  i64 in import/export signatures: ");
	if (!f->ni64_imports && !f->ni64_exports)
		printf("none");
	else
		printf("%zu %s, %zu %s", f->ni64_imports, plural(f->ni64_imports, "import", "imports"), f->ni64_exports,
		       plural(f->ni64_exports, "export", "exports"));
	for (size_t i = 0; i < f->ni64_imports && i < 8; i++)
		printf("%s%s", i ? ", " : ": ", f->i64_imports[i]);
	for (size_t i = 0; i < f->ni64_exports && i < 8; i++)
		printf("%s%s", i || f->ni64_imports ? ", " : ": ", f->i64_exports[i]);
	if (f->ni64_imports > 8 || f->ni64_exports > 8)
		printf(", ...");
	printf("\n");
	printf("  emscripten_get_now: %s\n", f->imports_get_now_underscore ? "imports _emscripten_get_now (misspelled)"
					     : f->imports_get_now          ? "imports emscripten_get_now"
									   : "not imported");
}

static void print_wasm(const struct wasm_module *m)
{
	size_t ncustom = 0;

	printf("sections:");
	for (size_t i = 0; i < m->nsections; i++)
		printf("%s %s%s%s", i ? "," : "", m->sections[i].id ? "" : "\"", m->sections[i].name,
		       m->sections[i].id ? "" : "\"");
	printf("%s\n", m->nsections ? "" : " none");
	printf("custom sections:");
	for (size_t i = 0; i < m->nsections; i++)
		if (m->sections[i].id == WASM_SEC_CUSTOM)
			printf("%s %s", ncustom++ ? "," : "", m->sections[i].name);
	printf("%s\n", ncustom ? "" : " none");
	print_producers(m);
	print_features(m);
	print_dylink(m);
	print_linking(m);
	print_relocs(m);
	print_bitcode(m);
	printf("functions: %zu defined, %zu imported; code %llu bytes; data %zu %s (%llu bytes)\n", m->nfuncs,
	       m->nimported_funcs, (unsigned long long)m->code_bytes, m->ndata_segments,
	       plural(m->ndata_segments, "segment", "segments"), (unsigned long long)m->data_bytes);
	print_memories_tables(m);
	print_imports_exports(m);
	print_facts(m);
}

static void print_member(const struct wasm_member *mb)
{
	const struct wasm_module *mm = mb->module;

	printf("  %-8s %-40s %8zu bytes", wasm_member_kind_name(mb->kind), mb->name, mb->size);
	if (mm && mm->kind == WASM_KIND_BITCODE)
		printf("  bitcode, producer %s", mm->bitcode.producer ? mm->bitcode.producer : "unknown");
	else if (mm)
		printf("  %s: %zu imports, %zu exports, %zu functions; exceptions %s", wasm_kind_name(mm->kind),
		       mm->nimports, mm->nexports, mm->nfuncs, wasm_eh_name(mm->facts.eh));
	printf("\n");
}

static void print_text(const struct wasm_module *m, const struct wasm_module *main, const struct wasm_findings *f)
{
	size_t e;

	printf("%s: %s, %zu bytes (%s)\n", m->path, wasm_kind_name(m->kind), m->file_size, m->kind_reason);
	if (m->kind == WASM_KIND_ARCHIVE) {
		print_list_sep("members", m->nmembers);
		for (size_t i = 0; i < m->nmembers; i++)
			print_member(&m->members[i]);
		printf("'emcompat inspect --json' shows each member in full.\n");
	} else if (m->kind == WASM_KIND_BITCODE) {
		print_bitcode(m);
	} else {
		print_wasm(m);
	}
	for (size_t i = 0; i < m->nnotes; i++)
		printf("note: %s\n", m->notes[i]);
	if (main)
		printf("against %s: %s; exceptions %s; bigint %s; %zu exports, %zu imports\n", main->path,
		       wasm_kind_name(main->kind), wasm_eh_name(main->facts.eh), wasm_bigint_name(main->facts.bigint),
		       main->nexports, main->nimports);
	for (e = 0; e < f->n && f->items[e].severity != WASM_SEVERITY_ERROR; e++)
		;
	if (e < f->n)
		printf("prediction: fail (%s)\n", f->items[e].class_id);
	else
		printf("prediction: pass\n");
	print_list_sep("findings", f->n);
	for (size_t i = 0; i < f->n; i++)
		printf("  %-7s %s: %s\n", wasm_severity_name(f->items[i].severity), f->items[i].class_id,
		       f->items[i].message);
}

int cmd_inspect(int argc, char **argv)
{
	const char *against = NULL, *llvm = NULL;
	int json = 0, exit_zero = 0, rc;
	const struct option_spec opts[] = {
		OPT_FLAG(0, "json", &json),
		OPT_STRING(0, "against", &against),
		OPT_STRING(0, "llvm", &llvm),
		OPT_FLAG(0, "exit-zero", &exit_zero),
		OPT_END(),
	};
	struct wasm_module m, main;
	struct wasm_findings f;
	int first = options_parse(argc, argv, opts, 0);

	if (first < 0)
		return EC_EXIT_INPUT;
	if (argc - first != 1) {
		fprintf(stderr, "emcompat inspect: expected one FILE, got %d\n", argc - first);
		cli_usage(stderr, "inspect");
		return EC_EXIT_INPUT;
	}
	if (wasm_inspect_checked(argv[first], against, llvm, &m, &main, &f))
		return cli_report_error();
	if (json) {
		cJSON *root = wasm_module_to_json(&m, &f);
		char *text = json_print(root, 0);

		fputs(text, stdout);
		fputc('\n', stdout);
		free(text);
		cJSON_Delete(root);
	} else {
		print_text(&m, against ? &main : NULL, &f);
	}
	rc = wasm_findings_count(&f, WASM_SEVERITY_ERROR) && !exit_zero ? EC_EXIT_FAILED : EC_EXIT_OK;
	wasm_findings_release(&f);
	wasm_module_release(&m);
	wasm_module_release(&main);
	if (fflush(stdout)) {
		error(EC_EXIT_INTERNAL, "writing to stdout failed");
		return cli_report_error();
	}
	return rc;
}
