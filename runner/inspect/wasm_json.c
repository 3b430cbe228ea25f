/*
 * wasm_json: the stable JSON form of an inspected file (documented in
 * include/emcompat/wasm_json.h, next to wasm_module_to_json()).
 */
#include <stdio.h>
#include <string.h>

#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_json.h"
#include "wasm_internal.h"

static void add_string_or_null(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}

static cJSON *string_array(const char *const *v, size_t n)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
	return a;
}

static cJSON *flags_json(uint32_t flags)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = {
		{ WASM_SYM_BINDING_WEAK, "weak" },        { WASM_SYM_BINDING_LOCAL, "local" },
		{ WASM_SYM_VISIBILITY_HIDDEN, "hidden" }, { WASM_SYM_UNDEFINED, "undefined" },
		{ WASM_SYM_EXPORTED, "exported" },        { WASM_SYM_EXPLICIT_NAME, "explicit_name" },
		{ WASM_SYM_NO_STRIP, "no_strip" },        { WASM_SYM_TLS, "tls" },
		{ WASM_SYM_ABSOLUTE, "absolute" },
	};
	cJSON *a = cJSON_CreateArray();
	uint32_t known = 0;
	char hex[16];

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		known |= names[i].bit;
		if (flags & names[i].bit)
			cJSON_AddItemToArray(a, cJSON_CreateString(names[i].name));
	}
	if (flags & ~known) {
		snprintf(hex, sizeof(hex), "0x%x", flags & ~known);
		cJSON_AddItemToArray(a, cJSON_CreateString(hex));
	}
	return a;
}

static cJSON *limits_json(const struct wasm_limits *l, int imported)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddBoolToObject(o, "imported", imported);
	cJSON_AddNumberToObject(o, "min", (double)l->min);
	if (l->has_max)
		cJSON_AddNumberToObject(o, "max", (double)l->max);
	else
		cJSON_AddNullToObject(o, "max");
	return o;
}

static cJSON *table_json(const struct wasm_valtype *vt, const struct wasm_limits *l, int imported)
{
	cJSON *o = limits_json(l, imported);
	struct strbuf sb = { 0 };

	wasm_append_valtype(&sb, vt);
	cJSON_AddStringToObject(o, "type", strbuf_str(&sb));
	strbuf_release(&sb);
	return o;
}

static cJSON *dylink_json(const struct wasm_module *m)
{
	const struct wasm_dylink *d = &m->dylink;
	cJSON *o, *a;

	if (!d->section)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "section", d->section);
	cJSON_AddNumberToObject(o, "memory_size", d->mem_size);
	cJSON_AddNumberToObject(o, "memory_align", d->mem_p2align);
	cJSON_AddNumberToObject(o, "table_size", d->table_size);
	cJSON_AddNumberToObject(o, "table_align", d->table_p2align);
	cJSON_AddItemToObject(o, "needed", string_array(d->needed, d->nneeded));
	a = cJSON_AddArrayToObject(o, "export_info");
	for (size_t i = 0; i < d->nexport_info; i++) {
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "name", d->export_info[i].name);
		cJSON_AddItemToObject(e, "flags", flags_json(d->export_info[i].flags));
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "import_info");
	for (size_t i = 0; i < d->nimport_info; i++) {
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "module", d->import_info[i].module);
		cJSON_AddStringToObject(e, "name", d->import_info[i].name);
		cJSON_AddItemToObject(e, "flags", flags_json(d->import_info[i].flags));
		cJSON_AddItemToArray(a, e);
	}
	cJSON_AddItemToObject(o, "runtime_path", string_array(d->runtime_path, d->nruntime_path));
	return o;
}

static cJSON *linking_json(const struct wasm_module *m)
{
	const struct wasm_linking *l = &m->linking;
	cJSON *o, *a;

	if (!l->present)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "version", l->version);
	a = cJSON_AddArrayToObject(o, "symbols");
	for (size_t i = 0; i < l->nsymbols; i++) {
		const struct wasm_symbol *s = &l->symbols[i];
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "kind", wasm_symbol_kind_name(s->kind));
		cJSON_AddStringToObject(e, "name", s->name ? s->name : "");
		cJSON_AddItemToObject(e, "flags", flags_json(s->flags));
		cJSON_AddNumberToObject(e, "index", s->index);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "segments");
	for (size_t i = 0; i < l->nsegments; i++) {
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "name", l->segments[i].name);
		cJSON_AddNumberToObject(e, "align", l->segments[i].p2align);
		cJSON_AddNumberToObject(e, "flags", l->segments[i].flags);
		cJSON_AddItemToArray(a, e);
	}
	cJSON_AddNumberToObject(o, "init_funcs", (double)l->ninit_funcs);
	cJSON_AddNumberToObject(o, "comdats", (double)l->ncomdats);
	return o;
}

static const char *section_name_at(const struct wasm_module *m, uint32_t index)
{
	return index < m->nsections ? m->sections[index].name : NULL;
}

static void add_relocations(cJSON *root, const struct wasm_module *m)
{
	cJSON *a = cJSON_AddArrayToObject(root, "relocations"), *used;
	uint32_t total[WASM_RELOC_KNOWN] = { 0 };

	for (size_t i = 0; i < m->nrelocs; i++) {
		const struct wasm_reloc_section *rs = &m->relocs[i];
		cJSON *e = cJSON_CreateObject(), *types;

		cJSON_AddStringToObject(e, "section", rs->name);
		cJSON_AddNumberToObject(e, "target", rs->target);
		add_string_or_null(e, "target_name", section_name_at(m, rs->target));
		cJSON_AddNumberToObject(e, "count", rs->count);
		types = cJSON_AddObjectToObject(e, "types");
		for (unsigned t = 0; t < WASM_RELOC_KNOWN; t++) {
			if (!rs->type_count[t])
				continue;
			cJSON_AddNumberToObject(types, wasm_reloc_name(t), rs->type_count[t]);
			total[t] += rs->type_count[t];
		}
		cJSON_AddItemToArray(a, e);
	}
	used = cJSON_AddArrayToObject(root, "relocation_types");
	for (unsigned t = 0; t < WASM_RELOC_KNOWN; t++)
		if (total[t])
			cJSON_AddItemToArray(used, cJSON_CreateString(wasm_reloc_name(t)));
}

static cJSON *producers_json(const struct wasm_module *m)
{
	cJSON *o = cJSON_CreateObject();

	for (size_t i = 0; i < m->nproducers; i++) {
		const struct wasm_producer *p = &m->producers[i];
		cJSON *field = cJSON_GetObjectItemCaseSensitive(o, p->field), *e;

		if (!field)
			field = cJSON_AddArrayToObject(o, p->field);
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", p->name);
		cJSON_AddStringToObject(e, "version", p->version);
		cJSON_AddItemToArray(field, e);
	}
	return o;
}

static cJSON *bitcode_json(const struct wasm_module *m)
{
	const struct wasm_bitcode *b = &m->bitcode;
	cJSON *o;

	if (!b->present)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	add_string_or_null(o, "producer", b->producer);
	add_string_or_null(o, "llvm_version", b->llvm_version);
	cJSON_AddNumberToObject(o, "epoch", b->epoch);
	cJSON_AddBoolToObject(o, "wrapper", b->wrapper);
	cJSON_AddNumberToObject(o, "offset", (double)b->offset);
	cJSON_AddNumberToObject(o, "size", (double)b->size);
	return o;
}

static cJSON *facts_json(const struct wasm_module *m)
{
	const struct wasm_facts *f = &m->facts;
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "exceptions", wasm_eh_name(f->eh));
	add_string_or_null(o, "exceptions_evidence", f->eh_evidence);
	cJSON_AddStringToObject(o, "bigint", wasm_bigint_name(f->bigint));
	add_string_or_null(o, "bigint_evidence", f->bigint_evidence);
	cJSON_AddItemToObject(o, "i64_imports", string_array(f->i64_imports, f->ni64_imports));
	cJSON_AddItemToObject(o, "i64_exports", string_array(f->i64_exports, f->ni64_exports));
	cJSON_AddBoolToObject(o, "imports_emscripten_get_now", f->imports_get_now);
	cJSON_AddBoolToObject(o, "imports__emscripten_get_now", f->imports_get_now_underscore);
	cJSON_AddBoolToObject(o, "embedded_bitcode", f->has_embedded_bitcode);
	return o;
}

cJSON *wasm_module_to_json(const struct wasm_module *m, const struct wasm_findings *findings)
{
	cJSON *root = cJSON_CreateObject(), *a, *counts;

	cJSON_AddStringToObject(root, "file", m->path ? m->path : "");
	cJSON_AddStringToObject(root, "kind", wasm_kind_name(m->kind));
	add_string_or_null(root, "kind_reason", m->kind_reason);
	cJSON_AddNumberToObject(root, "size", (double)m->file_size);

	a = cJSON_AddArrayToObject(root, "sections");
	for (size_t i = 0; i < m->nsections; i++) {
		cJSON *e = cJSON_CreateObject();

		cJSON_AddNumberToObject(e, "id", m->sections[i].id);
		cJSON_AddStringToObject(e, "name", m->sections[i].name);
		cJSON_AddNumberToObject(e, "offset", (double)m->sections[i].offset);
		cJSON_AddNumberToObject(e, "size", (double)m->sections[i].size);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(root, "custom_sections");
	for (size_t i = 0; i < m->nsections; i++)
		if (m->sections[i].id == WASM_SEC_CUSTOM)
			cJSON_AddItemToArray(a, cJSON_CreateString(m->sections[i].name));

	a = cJSON_AddArrayToObject(root, "imports");
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "module", im->module);
		cJSON_AddStringToObject(e, "name", im->name);
		cJSON_AddStringToObject(e, "kind", wasm_extern_name(im->kind));
		cJSON_AddStringToObject(e, "signature", im->signature);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(root, "exports");
	for (size_t i = 0; i < m->nexports; i++) {
		const struct wasm_export *ex = &m->exports[i];
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "name", ex->name);
		cJSON_AddStringToObject(e, "kind", wasm_extern_name(ex->kind));
		cJSON_AddStringToObject(e, "signature", ex->signature);
		cJSON_AddItemToArray(a, e);
	}
	cJSON_AddNumberToObject(root, "functions", (double)m->nfuncs);

	counts = cJSON_AddObjectToObject(root, "counts");
	cJSON_AddNumberToObject(counts, "types", (double)m->ntypes);
	cJSON_AddNumberToObject(counts, "imports", (double)m->nimports);
	cJSON_AddNumberToObject(counts, "imported_functions", (double)m->nimported_funcs);
	cJSON_AddNumberToObject(counts, "functions", (double)m->nfuncs);
	cJSON_AddNumberToObject(counts, "tables", (double)(m->nimported_tables + m->ntables));
	cJSON_AddNumberToObject(counts, "memories", (double)(m->nimported_memories + m->nmemories));
	cJSON_AddNumberToObject(counts, "globals", (double)(m->nimported_globals + m->nglobals));
	cJSON_AddNumberToObject(counts, "tags", (double)(m->nimported_tags + m->ntags));
	cJSON_AddNumberToObject(counts, "exports", (double)m->nexports);
	cJSON_AddNumberToObject(counts, "elements", (double)m->nelements);
	cJSON_AddNumberToObject(counts, "data_segments", (double)m->ndata_segments);
	cJSON_AddNumberToObject(counts, "code_bytes", (double)m->code_bytes);
	cJSON_AddNumberToObject(counts, "data_bytes", (double)m->data_bytes);
	if (m->has_start)
		cJSON_AddNumberToObject(root, "start", m->start);
	else
		cJSON_AddNullToObject(root, "start");

	a = cJSON_AddArrayToObject(root, "memories");
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_MEMORY) {
			cJSON *e = limits_json(&im->limits, 1);

			cJSON_AddBoolToObject(e, "shared", im->limits.shared);
			cJSON_AddBoolToObject(e, "memory64", im->limits.is64);
			cJSON_AddItemToArray(a, e);
		}
	}
	for (size_t i = 0; i < m->nmemories; i++) {
		cJSON *e = limits_json(&m->memories[i], 0);

		cJSON_AddBoolToObject(e, "shared", m->memories[i].shared);
		cJSON_AddBoolToObject(e, "memory64", m->memories[i].is64);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(root, "tables");
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_TABLE)
			cJSON_AddItemToArray(a, table_json(&im->valtype, &im->limits, 1));
	}
	for (size_t i = 0; i < m->ntables; i++)
		cJSON_AddItemToArray(a, table_json(&m->table_types[i], &m->table_limits[i], 0));

	cJSON_AddItemToObject(root, "producers", producers_json(m));
	a = cJSON_AddArrayToObject(root, "target_features");
	for (size_t i = 0; i < m->nfeatures; i++) {
		char buf[300];

		snprintf(buf, sizeof(buf), "%c%s", m->features[i].prefix, m->features[i].name);
		cJSON_AddItemToArray(a, cJSON_CreateString(buf));
	}
	cJSON_AddItemToObject(root, "dylink", dylink_json(m));
	cJSON_AddItemToObject(root, "linking", linking_json(m));
	add_relocations(root, m);
	cJSON_AddItemToObject(root, "bitcode", bitcode_json(m));

	a = cJSON_AddArrayToObject(root, "members");
	for (size_t i = 0; i < m->nmembers; i++) {
		const struct wasm_member *mb = &m->members[i];
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "name", mb->name);
		cJSON_AddStringToObject(e, "kind", wasm_member_kind_name(mb->kind));
		cJSON_AddNumberToObject(e, "offset", (double)mb->offset);
		cJSON_AddNumberToObject(e, "size", (double)mb->size);
		if (mb->module)
			cJSON_AddItemToObject(e, "module", wasm_module_to_json(mb->module, NULL));
		else
			cJSON_AddNullToObject(e, "module");
		cJSON_AddItemToArray(a, e);
	}
	cJSON_AddItemToObject(root, "facts", facts_json(m));
	cJSON_AddItemToObject(root, "notes", string_array(m->notes, m->nnotes));

	if (findings) {
		const struct wasm_finding *first = NULL;
		int fail;
		cJSON *p = cJSON_AddObjectToObject(root, "prediction");

		for (size_t i = 0; i < findings->n && !first; i++)
			if (findings->items[i].severity == WASM_SEVERITY_ERROR)
				first = &findings->items[i];
		fail = first != NULL;
		cJSON_AddStringToObject(p, "result", fail ? "fail" : "pass");
		add_string_or_null(p, "class", fail ? first->class_id : NULL);
		add_string_or_null(p, "reason", fail ? first->message : NULL);
	} else {
		cJSON_AddNullToObject(root, "prediction");
	}
	a = cJSON_AddArrayToObject(root, "findings");
	for (size_t i = 0; findings && i < findings->n; i++) {
		const struct wasm_finding *f = &findings->items[i];
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "class", f->class_id);
		cJSON_AddStringToObject(e, "severity", wasm_severity_name(f->severity));
		add_string_or_null(e, "subject", f->subject);
		cJSON_AddStringToObject(e, "message", f->message);
		cJSON_AddItemToArray(a, e);
	}
	return root;
}
