/*
 * wasm_check: the compatibility facts of one module and the findings of
 * loading a side module into a main module. The rules follow what
 * Emscripten's dynamic loader (src/lib/libdylink.js) does:
 *
 *  - env and wasi_snapshot_preview1 imports go through one proxy: a name
 *    the main module defines (its wasm exports, or the JS functions its
 *    wasm imports) resolves to that; any other function gets a lazy stub
 *    that fails when first called ("cannot resolve symbol X" in Pyodide,
 *    "undefined symbol 'X'" with ASSERTIONS); any other kind
 *    (global, tag) gets that stub too, which instantiation rejects;
 *  - GOT.mem and GOT.func entries resolve to the side module's own exports
 *    or the main module's, and an unresolved one that is not weak fails
 *    at load (reportUndefinedSymbols);
 *  - invoke_* and __cxa_find_matching_catch_* are made on demand only when
 *    the main module was built with JS exceptions or JS longjmp;
 *  - a main module built with WASM_BIGINT does not look for orig$ exports.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"
#include "wasm_internal.h"

const char *wasm_severity_name(enum wasm_severity s)
{
	static const char *const names[] = { "info", "warning", "error" };

	return (unsigned)s < sizeof(names) / sizeof(*names) ? names[s] : "unknown";
}

static int has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether type T of M has an i64 parameter or result. */
static int functype_has_i64(const struct wasm_module *m, uint32_t t)
{
	const struct wasm_functype *ft;

	if (t >= m->ntypes)
		return 0;
	ft = &m->types[t];
	for (uint32_t i = 0; i < ft->nparams; i++)
		if (ft->params[i].code == 0x7e)
			return 1;
	for (uint32_t i = 0; i < ft->nresults; i++)
		if (ft->results[i].code == 0x7e)
			return 1;
	return 0;
}

/* What Emscripten's JS exception handling and JS longjmp import. */
static int is_js_eh_name(const char *name)
{
	return has_prefix(name, "invoke_") || has_prefix(name, "__cxa_find_matching_catch_") ||
	       strcmp(name, "__resumeException") == 0;
}

static int is_boundary_module(const char *module)
{
	return strcmp(module, "env") == 0 || strcmp(module, "wasi_snapshot_preview1") == 0;
}

/* dynCall_jiji and friends exist only for i64 legalization. */
static int is_legal_dyncall(const char *name)
{
	return has_prefix(name, "dynCall_") && strchr(name + 8, 'j');
}

/* The facts of one wasm module (not bitcode, not an archive). */
static void compute_facts(struct wasm_module *m)
{
	struct wasm_facts *f = &m->facts;
	const char *wasm_ev = NULL, *js_ev = NULL, *off_ev = NULL, *off_weak = NULL, *on_ev = NULL;
	size_t ni = 0, ne = 0;

	memset(f, 0, sizeof(*f));
	f->has_embedded_bitcode = m->bitcode.present;

	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_TAG && !wasm_ev)
			wasm_ev = wasm_arena_printf(m, "imports tag %s.%s", im->module, im->name);
		if (im->kind != WASM_EXTERN_FUNC)
			continue;
		if (is_js_eh_name(im->name) && !js_ev)
			js_ev = wasm_arena_printf(m, "imports %s.%s", im->module, im->name);
		if (strcmp(im->module, "env") == 0) {
			if (strcmp(im->name, "emscripten_get_now") == 0)
				f->imports_get_now = 1;
			if (strcmp(im->name, "_emscripten_get_now") == 0)
				f->imports_get_now_underscore = 1;
			/* Not getTempRet0: JS exceptions use it too. */
			if (!off_weak && has_prefix(im->name, "legalimport$"))
				off_weak = wasm_arena_printf(m, "imports env.%s (i64 split into i32 halves)", im->name);
		}
		if (functype_has_i64(m, im->type))
			ni++;
	}
	for (size_t i = 0; i < m->nexports; i++) {
		const struct wasm_export *ex = &m->exports[i];
		long t;

		if (ex->kind == WASM_EXTERN_TAG && !wasm_ev)
			wasm_ev = wasm_arena_printf(m, "exports tag %s", ex->name);
		if (ex->kind != WASM_EXTERN_FUNC)
			continue;
		if (!off_ev && has_prefix(ex->name, "orig$"))
			off_ev = wasm_arena_printf(m, "exports %s (the i64 original of a legalized export)", ex->name);
		else if (!off_ev && is_legal_dyncall(ex->name))
			off_ev = wasm_arena_printf(m, "exports %s (i64 legalization)", ex->name);
		if (has_prefix(ex->name, "orig$") || has_prefix(ex->name, "dynCall_"))
			continue;
		t = wasm_func_type(m, ex->index);
		if (t >= 0 && functype_has_i64(m, (uint32_t)t)) {
			ne++;
			if (!on_ev)
				on_ev = wasm_arena_printf(m, "exports %s %s with i64 unlegalized", ex->name,
							  ex->signature);
		}
	}
	if (!wasm_ev && m->ntags)
		wasm_ev = wasm_arena_printf(m, "defines %zu tag%s", m->ntags, m->ntags == 1 ? "" : "s");
	if (!off_ev && m->nlegal_names)
		off_ev = wasm_arena_printf(m, "names %zu legalstub$/legalfunc$ functions (i64 legalization)",
					   m->nlegal_names);
	if (!off_ev)
		off_ev = off_weak;

	f->i64_imports = wasm_arena_alloc(m, ni * sizeof(*f->i64_imports));
	f->i64_exports = wasm_arena_alloc(m, ne * sizeof(*f->i64_exports));
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (im->kind == WASM_EXTERN_FUNC && functype_has_i64(m, im->type)) {
			f->i64_imports[f->ni64_imports++] = wasm_arena_printf(m, "%s.%s", im->module, im->name);
			if (!on_ev && is_boundary_module(im->module))
				on_ev = wasm_arena_printf(m, "imports %s.%s %s with i64 unlegalized", im->module,
							  im->name, im->signature);
		}
	}
	for (size_t i = 0; i < m->nexports; i++) {
		const struct wasm_export *ex = &m->exports[i];
		long t;

		if (ex->kind != WASM_EXTERN_FUNC || has_prefix(ex->name, "orig$") || has_prefix(ex->name, "dynCall_"))
			continue;
		t = wasm_func_type(m, ex->index);
		if (t >= 0 && functype_has_i64(m, (uint32_t)t))
			f->i64_exports[f->ni64_exports++] = ex->name;
	}

	if (wasm_ev && js_ev) {
		f->eh = WASM_EH_MIXED;
		f->eh_evidence = wasm_arena_printf(m, "%s and %s", wasm_ev, js_ev);
	} else if (wasm_ev) {
		f->eh = WASM_EH_WASM;
		f->eh_evidence = wasm_ev;
	} else if (js_ev) {
		f->eh = WASM_EH_JS;
		f->eh_evidence = js_ev;
	}

	/* Objects are legalized (or not) when linked: nothing to say yet. */
	if (m->kind == WASM_KIND_OBJECT) {
		f->bigint = WASM_BIGINT_UNKNOWN;
		f->bigint_evidence = "decided at link time (WASM_BIGINT)";
	} else if (off_ev) {
		f->bigint = WASM_BIGINT_OFF;
		f->bigint_evidence = off_ev;
	} else if (on_ev) {
		f->bigint = WASM_BIGINT_ON;
		f->bigint_evidence = on_ev;
	}
}

void wasm_compute_facts(struct wasm_module *m)
{
	if (m->kind == WASM_KIND_ARCHIVE) {
		for (size_t i = 0; i < m->nmembers; i++)
			if (m->members[i].module)
				wasm_compute_facts(m->members[i].module);
	} else if (m->kind != WASM_KIND_BITCODE) {
		compute_facts(m);
	}
}

/* ---- findings ------------------------------------------------------------ */

static void add(struct wasm_findings *out, const char *class_id, enum wasm_severity sev, const char *where,
		const char *subject, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void add(struct wasm_findings *out, const char *class_id, enum wasm_severity sev, const char *where,
		const char *subject, const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	struct wasm_finding *fd;
	va_list ap;

	xgrow(&out->items, &out->cap, out->n + 1, sizeof(*out->items));
	fd = &out->items[out->n++];
	fd->class_id = class_id;
	fd->severity = sev;
	if (where && subject)
		fd->subject = xasprintf("%s: %s", where, subject);
	else if (where || subject)
		fd->subject = xstrdup(where ? where : subject);
	else
		fd->subject = NULL;
	if (where)
		strbuf_addf(&sb, "%s: ", where);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	fd->message = strbuf_detach(&sb);
}

void wasm_findings_release(struct wasm_findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->items[i].subject);
		free(f->items[i].message);
	}
	free(f->items);
	memset(f, 0, sizeof(*f));
}

size_t wasm_findings_count(const struct wasm_findings *f, enum wasm_severity s)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += f->items[i].severity >= s;
	return n;
}

static void check_one(const struct wasm_module *m, const char *where, struct wasm_findings *out)
{
	const struct wasm_facts *f = &m->facts;

	if (m->kind == WASM_KIND_BITCODE) {
		if (!m->bitcode.producer)
			add(out, "llvm_bitcode_unknown_producer", WASM_SEVERITY_INFO, where, NULL,
			    "bitcode without an IDENTIFICATION block (LLVM older than 3.8?): its LLVM version is "
			    "unknown");
		return;
	}
	if (m->kind != WASM_KIND_MAIN_MODULE && f->ni64_imports + f->ni64_exports) {
		struct strbuf eg = { 0 };

		for (size_t i = 0; i < f->ni64_imports && i < 3; i++)
			strbuf_addf(&eg, "%s%s", eg.len ? ", " : "", f->i64_imports[i]);
		for (size_t i = 0; i < f->ni64_exports && i < 3; i++)
			strbuf_addf(&eg, "%s%s", eg.len ? ", " : "", f->i64_exports[i]);
		add(out, "bigint_i64_boundary", WASM_SEVERITY_INFO, where, NULL,
		    "functions with i64 in their signature: %zu imported, %zu exported (%s%s): "
		    "where one meets JS (a JS-implemented import, a JS caller) the host must be built "
		    "with WASM_BIGINT",
		    f->ni64_imports, f->ni64_exports, strbuf_str(&eg),
		    f->ni64_imports + f->ni64_exports > 6 ? ", ..." : "");
		strbuf_release(&eg);
	}
	if (f->eh == WASM_EH_WASM && m->kind == WASM_KIND_MAIN_MODULE)
		add(out, "eh_wasm", WASM_SEVERITY_INFO, where, NULL,
		    "uses wasm exception handling (%s): side modules must too (-fwasm-exceptions; "
		    "Rust: -Zemscripten-wasm-eh)",
		    f->eh_evidence);
	else if (f->eh == WASM_EH_WASM)
		add(out, "eh_wasm", WASM_SEVERITY_INFO, where, NULL,
		    "uses wasm exception handling (%s): the host must provide the same tags", f->eh_evidence);
	else if (f->eh == WASM_EH_JS && m->kind == WASM_KIND_MAIN_MODULE)
		add(out, "eh_js", WASM_SEVERITY_INFO, where, NULL,
		    "uses Emscripten JS exception handling or longjmp (%s): side modules using wasm "
		    "exception handling cannot load into it",
		    f->eh_evidence);
	else if (f->eh == WASM_EH_JS)
		add(out, "eh_js", WASM_SEVERITY_INFO, where, NULL,
		    "uses Emscripten JS exception handling or longjmp (%s): the host must be built with JS "
		    "exceptions or -sSUPPORT_LONGJMP=emscripten",
		    f->eh_evidence);
	else if (f->eh == WASM_EH_MIXED)
		add(out, "eh_mixed", WASM_SEVERITY_WARNING, where, NULL,
		    "mixes wasm and JS exception handling (%s): no host provides both", f->eh_evidence);
	if (f->imports_get_now_underscore)
		add(out, "emscripten_get_now_misspelled", WASM_SEVERITY_ERROR, where, "env._emscripten_get_now",
		    "imports env._emscripten_get_now: no C symbol has that name (_emscripten_get_now is "
		    "what JS calls emscripten_get_now); linking fails with \"undefined symbol: "
		    "_emscripten_get_now\" and a loaded side module fails at the first call: declare "
		    "emscripten_get_now instead (see sebcrozet/instant#35)");
	for (size_t i = 0; i < m->dylink.nneeded; i++)
		add(out, "needs_dynamic_library", WASM_SEVERITY_INFO, where, m->dylink.needed[i],
		    "needs %s (dylink): the loader must find it (in the file system or preloaded)",
		    m->dylink.needed[i]);
}

void wasm_check_module(const struct wasm_module *m, struct wasm_findings *out)
{
	if (m->kind != WASM_KIND_ARCHIVE) {
		check_one(m, NULL, out);
		return;
	}
	for (size_t i = 0; i < m->nmembers; i++)
		if (m->members[i].module)
			check_one(m->members[i].module, m->members[i].name, out);
}

/* ---- against a main module ------------------------------------------------ */

struct lookup {
	const char **names;   /* sorted */
	size_t *idx;          /* names[i] belongs to entry idx[i] */
	size_t n;
};

static int cmp_idx(const void *a, const void *b, void *names)
{
	const char **n = names;

	return strcmp(n[*(const size_t *)a], n[*(const size_t *)b]);
}

/* qsort_r keeps this free of globals (the GNU argument order). */
static void lookup_build(struct lookup *l, const char **names, size_t n)
{
	l->n = n;
	l->idx = xcalloc(n, sizeof(*l->idx));
	l->names = xcalloc(n, sizeof(*l->names));
	for (size_t i = 0; i < n; i++)
		l->idx[i] = i;
	qsort_r(l->idx, n, sizeof(*l->idx), cmp_idx, (void *)names);
	for (size_t i = 0; i < n; i++)
		l->names[i] = names[l->idx[i]];
}

/* The entry named NAME, or -1. */
static long lookup_find(const struct lookup *l, const char *name)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(l->names[mid], name);

		if (c == 0)
			return (long)l->idx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void lookup_release(struct lookup *l)
{
	free(l->idx);
	free(l->names);
}

struct host {
	const struct wasm_module *main;
	const struct py_runtime *rt;  /* or NULL */
	struct lookup exports;   /* main's exports */
	struct lookup imports;   /* main's env/wasi function imports (its JS) */
	struct lookup others;    /* main's env tag and global imports (its JS too) */
	const char **import_names, **other_names;
	const struct wasm_limits *memory;
	const struct wasm_limits *table;
	struct wasm_valtype table_type;
};

static void host_init(struct host *h, const struct wasm_module *main, const struct py_runtime *rt)
{
	const char **names = xcalloc(main->nexports, sizeof(*names));

	memset(h, 0, sizeof(*h));
	h->main = main;
	h->rt = rt;
	for (size_t i = 0; i < main->nexports; i++)
		names[i] = main->exports[i].name;
	lookup_build(&h->exports, names, main->nexports);
	free(names);
	/* Only function imports of env/wasi: NULL names never match. */
	h->import_names = xcalloc(main->nimports, sizeof(*h->import_names));
	for (size_t i = 0; i < main->nimports; i++) {
		const struct wasm_import *im = &main->imports[i];

		h->import_names[i] = (im->kind == WASM_EXTERN_FUNC && is_boundary_module(im->module)) ? im->name : "";
	}
	lookup_build(&h->imports, h->import_names, main->nimports);
	h->other_names = xcalloc(main->nimports, sizeof(*h->other_names));
	for (size_t i = 0; i < main->nimports; i++) {
		const struct wasm_import *im = &main->imports[i];

		h->other_names[i] = ((im->kind == WASM_EXTERN_TAG || im->kind == WASM_EXTERN_GLOBAL) &&
				     strcmp(im->module, "env") == 0)
					    ? im->name
					    : "";
	}
	lookup_build(&h->others, h->other_names, main->nimports);
	for (size_t i = 0; i < main->nimports; i++) {
		const struct wasm_import *im = &main->imports[i];

		if (im->kind == WASM_EXTERN_MEMORY && !h->memory)
			h->memory = &im->limits;
		if (im->kind == WASM_EXTERN_TABLE && !h->table) {
			h->table = &im->limits;
			h->table_type = im->valtype;
		}
	}
	if (!h->memory && main->nmemories)
		h->memory = &main->memories[0];
	if (!h->table && main->ntables) {
		h->table = &main->table_limits[0];
		h->table_type = main->table_types[0];
	}
}

static void host_release(struct host *h)
{
	lookup_release(&h->exports);
	lookup_release(&h->imports);
	lookup_release(&h->others);
	free(h->import_names);
	free(h->other_names);
}

/* The tag or global env.NAME the main module imports: its JS makes it, and gives it to side modules too. */
static const struct wasm_import *host_other_import(const struct host *h, const char *name)
{
	long i;

	if (!name[0])
		return NULL;
	i = lookup_find(&h->others, name);
	return i < 0 ? NULL : &h->main->imports[i];
}

/* Whether the runtime's JS loader has NAME in its wasmImports. */
static int host_js_library(const struct host *h, const char *name)
{
	const char *const *names = h->rt ? h->rt->js_names : NULL;
	size_t lo = 0, hi = h->rt ? h->rt->njs_names : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(names[mid], name);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Whether M is a Python extension module (exports PyInit_*). */
static int is_python_extension(const struct wasm_module *m)
{
	for (size_t i = 0; i < m->nexports; i++)
		if (m->exports[i].kind == WASM_EXTERN_FUNC && has_prefix(m->exports[i].name, "PyInit_"))
			return 1;
	return 0;
}

/* The Python a Python extension needs, for messages: "Python 3.14" or "a newer Python". */
static void describe_wanted_python(const struct py_tags *tags, struct strbuf *sb)
{
	if (tags && tags->abi == PY_ABI_CPYTHON)
		strbuf_addf(sb, "Python %u.%u", tags->major, tags->minor);
	else
		strbuf_addstr(sb, "a newer Python");
}

static const struct wasm_export *host_export(const struct host *h, const char *name)
{
	long i = lookup_find(&h->exports, name);

	return i < 0 ? NULL : &h->main->exports[i];
}

static const struct wasm_import *host_js_import(const struct host *h, const char *name)
{
	long i;

	if (!name[0])
		return NULL;
	i = lookup_find(&h->imports, name);
	return i < 0 ? NULL : &h->main->imports[i];
}

static int signature_has_i64(const char *sig)
{
	return strstr(sig, "i64") != NULL;
}

/* Rust and C++ mangled names: no JS library provides them. */
static int is_mangled(const char *name)
{
	return has_prefix(name, "_ZN") || has_prefix(name, "_ZL") || has_prefix(name, "_Z") || has_prefix(name, "_R");
}

/* Is import MODULE.NAME weak (dylink.0 import info, or an object's symbol table)? */
static int is_weak_import(const struct wasm_module *m, const char *module, const char *name)
{
	for (size_t i = 0; i < m->dylink.nimport_info; i++) {
		const struct wasm_dylink_info *d = &m->dylink.import_info[i];

		if ((d->flags & WASM_SYM_BINDING_WEAK) && strcmp(d->module, module) == 0 && strcmp(d->name, name) == 0)
			return 1;
	}
	for (size_t i = 0; i < m->linking.nsymbols; i++) {
		const struct wasm_symbol *s = &m->linking.symbols[i];

		if ((s->flags & WASM_SYM_UNDEFINED) && (s->flags & WASM_SYM_BINDING_WEAK) && strcmp(s->name, name) == 0)
			return 1;
	}
	return 0;
}

static const struct wasm_export *own_export(const struct wasm_module *m, const char *name)
{
	for (size_t i = 0; i < m->nexports; i++)
		if (strcmp(m->exports[i].name, name) == 0)
			return &m->exports[i];
	return NULL;
}

static void describe_needed(const struct wasm_module *side, struct strbuf *sb)
{
	if (!side->dylink.nneeded)
		return;
	strbuf_addstr(sb, "; or by a library it needs (");
	for (size_t i = 0; i < side->dylink.nneeded; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", side->dylink.needed[i]);
	strbuf_addch(sb, ')');
}

static const char *main_eh_description(const struct wasm_module *main)
{
	switch (main->facts.eh) {
	case WASM_EH_JS:
		return "the main module uses JS exceptions";
	case WASM_EH_WASM:
		return "the main module uses wasm exceptions but does not export this tag: "
		       "MAIN_MODULE=2 exports only what it is asked to";
	case WASM_EH_MIXED:
		return "the main module mixes both";
	default:
		return "the main module shows no exception handling";
	}
}

static void check_limits(const struct wasm_import *im, const struct wasm_limits *have, const char *what,
			 const char *class_id, const char *where, struct wasm_findings *out)
{
	const struct wasm_limits *want = &im->limits;
	char subject[300];

	snprintf(subject, sizeof(subject), "%s.%s", im->module, im->name);
	if (!have) {
		add(out, class_id, WASM_SEVERITY_ERROR, where, subject,
		    "imports %s %s (%s), but the main module has no %s", what, subject, im->signature, what);
		return;
	}
	if (want->shared != have->shared)
		add(out, class_id, WASM_SEVERITY_ERROR, where, subject,
		    "imports %s %s %s, but the main module's %s is %s: instantiation fails with a LinkError "
		    "(threads builds and non-threads builds do not mix)",
		    what, subject, want->shared ? "shared" : "not shared", what,
		    have->shared ? "shared" : "not shared");
	if (want->is64 != have->is64)
		add(out, class_id, WASM_SEVERITY_ERROR, where, subject,
		    "imports %s %s with %s indices, but the main module's has %s: a LinkError (MEMORY64 differs)", what,
		    subject, want->is64 ? "64-bit" : "32-bit", have->is64 ? "64-bit" : "32-bit");
	if (have->has_max && have->max < want->min)
		add(out, class_id, WASM_SEVERITY_ERROR, where, subject,
		    "imports %s %s with at least %llu, but the main module's can never exceed %llu", what, subject,
		    (unsigned long long)want->min, (unsigned long long)have->max);
	if (want->has_max && (!have->has_max || have->max > want->max))
		add(out, class_id, WASM_SEVERITY_ERROR, where, subject,
		    "imports %s %s with a maximum of %llu, but the main module's %s: a LinkError", what, subject,
		    (unsigned long long)want->max, have->has_max ? "maximum is larger" : "has no maximum");
}

/* Checks one wasm side module (or object, or plain module) against H. */
static void check_imports(const struct wasm_module *side, const struct host *h, const char *where,
			  const struct py_tags *tags, struct wasm_findings *out)
{
	const struct wasm_module *main = h->main;
	struct strbuf invokes = { 0 }, jsprov = { 0 }, pyapi = { 0 };
	size_t ninvokes = 0, njsprov = 0, npyapi = 0;
	const char *pyfirst = NULL;
	int python = h->rt && h->rt->python && is_python_extension(side);

	for (size_t i = 0; i < side->nimports; i++) {
		const struct wasm_import *im = &side->imports[i];
		const struct wasm_export *ex;
		const struct wasm_import *js;
		char subject[300];

		snprintf(subject, sizeof(subject), "%s.%s", im->module, im->name);
		if (strcmp(im->module, "GOT.mem") == 0 || strcmp(im->module, "GOT.func") == 0) {
			int func = im->module[4] == 'f';
			struct strbuf sb = { 0 };

			if (is_weak_import(side, im->module, im->name) || own_export(side, im->name) ||
			    host_export(h, im->name) || (func && host_js_import(h, im->name)))
				continue;
			if (!func) {
				add(out, "missing_main_export", WASM_SEVERITY_ERROR, where, subject,
				    "%s: neither the main module nor this side module exports the data symbol %s: "
				    "loading fails with \"undefined symbol '%s'\"",
				    subject, im->name, im->name);
				continue;
			}
			strbuf_addf(&sb,
				    "%s: the function %s is exported by neither the main module's wasm nor "
				    "this side module",
				    subject, im->name);
			if (is_mangled(im->name))
				strbuf_addf(&sb,
					    " (a Rust/C++ symbol no JS library provides): loading fails with "
					    "\"undefined symbol '%s'\"",
					    im->name);
			else
				strbuf_addf(&sb,
					    " (it may still be provided by the main module's JS); if not, "
					    "loading fails with \"undefined symbol '%s'\"",
					    im->name);
			describe_needed(side, &sb);
			add(out, "missing_main_export",
			    is_mangled(im->name) ? WASM_SEVERITY_ERROR : WASM_SEVERITY_WARNING, where, subject, "%s",
			    strbuf_str(&sb));
			strbuf_release(&sb);
			continue;
		}
		if (!is_boundary_module(im->module)) {
			add(out, "unknown_import_module", WASM_SEVERITY_ERROR, where, subject,
			    "imports %s from module \"%s\": the loader provides only env, wasi_snapshot_preview1, "
			    "GOT.mem and GOT.func, so instantiation fails with a LinkError",
			    subject, im->module);
			continue;
		}
		switch (im->kind) {
		case WASM_EXTERN_MEMORY:
			check_limits(im, h->memory, "memory", "memory_import_mismatch", where, out);
			continue;
		case WASM_EXTERN_TABLE:
			if (h->table && h->table_type.code != im->valtype.code)
				add(out, "table_import_mismatch", WASM_SEVERITY_ERROR, where, subject,
				    "imports table %s (%s), but the main module's table holds another element type",
				    subject, im->signature);
			check_limits(im, h->table, "table", "table_import_mismatch", where, out);
			continue;
		case WASM_EXTERN_GLOBAL:
			/* Made by the loader for each side module. */
			if (strcmp(im->name, "__memory_base") == 0 || strcmp(im->name, "__table_base") == 0 ||
			    strcmp(im->name, "__memory_base32") == 0 || strcmp(im->name, "__table_base32") == 0 ||
			    strcmp(im->name, "__stack_pointer") == 0)
				continue;
			break;
		default:
			break;
		}
		if (im->kind == WASM_EXTERN_FUNC && is_weak_import(side, im->module, im->name))
			continue;
		ex = host_export(h, im->name);
		if ((im->kind == WASM_EXTERN_TAG || im->kind == WASM_EXTERN_GLOBAL) && (!ex || ex->kind != im->kind)) {
			const struct wasm_import *hi = host_other_import(h, im->name);

			if (hi && hi->kind == im->kind && strcmp(hi->signature, im->signature) != 0) {
				add(out,
				    im->kind == WASM_EXTERN_TAG ? "eh_tag_import_mismatch"
								: "import_signature_mismatch",
				    WASM_SEVERITY_ERROR, where, subject,
				    "imports the %s %s %s, but the host's JS provides it as %s (the main module "
				    "imports "
				    "env.%s %s): a LinkError",
				    wasm_extern_name(im->kind), subject, im->signature, hi->signature, im->name,
				    hi->signature);
				continue;
			}
			if (hi && hi->kind == im->kind) {
				add(out, "host_provides_import", WASM_SEVERITY_INFO, where, subject,
				    "imports the %s %s %s, which the host's JS provides: the main module imports "
				    "env.%s too (source: %s's imports), and the loader passes the same %s to side "
				    "modules",
				    wasm_extern_name(im->kind), subject, im->signature, im->name, main->path,
				    wasm_extern_name(im->kind));
				continue;
			}
			if (!ex && host_js_library(h, im->name)) {
				add(out, "host_provides_import", WASM_SEVERITY_INFO, where, subject,
				    "imports the %s %s %s, which the host's JS provides (source: %s, whose wasmImports "
				    "has %s)",
				    wasm_extern_name(im->kind), subject, im->signature, h->rt->js, im->name);
				continue;
			}
		}
		if (im->kind == WASM_EXTERN_TAG) {
			if (!ex || ex->kind != WASM_EXTERN_TAG)
				add(out, "eh_tag_import_mismatch", WASM_SEVERITY_ERROR, where, subject,
				    "imports the tag %s %s (wasm exception handling), but the main module exports "
				    "no tag %s (%s): instantiation fails with a LinkError; build both with the same "
				    "exception handling (-fwasm-exceptions, or JS exceptions for both)",
				    subject, im->signature, im->name, main_eh_description(main));
			else if (strcmp(ex->signature, im->signature) != 0)
				add(out, "eh_tag_import_mismatch", WASM_SEVERITY_ERROR, where, subject,
				    "imports the tag %s %s, but the main module's tag %s is %s: a LinkError", subject,
				    im->signature, im->name, ex->signature);
			continue;
		}
		if (ex) {
			if (ex->kind != im->kind) {
				add(out, "import_kind_mismatch", WASM_SEVERITY_ERROR, where, subject,
				    "imports %s as a %s, but the main module exports %s as a %s: a LinkError", subject,
				    wasm_extern_name(im->kind), im->name, wasm_extern_name(ex->kind));
			} else if (strcmp(ex->signature, im->signature) != 0) {
				int legal = signature_has_i64(ex->signature) != signature_has_i64(im->signature);

				add(out, legal ? "bigint_legalization_mismatch" : "import_signature_mismatch",
				    WASM_SEVERITY_ERROR, where, subject,
				    "imports %s %s, but the main module exports %s %s: instantiation fails with a "
				    "LinkError%s",
				    subject, im->signature, im->name, ex->signature,
				    legal ? " (one of them was built with i64 legalized into i32 halves, the other "
					    "with WASM_BIGINT: build both the same way)"
					  : "");
			}
			continue;
		}
		if (im->kind == WASM_EXTERN_FUNC && own_export(side, im->name))
			continue;  /* resolved against the side module's own exports */
		if (im->kind == WASM_EXTERN_FUNC && is_js_eh_name(im->name)) {
			if (main->facts.eh == WASM_EH_WASM) {
				if (ninvokes < 4)
					strbuf_addf(&invokes, "%s%s", ninvokes ? ", " : "", im->name);
				ninvokes++;
			}
			continue;
		}
		js = im->kind == WASM_EXTERN_FUNC ? host_js_import(h, im->name) : NULL;
		if (js) {
			int want64 = signature_has_i64(im->signature), have64 = signature_has_i64(js->signature);

			if (want64 != have64 && strcmp(js->signature, im->signature) != 0)
				add(out, "bigint_legalization_mismatch", WASM_SEVERITY_ERROR, where, subject,
				    "imports %s %s, which the main module's JS implements as %s: one side has i64 "
				    "legalized into i32 halves, the other not (WASM_BIGINT differs)",
				    subject, im->signature, js->signature);
			else if (want64 && main->facts.bigint == WASM_BIGINT_OFF)
				add(out, "bigint_i64_boundary", WASM_SEVERITY_ERROR, where, subject,
				    "imports %s %s, implemented by the main module's JS, but the main module was "
				    "built without WASM_BIGINT (%s): the JS function gets a BigInt where it expects "
				    "i32 halves",
				    subject, im->signature, main->facts.bigint_evidence);
			continue;
		}
		if (im->kind == WASM_EXTERN_FUNC && strcmp(im->name, "_emscripten_get_now") == 0)
			continue;  /* emscripten_get_now_misspelled, from wasm_check_module() */
		if (im->kind == WASM_EXTERN_FUNC && host_js_library(h, im->name)) {
			if (njsprov < 6)
				strbuf_addf(&jsprov, "%s%s", njsprov ? ", " : "", im->name);
			njsprov++;
			continue;
		}
		/* No JS library has the C API: only the runtime's libpython could. */
		if (im->kind == WASM_EXTERN_FUNC && python &&
		    (has_prefix(im->name, "Py") || has_prefix(im->name, "_Py"))) {
			if (!pyfirst)
				pyfirst = im->name;
			if (npyapi < 8)
				strbuf_addf(&pyapi, "%s%s", npyapi ? ", " : "", im->name);
			npyapi++;
			continue;
		}
		if (im->kind == WASM_EXTERN_FUNC) {
			struct strbuf sb = { 0 };
			int sure = is_mangled(im->name);

			strbuf_addf(&sb, "imports %s %s, which the main module's wasm neither exports nor imports",
				    subject, im->signature);
			if (sure)
				strbuf_addstr(&sb, " (a Rust/C++ symbol no JS library provides)");
			else
				strbuf_addstr(&sb, " (it may still be provided by the main module's JS)");
			strbuf_addf(&sb,
				    ": the loader installs a lazy stub, so loading succeeds and the first "
				    "call fails with \"cannot resolve symbol %s\" (or \"undefined symbol '%s'\")",
				    im->name, im->name);
			describe_needed(side, &sb);
			add(out, "missing_main_export", sure ? WASM_SEVERITY_ERROR : WASM_SEVERITY_WARNING, where,
			    subject, "%s", strbuf_str(&sb));
			strbuf_release(&sb);
		} else {
			add(out, "missing_main_export", WASM_SEVERITY_ERROR, where, subject,
			    "imports the %s %s %s, which the main module does not export: the loader passes a "
			    "function stub and instantiation fails with a LinkError",
			    wasm_extern_name(im->kind), subject, im->signature);
		}
	}
	if (ninvokes)
		add(out, "eh_js_invoke_in_wasm_eh_host", WASM_SEVERITY_ERROR, where, NULL,
		    "imports %zu JS exception/longjmp helpers (%s%s), but the main module uses wasm exception "
		    "handling (%s), whose loader makes no invoke_* wrappers: the first call fails with "
		    "\"cannot resolve symbol invoke_...\"; rebuild the side module with -fwasm-exceptions "
		    "(Rust: -Zemscripten-wasm-eh)",
		    ninvokes, strbuf_str(&invokes), ninvokes > 4 ? ", ..." : "", main->facts.eh_evidence);
	strbuf_release(&invokes);
	if (npyapi) {
		struct strbuf want = { 0 };

		describe_wanted_python(tags, &want);
		add(out, "python_api_missing", WASM_SEVERITY_ERROR, where, NULL,
		    "needs %s API: imports %zu Python C-API function%s (%s%s) that Python %s's libpython in %s "
		    "lacks: the loader installs lazy stubs, so the first call fails with \"cannot resolve "
		    "symbol %s\" (in a Rust extension the stub's JS error cannot unwind through its extern "
		    "\"C\" frames: \"panic in a function that cannot unwind\", and Pyodide aborts); use a "
		    "build for Python %u.%u",
		    strbuf_str(&want), npyapi, npyapi == 1 ? "" : "s", strbuf_str(&pyapi), npyapi > 8 ? ", ..." : "",
		    h->rt->python, main->path, pyfirst, h->rt->major, h->rt->minor);
		strbuf_release(&want);
	}
	strbuf_release(&pyapi);
	if (njsprov)
		add(out, "host_js_provides", WASM_SEVERITY_INFO, where, NULL,
		    "%zu imported function%s the main module's wasm neither exports nor imports (%s%s) the host's "
		    "JS library provides (source: %s, its wasmImports)",
		    njsprov, njsprov == 1 ? "" : "s", strbuf_str(&jsprov), njsprov > 6 ? ", ..." : "", h->rt->js);
	strbuf_release(&jsprov);

	/* A legalized side module's orig$ exports are ignored by a BigInt host. */
	if (side->facts.bigint == WASM_BIGINT_OFF && main->facts.bigint == WASM_BIGINT_ON &&
	    side->kind != WASM_KIND_OBJECT)
		add(out, "bigint_legalization_mismatch", WASM_SEVERITY_ERROR, where, NULL,
		    "the side module was built without WASM_BIGINT (%s) and the main module with it (%s): "
		    "the loader resolves i64 functions to their legalized i32 stubs, so a wasm caller "
		    "traps with an indirect call signature mismatch",
		    side->facts.bigint_evidence, main->facts.bigint_evidence);

	if (side->dylink.section && side->dylink.table_size && h->table && h->table->has_max &&
	    h->table->max - h->table->min < side->dylink.table_size)
		add(out, "table_import_mismatch", WASM_SEVERITY_ERROR, where, NULL,
		    "needs %u table slots (dylink), but the main module's table can grow by only %llu: "
		    "loading fails in Table.grow (build the main module with -sALLOW_TABLE_GROWTH)",
		    side->dylink.table_size, (unsigned long long)(h->table->max - h->table->min));
	if (side->dylink.section && h->memory && h->memory->has_max && h->memory->page_log2 == 16 &&
	    (uint64_t)side->dylink.mem_size > h->memory->max * 65536)
		add(out, "memory_import_mismatch", WASM_SEVERITY_ERROR, where, NULL,
		    "needs %u bytes of static data (dylink), more than the main module's memory can ever "
		    "hold (%llu pages)",
		    side->dylink.mem_size, (unsigned long long)h->memory->max);
}

/* The main module's LLVM, from its producers section (processed-by clang). */
static const char *main_llvm(const struct wasm_module *main)
{
	for (size_t i = 0; i < main->nproducers; i++)
		if (strcmp(main->producers[i].field, "processed-by") == 0 &&
		    strcmp(main->producers[i].name, "clang") == 0)
			return main->producers[i].version;
	return NULL;
}

/* Whether one of the '.'-separated tags in TAGS is in SET. */
static int tag_in(const char *tags, char *const *set, size_t n)
{
	char *copy = xstrdup(tags), *save = NULL;
	int found = 0;

	for (char *t = strtok_r(copy, ".", &save); t && !found; t = strtok_r(NULL, ".", &save))
		for (size_t i = 0; i < n && !found; i++)
			found = strcmp(t, set[i]) == 0;
	free(copy);
	return found;
}

/* What Python decides before any wasm is loaded: does it open the file, would an installer take the wheel. */
static void check_python(const struct wasm_module *side, const struct py_runtime *rt, const struct py_tags *tags,
			 struct wasm_findings *out)
{
	const char *base = tags ? tags->file : NULL;

	if (!rt || !rt->python || !tags || !is_python_extension(side))
		return;
	if (tags->abi == PY_ABI_CPYTHON && (tags->major != rt->major || tags->minor != rt->minor)) {
		const char *leaf = strrchr(tags->module, '.') ? strrchr(tags->module, '.') + 1 : tags->module;

		add(out, "python_abi_tag_mismatch", WASM_SEVERITY_ERROR, NULL, tags->module,
		    "%s is built for Python %u.%u (ABI tag cpython-%u%u), but the runtime's Python is %s (source: "
		    "%s), which opens only %s.cpython-%u%u-wasm32-emscripten.so, %s.abi3.so and %s.so: it never "
		    "looks at this file, so \"import %s\" fails with \"ModuleNotFoundError: No module named "
		    "'%s'\" before any wasm is loaded; use a build for Python %u.%u, or a Pyodide with Python %u.%u",
		    base, tags->major, tags->minor, tags->major, tags->minor, rt->python, rt->meta, leaf, rt->major,
		    rt->minor, leaf, leaf, tags->module, tags->module, rt->major, rt->minor, tags->major, tags->minor);
	} else if (tags->abi == PY_ABI_ABI3 && tags->major &&
		   (tags->major > rt->major || (tags->major == rt->major && tags->minor > rt->minor))) {
		add(out, "python_abi3_too_new", WASM_SEVERITY_ERROR, NULL, tags->module,
		    "%s is a stable-ABI (abi3) build for Python %u.%u and newer (wheel tag %s), but the runtime's "
		    "Python is %s (source: %s): installers refuse the wheel, and the C API it uses may be missing",
		    base, tags->major, tags->minor, tags->wheel_python, rt->python, rt->meta);
	}
	if (tags->wheel_platform && rt->nplatforms && !tag_in(tags->wheel_platform, rt->platforms, rt->nplatforms)) {
		struct strbuf have = { 0 };

		for (size_t i = 0; i < rt->nplatforms; i++)
			strbuf_addf(&have, "%s%s", i ? ", " : "", rt->platforms[i]);
		add(out, "wheel_platform_mismatch", WASM_SEVERITY_WARNING, NULL, tags->wheel,
		    "the wheel's platform tag %s is none of the runtime's (%s; source: %s): micropip and pip "
		    "refuse to install it; unpacked by hand (pyodide.unpackArchive) it may still load, as the "
		    "findings about its wasm say",
		    tags->wheel_platform, strbuf_str(&have), rt->meta);
		strbuf_release(&have);
	}
}

int wasm_check_against(const struct wasm_module *side, const struct wasm_module *main, struct wasm_findings *out)
{
	return wasm_check_against_host(side, main, NULL, NULL, out);
}

int wasm_check_against_host(const struct wasm_module *side, const struct wasm_module *main, const struct py_runtime *rt,
			    const struct py_tags *tags, struct wasm_findings *out)
{
	struct host h;
	const char *llvm;

	if (main->kind == WASM_KIND_MODULE) {
		add(out, "main_not_dynamic", WASM_SEVERITY_ERROR, NULL, NULL,
		    "%s has no dylink section: it was not linked with -sMAIN_MODULE, so it cannot load "
		    "side modules",
		    main->path);
		return 0;
	}
	if (main->kind != WASM_KIND_MAIN_MODULE)
		return error(EC_EXIT_INPUT, "%s is %s %s, not a main module (%s)", main->path,
			     main->kind == WASM_KIND_OBJECT || main->kind == WASM_KIND_ARCHIVE ? "an" : "a",
			     wasm_kind_name(main->kind), main->kind_reason);
	if (side->kind == WASM_KIND_MAIN_MODULE)
		return error(EC_EXIT_INPUT, "%s is a main module (%s): --against checks a side module", side->path,
			     side->kind_reason);
	host_init(&h, main, rt);
	if (side->kind == WASM_KIND_ARCHIVE) {
		for (size_t i = 0; i < side->nmembers; i++) {
			const struct wasm_module *mm = side->members[i].module;

			if (mm && mm->kind != WASM_KIND_BITCODE && mm->kind != WASM_KIND_MAIN_MODULE)
				check_imports(mm, &h, side->members[i].name, NULL, out);
		}
	} else if (side->kind != WASM_KIND_BITCODE) {
		check_python(side, rt, tags, out);
		check_imports(side, &h, NULL, tags, out);
	}
	host_release(&h);
	llvm = main_llvm(main);
	if (llvm && wasm_check_linker_llvm(side, llvm, out))
		error_clear();  /* a producers string we cannot read is no reason to fail */
	return 0;
}

/* ---- LLVM versions ------------------------------------------------------- */

int wasm_parse_llvm_version(const char *s, unsigned *major, unsigned *minor, unsigned *patch)
{
	unsigned v[3] = { 0, 0, 0 };
	int k = 0;

	while (*s && (*s < '0' || *s > '9'))
		s++;
	if (!*s)
		return -1;
	while (k < 3) {
		unsigned long n = 0;

		if (*s < '0' || *s > '9')
			break;
		while (*s >= '0' && *s <= '9') {
			n = n * 10 + (unsigned long)(*s++ - '0');
			if (n > 1000000)
				return -1;
		}
		v[k++] = (unsigned)n;
		if (*s != '.')
			break;
		s++;
	}
	*major = v[0];
	*minor = v[1];
	*patch = v[2];
	return 0;
}

static void check_bitcode(const struct wasm_module *m, const char *where, unsigned linker_major, const char *linker,
			  struct wasm_findings *out)
{
	unsigned major, minor, patch;
	int embedded = m->kind != WASM_KIND_BITCODE;

	if (!m->bitcode.present)
		return;
	if (!m->bitcode.llvm_version || wasm_parse_llvm_version(m->bitcode.llvm_version, &major, &minor, &patch)) {
		if (!embedded)
			add(out, "llvm_bitcode_unknown_producer", WASM_SEVERITY_INFO, where, NULL,
			    "bitcode producer %s%s%s names no LLVM version: cannot compare it with the linker's "
			    "LLVM %s",
			    m->bitcode.producer ? "\"" : "", m->bitcode.producer ? m->bitcode.producer : "unknown",
			    m->bitcode.producer ? "\"" : "", linker);
		return;
	}
	if (major > linker_major)
		add(out, "llvm_bitcode_newer_than_linker", embedded ? WASM_SEVERITY_WARNING : WASM_SEVERITY_ERROR,
		    where, NULL,
		    "%sbitcode from LLVM %s (producer \"%s\") is newer than the linker's LLVM %s: LLVM reads "
		    "bitcode only from its own or older versions, so %s fails (e.g. \"Opaque pointers are "
		    "only supported in -opaque-pointers mode\", \"Unknown attribute kind\", \"Invalid "
		    "record\"); use an Emscripten whose LLVM is at least %u, or a Rust whose LLVM is at most %u",
		    embedded ? "embedded (.llvmbc) " : "", m->bitcode.llvm_version, m->bitcode.producer, linker,
		    embedded ? "LTO with it" : "the link", major, linker_major);
}

int wasm_check_linker_llvm(const struct wasm_module *m, const char *linker_llvm, struct wasm_findings *out)
{
	unsigned major, minor, patch;

	if (wasm_parse_llvm_version(linker_llvm, &major, &minor, &patch))
		return error(EC_EXIT_INPUT, "linker LLVM version \"%s\" is not a version (e.g. 14.0.6)", linker_llvm);
	if (m->kind == WASM_KIND_ARCHIVE) {
		for (size_t i = 0; i < m->nmembers; i++)
			if (m->members[i].module)
				check_bitcode(m->members[i].module, m->members[i].name, major, linker_llvm, out);
		return 0;
	}
	check_bitcode(m, NULL, major, linker_llvm, out);
	return 0;
}

/*
 * When a user meets a finding: 0 before any wasm is loaded, 1 at load, 2
 * at the first call (a lazy stub: every such message says so).
 */
static int finding_phase(const struct wasm_finding *f)
{
	if (strncmp(f->class_id, "python_abi", 10) == 0)
		return 0;
	if (strstr(f->message, "first call fails"))
		return 2;
	return 1;
}

struct ranked {
	struct wasm_finding f;
	size_t index;
};

static int cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int pha = finding_phase(&a->f), phb = finding_phase(&b->f);

	if (a->f.severity != b->f.severity)
		return a->f.severity > b->f.severity ? -1 : 1;
	if (pha != phb)
		return pha < phb ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

void wasm_findings_sort(struct wasm_findings *f)
{
	struct ranked *r = xcalloc(f->n ? f->n : 1, sizeof(*r));

	for (size_t i = 0; i < f->n; i++)
		r[i] = (struct ranked){ f->items[i], i };
	qsort(r, f->n, sizeof(*r), cmp_ranked);
	for (size_t i = 0; i < f->n; i++)
		f->items[i] = r[i].f;
	free(r);
}

/*
 * Reads PATH into *M: a wheel's extension number WHICH (*MEMBER its path in
 * the wheel, caller frees; *NSO how many it holds), or the file (*MEMBER
 * NULL, *NSO 0); *TAGS from their names.
 */
static int read_side(const char *path, size_t which, struct wasm_module *m, struct py_tags *tags, char **member,
		     size_t *nso)
{
	char *label;
	uint8_t *data;
	size_t len;
	int rc;

	*member = NULL;
	*nso = 0;
	if (!py_is_wheel(path)) {
		py_tags_parse(path, NULL, tags);
		return wasm_inspect_file(path, m);
	}
	if (py_wheel_read(path, which, member, &data, &len, nso)) {
		py_tags_parse(path, NULL, tags);
		return -1;
	}
	label = xasprintf("%s(%s)", path, *member);
	rc = wasm_inspect_buffer(label, data, len, m);
	py_tags_parse(*member, path, tags);
	free(label);
	free(data);
	return rc;
}

/* The findings of side module M (facts computed) on its own, against MAIN (RT, TAGS) and LINKER_LLVM's. */
static int check_side(const struct wasm_module *m, const struct wasm_module *main, const struct py_runtime *rt,
		      const struct py_tags *tags, const char *linker_llvm, struct wasm_findings *f)
{
	wasm_check_module(m, f);
	if (main && wasm_check_against_host(m, main, rt, tags, f))
		return -1;
	return linker_llvm ? wasm_check_linker_llvm(m, linker_llvm, f) : 0;
}

/* Names MEMBER in F's findings from FROM on, as add() names a where. */
static void name_findings(struct wasm_findings *f, size_t from, const char *member)
{
	for (size_t i = from; i < f->n; i++) {
		struct wasm_finding *fd = &f->items[i];
		char *subject = fd->subject ? xasprintf("%s: %s", member, fd->subject) : xstrdup(member);
		char *message = xasprintf("%s: %s", member, fd->message);

		free(fd->subject);
		free(fd->message);
		fd->subject = subject;
		fd->message = message;
	}
}

/*
 * A wheel with several extensions: each after the first (PATH's numbers
 * 1 to NSO - 1) checked like it, its findings appended to F, each naming
 * its member.
 */
static int check_other_extensions(const char *path, size_t nso, const struct wasm_module *main,
				  const struct py_runtime *rt, const char *linker_llvm, struct wasm_findings *f)
{
	for (size_t i = 1; i < nso; i++) {
		struct wasm_module x;
		struct py_tags t;
		char *member;
		size_t n, from = f->n;
		int rc = read_side(path, i, &x, &t, &member, &n);

		if (!rc) {
			wasm_compute_facts(&x);
			rc = check_side(&x, main, rt, &t, linker_llvm, f);
			name_findings(f, from, member);
			wasm_module_release(&x);
		}
		py_tags_release(&t);
		free(member);
		if (rc)
			return -1;
	}
	return 0;
}

int wasm_inspect_checked(const char *path, const char *against, const char *linker_llvm, struct wasm_module *m,
			 struct wasm_module *main, struct wasm_findings *f)
{
	struct py_runtime rt = { 0 };
	struct py_tags tags;
	char *member;
	size_t nso;
	int rc = 0;

	memset(main, 0, sizeof(*main));
	memset(f, 0, sizeof(*f));
	if (read_side(path, 0, m, &tags, &member, &nso)) {
		free(member);
		py_tags_release(&tags);
		return -1;
	}
	if (against && (py_runtime_load(against, &rt) || wasm_inspect_file(rt.wasm, main))) {
		free(member);
		py_runtime_release(&rt);
		py_tags_release(&tags);
		wasm_module_release(m);
		return -1;
	}
	wasm_compute_facts(m);
	if (against)
		wasm_compute_facts(main);
	rc = check_side(m, against ? main : NULL, &rt, &tags, linker_llvm, f);
	if (!rc && nso > 1) {
		name_findings(f, 0, member);
		rc = check_other_extensions(path, nso, against ? main : NULL, &rt, linker_llvm, f);
	}
	if (rc) {
		wasm_findings_release(f);
		wasm_module_release(m);
		wasm_module_release(main);
	}
	if (!rc && nso > 1)
		add(f, "wheel_several_extensions", WASM_SEVERITY_INFO, NULL, member,
		    "the wheel holds %zu compiled extensions (.so): each is checked, and its findings name it; "
		    "the module's facts shown are the first's, %s",
		    nso, member);
	if (!rc)
		wasm_findings_sort(f);
	free(member);
	py_runtime_release(&rt);
	py_tags_release(&tags);
	return rc;
}
