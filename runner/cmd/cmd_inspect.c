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

static void print_list_sep(FILE *out, const char *label, size_t n)
{
	fprintf(out, "%s (%zu):%s\n", label, n, n ? "" : " none");
}

static void print_producers(FILE *out, const struct wasm_module *m)
{
	const char *field = NULL;

	fprintf(out, "producers:");
	if (!m->nproducers)
		fprintf(out, " none");
	for (size_t i = 0; i < m->nproducers; i++) {
		const struct wasm_producer *p = &m->producers[i];

		if (!field || strcmp(field, p->field) != 0) {
			fprintf(out, "%s %s", field ? ";" : "", p->field);
			field = p->field;
		} else {
			fprintf(out, ",");
		}
		fprintf(out, " %s%s%s", p->name, p->version[0] ? " " : "", p->version);
	}
	fprintf(out, "\n");
}

static void print_features(FILE *out, const struct wasm_module *m)
{
	fprintf(out, "target features:");
	if (!m->nfeatures)
		fprintf(out, " none");
	for (size_t i = 0; i < m->nfeatures; i++)
		fprintf(out, " %c%s", m->features[i].prefix, m->features[i].name);
	fprintf(out, "\n");
}

static void print_dylink(FILE *out, const struct wasm_module *m)
{
	const struct wasm_dylink *d = &m->dylink;

	if (!d->section)
		return;
	fprintf(out, "%s: memory %u bytes (align 2^%u), table %u slots (align 2^%u); needed:", d->section, d->mem_size,
		d->mem_p2align, d->table_size, d->table_p2align);
	if (!d->nneeded)
		fprintf(out, " none");
	for (size_t i = 0; i < d->nneeded; i++)
		fprintf(out, " %s", d->needed[i]);
	if (d->nexport_info || d->nimport_info)
		fprintf(out, "; export info %zu, import info %zu", d->nexport_info, d->nimport_info);
	fprintf(out, "\n");
}

static void print_linking(FILE *out, const struct wasm_module *m)
{
	const struct wasm_linking *l = &m->linking;
	size_t undefined = 0;

	if (!l->present)
		return;
	for (size_t i = 0; i < l->nsymbols; i++)
		undefined += (l->symbols[i].flags & WASM_SYM_UNDEFINED) != 0;
	fprintf(out,
		"linking: version %u, %zu symbols (%zu undefined), %zu segments, %zu init functions, %zu comdats\n",
		l->version, l->nsymbols, undefined, l->nsegments, l->ninit_funcs, l->ncomdats);
}

static void print_relocs(FILE *out, const struct wasm_module *m)
{
	if (!m->nrelocs) {
		if (m->linking.present)
			fprintf(out, "relocations: none\n");
		return;
	}
	for (size_t i = 0; i < m->nrelocs; i++) {
		const struct wasm_reloc_section *rs = &m->relocs[i];
		int first = 1;

		fprintf(out, "relocations: %s -> section %u (%s), %u:", rs->name, rs->target,
			rs->target < m->nsections ? m->sections[rs->target].name : "?", rs->count);
		for (unsigned t = 0; t < WASM_RELOC_KNOWN; t++) {
			if (!rs->type_count[t])
				continue;
			fprintf(out, "%s %s %u", first ? "" : ",", wasm_reloc_name(t), rs->type_count[t]);
			first = 0;
		}
		fprintf(out, "\n");
	}
}

static void print_bitcode(FILE *out, const struct wasm_module *m)
{
	const struct wasm_bitcode *b = &m->bitcode;

	if (!b->present)
		return;
	fprintf(out, "%s: producer %s%s%s", m->kind == WASM_KIND_BITCODE ? "bitcode" : "embedded bitcode (.llvmbc)",
		b->producer ? "\"" : "", b->producer ? b->producer : "unknown", b->producer ? "\"" : "");
	if (b->llvm_version)
		fprintf(out, " (LLVM %s)", b->llvm_version);
	fprintf(out, ", epoch %u%s, %zu bytes\n", b->epoch, b->wrapper ? ", in a wrapper" : "", b->size);
}

static void print_limits(FILE *out, const struct wasm_limits *l)
{
	fprintf(out, " %llu..", (unsigned long long)l->min);
	if (l->has_max)
		fprintf(out, "%llu", (unsigned long long)l->max);
	fprintf(out, "%s%s", l->shared ? " shared" : "", l->is64 ? " i64" : "");
}

/* Memory and table needs: what a host must provide or allow. */
static void print_memories_tables(FILE *out, const struct wasm_module *m)
{
	size_t n = 0;

	fprintf(out, "memories:");
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_MEMORY) {
			fprintf(out, "%s imported %s.%s pages", n++ ? ";" : "", im->module, im->name);
			print_limits(out, &im->limits);
		}
	}
	for (size_t i = 0; i < m->nmemories; i++) {
		fprintf(out, "%s defined pages", n++ ? ";" : "");
		print_limits(out, &m->memories[i]);
	}
	fprintf(out, "%s\ntables:", n ? "" : " none");
	n = 0;
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_TABLE)
			fprintf(out, "%s imported %s.%s %s", n++ ? ";" : "", im->module, im->name, im->signature);
	}
	for (size_t i = 0; i < m->ntables; i++) {
		fprintf(out, "%s defined", n++ ? ";" : "");
		print_limits(out, &m->table_limits[i]);
	}
	fprintf(out, "%s\n", n ? "" : " none");
}

static void print_imports_exports(FILE *out, const struct wasm_module *m)
{
	print_list_sep(out, "imports", m->nimports);
	for (size_t i = 0; i < m->nimports && i < LIST_MAX; i++) {
		const struct wasm_import *im = &m->imports[i];
		char name[512];

		snprintf(name, sizeof(name), "%s.%s", im->module, im->name);
		fprintf(out, "  %-7s %-40s %s\n", wasm_extern_name(im->kind), name, im->signature);
	}
	if (m->nimports > LIST_MAX)
		fprintf(out, "  ... and %zu more (--json lists all)\n", m->nimports - LIST_MAX);
	print_list_sep(out, "exports", m->nexports);
	for (size_t i = 0; i < m->nexports && i < LIST_MAX; i++) {
		const struct wasm_export *ex = &m->exports[i];

		fprintf(out, "  %-7s %-40s %s\n", wasm_extern_name(ex->kind), ex->name, ex->signature);
	}
	if (m->nexports > LIST_MAX)
		fprintf(out, "  ... and %zu more (--json lists all)\n", m->nexports - LIST_MAX);
}

static void print_facts(FILE *out, const struct wasm_module *m)
{
	const struct wasm_facts *f = &m->facts;

	fprintf(out, "facts:\n");
	fprintf(out, "  exceptions: %s%s%s%s\n", wasm_eh_name(f->eh), f->eh_evidence ? " (" : "",
		f->eh_evidence ? f->eh_evidence : "", f->eh_evidence ? ")" : "");
	fprintf(out, "  bigint: %s%s%s%s\n", wasm_bigint_name(f->bigint), f->bigint_evidence ? " (" : "",
		f->bigint_evidence ? f->bigint_evidence : "", f->bigint_evidence ? ")" : "");
	fprintf(out, "  i64 in import/export signatures: ");
	if (!f->ni64_imports && !f->ni64_exports)
		fprintf(out, "none");
	else
		fprintf(out, "%zu %s, %zu %s", f->ni64_imports, plural(f->ni64_imports, "import", "imports"),
			f->ni64_exports, plural(f->ni64_exports, "export", "exports"));
	for (size_t i = 0; i < f->ni64_imports && i < 8; i++)
		fprintf(out, "%s%s", i ? ", " : ": ", f->i64_imports[i]);
	for (size_t i = 0; i < f->ni64_exports && i < 8; i++)
		fprintf(out, "%s%s", i || f->ni64_imports ? ", " : ": ", f->i64_exports[i]);
	if (f->ni64_imports > 8 || f->ni64_exports > 8)
		fprintf(out, ", ...");
	fprintf(out, "\n");
	fprintf(out, "  emscripten_get_now: %s\n",
		f->imports_get_now_underscore ? "imports _emscripten_get_now (misspelled)"
		: f->imports_get_now          ? "imports emscripten_get_now"
					      : "not imported");
}

static void print_wasm(FILE *out, const struct wasm_module *m)
{
	size_t ncustom = 0;

	fprintf(out, "sections:");
	for (size_t i = 0; i < m->nsections; i++)
		fprintf(out, "%s %s%s%s", i ? "," : "", m->sections[i].id ? "" : "\"", m->sections[i].name,
			m->sections[i].id ? "" : "\"");
	fprintf(out, "%s\n", m->nsections ? "" : " none");
	fprintf(out, "custom sections:");
	for (size_t i = 0; i < m->nsections; i++)
		if (m->sections[i].id == WASM_SEC_CUSTOM)
			fprintf(out, "%s %s", ncustom++ ? "," : "", m->sections[i].name);
	fprintf(out, "%s\n", ncustom ? "" : " none");
	print_producers(out, m);
	print_features(out, m);
	print_dylink(out, m);
	print_linking(out, m);
	print_relocs(out, m);
	print_bitcode(out, m);
	fprintf(out, "functions: %zu defined, %zu imported; code %llu bytes; data %zu %s (%llu bytes)\n", m->nfuncs,
		m->nimported_funcs, (unsigned long long)m->code_bytes, m->ndata_segments,
		plural(m->ndata_segments, "segment", "segments"), (unsigned long long)m->data_bytes);
	print_memories_tables(out, m);
	print_imports_exports(out, m);
	print_facts(out, m);
}

static void print_member(FILE *out, const struct wasm_member *mb)
{
	const struct wasm_module *mm = mb->module;

	fprintf(out, "  %-8s %-40s %8zu bytes", wasm_member_kind_name(mb->kind), mb->name, mb->size);
	if (mm && mm->kind == WASM_KIND_BITCODE)
		fprintf(out, "  bitcode, producer %s", mm->bitcode.producer ? mm->bitcode.producer : "unknown");
	else if (mm)
		fprintf(out, "  %s: %zu imports, %zu exports, %zu functions; exceptions %s", wasm_kind_name(mm->kind),
			mm->nimports, mm->nexports, mm->nfuncs, wasm_eh_name(mm->facts.eh));
	fprintf(out, "\n");
}

static void print_text(FILE *out, const struct wasm_module *m, const struct wasm_module *main,
		       const struct wasm_findings *f)
{
	size_t e;

	fprintf(out, "%s: %s, %zu bytes (%s)\n", m->path, wasm_kind_name(m->kind), m->file_size, m->kind_reason);
	if (m->kind == WASM_KIND_ARCHIVE) {
		print_list_sep(out, "members", m->nmembers);
		for (size_t i = 0; i < m->nmembers; i++)
			print_member(out, &m->members[i]);
		fprintf(out, "'emcompat inspect --json' shows each member in full.\n");
	} else if (m->kind == WASM_KIND_BITCODE) {
		print_bitcode(out, m);
	} else {
		print_wasm(out, m);
	}
	for (size_t i = 0; i < m->nnotes; i++)
		fprintf(out, "note: %s\n", m->notes[i]);
	if (main)
		fprintf(out, "against %s: %s; exceptions %s; bigint %s; %zu exports, %zu imports\n", main->path,
			wasm_kind_name(main->kind), wasm_eh_name(main->facts.eh), wasm_bigint_name(main->facts.bigint),
			main->nexports, main->nimports);
	for (e = 0; e < f->n && f->items[e].severity != WASM_SEVERITY_ERROR; e++)
		;
	if (e < f->n)
		fprintf(out, "prediction: fail (%s)\n", f->items[e].class_id);
	else
		fprintf(out, "prediction: pass\n");
	print_list_sep(out, "findings", f->n);
	for (size_t i = 0; i < f->n; i++)
		fprintf(out, "  %-7s %s: %s\n", wasm_severity_name(f->items[i].severity), f->items[i].class_id,
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
		cli_put_json(wasm_module_to_json(&m, &f));
	} else {
		/* Names in a wasm file are whatever bytes its producer wrote. */
		struct cli_text t;

		print_text(cli_text_open(&t), &m, against ? &main : NULL, &f);
		cli_text_close(&t, stdout);
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
