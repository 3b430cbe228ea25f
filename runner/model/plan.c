#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/plan.h"
#include "emcompat/util.h"

#define BIT(s) (1u << (s))
#define ALL_STAGES (BIT(STAGE_COUNT) - 1)

/*
 * The axes each stage reads directly (see plan.h); others are read by all.
 * A flag axis at its default value is what a matrix without that axis
 * builds, so it is left out of node contents: both share their nodes.
 */
static const struct {
	const char *axis;
	unsigned stages;
	const char *dflt;      /* the recipe's behaviour when the axis is absent, or NULL */
} axis_stages[] = {
	{ "rust", BIT(STAGE_STD) | BIT(STAGE_COMPILE), NULL },
	/* Python extension probes only (key_reads). */
	{ "pyo3", BIT(STAGE_COMPILE), "none" },
	{ "probe", BIT(STAGE_COMPILE), NULL },
	{ "link_mode", BIT(STAGE_COMPILE) | BIT(STAGE_LINK), "emcc" },
	/* No default: without the axis emcc's own default applies, which varies by version. */
	{ "eh", BIT(STAGE_STD) | BIT(STAGE_COMPILE) | BIT(STAGE_LINK) | BIT(STAGE_MAIN), NULL },
	{ "lto", BIT(STAGE_COMPILE) | BIT(STAGE_LINK), "off" },
	/* std too: libc's build script asks emcc its version (the stat ABI). */
	{ "emscripten", BIT(STAGE_STD) | BIT(STAGE_LINK) | BIT(STAGE_MAIN), NULL },
	{ "opt", BIT(STAGE_LINK), "O0" },
	{ "bigint", BIT(STAGE_LINK) | BIT(STAGE_MAIN), "on" },
	{ "loader", BIT(STAGE_MAIN) | BIT(STAGE_INSPECT) | BIT(STAGE_LOAD), NULL },
	{ "node", BIT(STAGE_LOAD), NULL },
};

static unsigned key_reads(const char *axis, int python);

/* What the plan knows of a probe: its sources' digest, whether it is a Python extension. */
struct probe_info {
	char *name;
	char digest[65];
	int python;
};

/* Deduplication: open addressing over node contents. */
struct builder {
	struct plan *p;
	const struct matrix *m;
	unsigned *reads;       /* per key: stage bits */
	const char **dflt;     /* per key: its default value, or NULL */
	unsigned *reads_py;    /* the same for a cell whose probe is a Python extension */
	size_t *by_name;       /* key indices sorted by name: keys hash in a stable order */
	size_t *slots;         /* node index + 1; 0 = empty */
	uint64_t *slot_hash;
	size_t nslots;
	struct strbuf arena;   /* every node's content, back to back */
	size_t *content_off;   /* per node: offset in arena; content_off[n+1] ends it */
	size_t cap_nodes, cap_off;
	struct strbuf scratch;
	char loaders_digest[65];
	char scripts_digest[65];   /* the std builder */
	char packages_digest[65];  /* the wheel fetcher and harness */
	char sdist_digest[65];     /* the sdist fetcher, builder and packer */
	struct probe_info *probes;
	size_t nprobes, cap_probes;
	int probe_key;         /* key index of "probe", or -1 */
	int em_key, loader_key;   /* key indices of "emscripten" and "loader", or -1 */
	EVP_MD_CTX *md;
	const EVP_MD *sha256;
};

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static int cmp_key_names(const void *a, const void *b, void *matrix)
{
	const struct matrix *m = matrix;

	return strcmp(m->keys[*(const size_t *)a], m->keys[*(const size_t *)b]);
}

static void builder_init(struct builder *b, struct plan *p, const struct matrix *m)
{
	memset(b, 0, sizeof(*b));
	b->p = p;
	b->m = m;
	b->reads = xcalloc(m->nkeys, sizeof(*b->reads));
	b->reads_py = xcalloc(m->nkeys, sizeof(*b->reads_py));
	b->by_name = xcalloc(m->nkeys, sizeof(*b->by_name));
	b->dflt = xcalloc(m->nkeys, sizeof(*b->dflt));
	for (size_t k = 0; k < m->nkeys; k++) {
		b->reads[k] = key_reads(m->keys[k], 0);
		b->reads_py[k] = key_reads(m->keys[k], 1);
		b->dflt[k] = plan_axis_default(m->keys[k]);
		b->by_name[k] = k;
	}
	qsort_r(b->by_name, m->nkeys, sizeof(*b->by_name), cmp_key_names, (void *)m);
	b->nslots = 1024;
	b->slots = xcalloc(b->nslots, sizeof(*b->slots));
	b->slot_hash = xcalloc(b->nslots, sizeof(*b->slot_hash));
	embedded_digest("matrix/loaders/", b->loaders_digest);
	embedded_digest("scripts/", b->scripts_digest);
	embedded_digest("matrix/packages/", b->packages_digest);
	embedded_digest("matrix/sdist/", b->sdist_digest);
	b->probe_key = matrix_key_index(m, "probe");
	b->em_key = matrix_key_index(m, "emscripten");
	b->loader_key = matrix_key_index(m, "loader");
	b->md = EVP_MD_CTX_new();
	b->sha256 = EVP_sha256();
}

static void builder_release(struct builder *b)
{
	free(b->reads);
	free(b->dflt);
	free(b->reads_py);
	free(b->by_name);
	free(b->slots);
	free(b->slot_hash);
	free(b->content_off);
	strbuf_release(&b->arena);
	strbuf_release(&b->scratch);
	for (size_t i = 0; i < b->nprobes; i++)
		free(b->probes[i].name);
	free(b->probes);
	EVP_MD_CTX_free(b->md);
}

static void rehash(struct builder *b)
{
	size_t n = b->nslots * 2, *slots = xcalloc(n, sizeof(*slots));
	uint64_t *hash = xcalloc(n, sizeof(*hash));

	for (size_t i = 0; i < b->nslots; i++) {
		size_t j;

		if (!b->slots[i])
			continue;
		for (j = b->slot_hash[i] & (n - 1); slots[j]; j = (j + 1) & (n - 1))
			;
		slots[j] = b->slots[i];
		hash[j] = b->slot_hash[i];
	}
	free(b->slots);
	free(b->slot_hash);
	b->slots = slots;
	b->slot_hash = hash;
	b->nslots = n;
}

/*
 * The node whose content is in b->scratch: found, or made. Content is the
 * stage name, the name=value pairs it reads (sorted by name) and its deps'
 * keys, so the key does not depend on axis order or on the matrix file.
 */
static int intern(struct builder *b, enum stage s, unsigned reads, int python, const size_t *deps, size_t ndeps,
		  size_t cell, size_t *out)
{
	const char *c = b->scratch.buf;
	size_t len = b->scratch.len, j;
	uint64_t h = fnv1a(c, len);
	struct plan *p = b->p;
	struct plan_node *n;
	unsigned int mdlen;

	for (j = h & (b->nslots - 1); b->slots[j]; j = (j + 1) & (b->nslots - 1)) {
		size_t i = b->slots[j] - 1;

		if (b->slot_hash[j] == h && b->content_off[i + 1] - b->content_off[i] == len &&
		    memcmp(b->arena.buf + b->content_off[i], c, len) == 0) {
			p->nodes[i].ncells++;
			*out = i;
			return 0;
		}
	}
	xgrow(&p->nodes, &b->cap_nodes, p->nnodes + 1, sizeof(*p->nodes));
	xgrow(&b->content_off, &b->cap_off, p->nnodes + 2, sizeof(*b->content_off));
	n = &p->nodes[p->nnodes];
	memset(n, 0, sizeof(*n));
	n->stage = s;
	memcpy(n->deps, deps, ndeps * sizeof(*deps));
	n->ndeps = ndeps;
	n->ncells = 1;
	n->cell = cell;
	n->reads = reads;
	n->python = python;
	if (!EVP_DigestInit_ex(b->md, b->sha256, NULL) || !EVP_DigestUpdate(b->md, c, len) ||
	    !EVP_DigestFinal_ex(b->md, n->key, &mdlen))
		return error(EC_EXIT_INTERNAL, "SHA-256 failed (OpenSSL)");
	{
		char hex[2 * PLAN_KEY_SIZE + 1];

		plan_key_hex(n->key, hex);
		snprintf(n->id, sizeof(n->id), "%s-%.12s", stage_name(s), hex);
	}
	b->content_off[p->nnodes] = b->arena.len;
	strbuf_add(&b->arena, c, len);
	b->content_off[p->nnodes + 1] = b->arena.len;
	b->slots[j] = p->nnodes + 1;
	b->slot_hash[j] = h;
	p->count[s]++;
	*out = p->nnodes++;
	if (p->nnodes * 2 > b->nslots)
		rehash(b);
	return 0;
}

/*
 * Whether the embedded probe.json of PROBE declares a Python extension
 * module ("python"). A missing or broken probe.json is not one: its compile
 * stage reports the problem.
 */
static int probe_is_python(const char *probe)
{
	char *path = xasprintf("matrix/probes/%s/probe.json", probe);
	const struct embedded_file *f = embedded_find(path);
	struct json_doc d;
	int python = 0;

	if (f && json_doc_parse(&d, path, f->data, f->size) == 0) {
		python = cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d.root, "python"));
		json_doc_release(&d);
	}
	error_clear();
	free(path);
	return python;
}

/* What the plan needs of PROBE, computed once per probe name. */
static const struct probe_info *probe_info(struct builder *b, const char *probe)
{
	struct probe_info *pi;
	char *prefix;

	for (size_t i = 0; i < b->nprobes; i++)
		if (strcmp(b->probes[i].name, probe) == 0)
			return &b->probes[i];
	xgrow(&b->probes, &b->cap_probes, b->nprobes + 1, sizeof(*b->probes));
	pi = &b->probes[b->nprobes++];
	pi->name = xstrdup(probe);
	prefix = xasprintf("matrix/probes/%s/", probe);
	embedded_digest(prefix, pi->digest);
	free(prefix);
	pi->python = probe_is_python(probe);
	return pi;
}

static int cell_is_python(struct builder *b, const struct matrix_cell *c)
{
	return b->probe_key >= 0 && c->values[b->probe_key] && probe_info(b, c->values[b->probe_key])->python;
}

static void content(struct builder *b, unsigned stages, enum stage s, const struct matrix_cell *c, const size_t *deps,
		    size_t ndeps)
{
	struct strbuf *sb = &b->scratch;
	const unsigned *reads = cell_is_python(b, c) ? b->reads_py : b->reads;

	sb->len = 0;
	strbuf_addstr(sb, stage_name(s));
	strbuf_addch(sb, '\n');
	for (size_t i = 0; i < b->m->nkeys; i++) {
		size_t k = b->by_name[i];
		const char *v = c->values[k];

		if (!(reads[k] & stages) || !v || (b->dflt[k] && strcmp(v, b->dflt[k]) == 0))
			continue;
		/*
		 * A host built by another Emscripten (loader emcc-main-<version>)
		 * is that Emscripten's emcc-main host, and shares its node.
		 */
		if (s == STAGE_MAIN && b->loader_key >= 0 && c->values[b->loader_key] &&
		    strncmp(c->values[b->loader_key], "emcc-main-", 10) == 0) {
			if ((int)k == b->loader_key)
				v = "emcc-main";
			else if ((int)k == b->em_key)
				v = c->values[b->loader_key] + 10;
		}
		strbuf_addf(sb, "%s=%s\n", b->m->keys[k], v);
	}
	/* The sources a recipe reads are inputs too: a changed probe rebuilds. */
	if ((stages & BIT(STAGE_COMPILE)) && b->probe_key >= 0 && c->values[b->probe_key])
		strbuf_addf(sb, "src=%s\n", probe_info(b, c->values[b->probe_key])->digest);
	if (stages & (BIT(STAGE_MAIN) | BIT(STAGE_LOAD) | BIT(STAGE_RUN)))
		strbuf_addf(sb, "loaders=%s\n", b->loaders_digest);
	if (stages & BIT(STAGE_STD))
		strbuf_addf(sb, "scripts=%s\n", b->scripts_digest);
	for (size_t i = 0; i < ndeps; i++)
		strbuf_add(sb, b->p->nodes[deps[i]].key, PLAN_KEY_SIZE);
}

/* Adds (or shares) the node of STAGE for cell CI, reading the axes of BITS. */
static int add_node(struct builder *b, size_t ci, enum stage stage, unsigned bits, size_t dep0, size_t dep1)
{
	size_t deps[2], ndeps = 0;

	if (dep0 != PLAN_NONE)
		deps[ndeps++] = dep0;
	if (dep1 != PLAN_NONE)
		deps[ndeps++] = dep1;
	content(b, bits, stage, &b->m->cells[ci], deps, ndeps);
	b->p->stage_runs_unshared++;
	return intern(b, stage, bits, cell_is_python(b, &b->m->cells[ci]), deps, ndeps, ci,
		      &b->p->cell_nodes[ci * STAGE_COUNT + stage]);
}

/*
 * The content of a package cell's node of stage S: what it downloads
 * (link, inspect: the requirement and its "requires"), or its package (load,
 * run: name and digest, so edited checks re-run), the axes the stage reads of loader and node, every axis no
 * stage table names, the digest of matrix/packages/ (the fetcher and the
 * harness), and its deps' keys. A prebuilt wheel does not depend on the
 * cell's Rust, Emscripten or flag axes, so those are left out.
 */
static void package_content(struct builder *b, enum stage s, const struct matrix_cell *c,
			    const struct matrix_package *pk, const size_t *deps, size_t ndeps)
{
	struct strbuf *sb = &b->scratch;

	sb->len = 0;
	/* The download and its inspection depend on what is fetched, not on the checks. */
	if (pk->path) {
		strbuf_addf(sb, "%s\npath=%s\n", stage_name(s), pk->tree_digest);
	} else if (s == STAGE_LINK || s == STAGE_INSPECT) {
		strbuf_addf(sb, "%s\npypi=%s\n", stage_name(s), pk->pypi);
		for (size_t i = 0; i < pk->nrequires; i++)
			strbuf_addf(sb, "requires=%s\n", pk->requires[i]);
		if (pk->platform)  /* only when set: the matching wheel's keys stay as they were */
			strbuf_addf(sb, "platform=%s\n", pk->platform);
	} else {
		strbuf_addf(sb, "%s\npackage=%s\npkg=%s\n", stage_name(s), pk->name, pk->digest);
	}
	for (size_t i = 0; i < b->m->nkeys; i++) {
		size_t k = b->by_name[i];
		const char *key = b->m->keys[k];

		if (!c->values[k] || (int)k == b->probe_key)
			continue;
		if ((b->reads[k] != ALL_STAGES && strcmp(key, "loader") != 0 && strcmp(key, "node") != 0) ||
		    (strcmp(key, "node") == 0 && s != STAGE_LOAD && s != STAGE_RUN))
			continue;
		strbuf_addf(sb, "%s=%s\n", key, c->values[k]);
	}
	strbuf_addf(sb, "packages=%s\n", b->packages_digest);
	for (size_t i = 0; i < ndeps; i++)
		strbuf_add(sb, b->p->nodes[deps[i]].key, PLAN_KEY_SIZE);
}

static int add_package_node(struct builder *b, size_t ci, const struct matrix_package *pk, enum stage s, size_t dep)
{
	size_t deps[1] = { dep }, ndeps = dep != PLAN_NONE;
	size_t *slot = &b->p->cell_nodes[ci * STAGE_COUNT + s];

	package_content(b, s, &b->m->cells[ci], pk, deps, ndeps);
	b->p->stage_runs_unshared++;
	if (intern(b, s, BIT(s), 0, deps, ndeps, ci, slot))
		return -1;
	b->p->nodes[*slot].package = pk;
	return 0;
}

/*
 * The content of a source package cell's compile (build) or link node:
 * the requirement, the axes the stage reads (build: loader, for its
 * Python; link: emscripten, opt, bigint, eh and loader, for the wheel's
 * tags), every axis no stage table names, the digest of matrix/sdist/ and
 * the deps' keys. Rust, Emscripten and eh reach the build through its std
 * node's key; the link's own axes (opt, bigint) do not, so every link of
 * one build shares it.
 */
static void source_content(struct builder *b, enum stage s, const struct matrix_cell *c,
			   const struct matrix_package *pk, const size_t *deps, size_t ndeps)
{
	static const char *const link_reads[] = { "emscripten", "opt", "bigint", "eh", "loader", NULL };
	struct strbuf *sb = &b->scratch;

	sb->len = 0;
	if (pk->path)
		strbuf_addf(sb, "%s\nbuild=source\npath=%s\n", stage_name(s), pk->tree_digest);
	else
		strbuf_addf(sb, "%s\nbuild=source\npypi=%s\n", stage_name(s), pk->pypi);
	for (size_t i = 0; i < b->m->nkeys; i++) {
		size_t k = b->by_name[i];
		const char *key = b->m->keys[k];
		int read = b->reads[k] == ALL_STAGES || strcmp(key, "loader") == 0;

		for (size_t j = 0; s == STAGE_LINK && link_reads[j]; j++)
			read |= strcmp(key, link_reads[j]) == 0;
		if (!c->values[k] || (int)k == b->probe_key || !read ||
		    (b->dflt[k] && strcmp(c->values[k], b->dflt[k]) == 0))
			continue;
		strbuf_addf(sb, "%s=%s\n", key, c->values[k]);
	}
	strbuf_addf(sb, "sdist=%s\n", b->sdist_digest);
	for (size_t i = 0; i < ndeps; i++)
		strbuf_add(sb, b->p->nodes[deps[i]].key, PLAN_KEY_SIZE);
}

static int add_source_node(struct builder *b, size_t ci, const struct matrix_package *pk, enum stage s, size_t dep)
{
	size_t deps[1] = { dep };
	size_t *slot = &b->p->cell_nodes[ci * STAGE_COUNT + s];

	source_content(b, s, &b->m->cells[ci], pk, deps, 1);
	b->p->stage_runs_unshared++;
	if (intern(b, s, BIT(s), 1, deps, 1, ci, slot))
		return -1;
	b->p->nodes[*slot].package = pk;
	return 0;
}

/*
 * A source package's cell: the std node a probe of its Rust, Emscripten
 * and eh would use, the build (compile: download, vendor, cargo), the link
 * (emcc, then the module packed as a wheel), then inspect, load and run as
 * for a prebuilt wheel. No main node: it loads into a Pyodide only.
 */
static int add_source_cell(struct builder *b, size_t ci, const struct matrix_package *pk)
{
	size_t *slot = &b->p->cell_nodes[ci * STAGE_COUNT];

	return add_node(b, ci, STAGE_STD, BIT(STAGE_STD), PLAN_NONE, PLAN_NONE) ||
	       add_source_node(b, ci, pk, STAGE_COMPILE, slot[STAGE_STD]) ||
	       add_source_node(b, ci, pk, STAGE_LINK, slot[STAGE_COMPILE]) ||
	       add_package_node(b, ci, pk, STAGE_INSPECT, slot[STAGE_LINK]) ||
	       add_package_node(b, ci, pk, STAGE_LOAD, slot[STAGE_LINK]) ||
	       add_package_node(b, ci, pk, STAGE_RUN, slot[STAGE_LOAD]);
}

/*
 * A prebuilt wheel's cell: no std, compile or main node. Its link node
 * downloads the wheel that matches the cell's Pyodide (the side module
 * comes from PyPI instead of emcc); inspect, load and run read it.
 */
static int add_package_cell(struct builder *b, size_t ci, const struct matrix_package *pk)
{
	size_t *slot = &b->p->cell_nodes[ci * STAGE_COUNT];

	return add_package_node(b, ci, pk, STAGE_LINK, PLAN_NONE) ||
	       add_package_node(b, ci, pk, STAGE_INSPECT, slot[STAGE_LINK]) ||
	       add_package_node(b, ci, pk, STAGE_LOAD, slot[STAGE_LINK]) ||
	       add_package_node(b, ci, pk, STAGE_RUN, slot[STAGE_LOAD]);
}

static int add_cell(struct builder *b, size_t ci)
{
	const struct matrix_cell *c = &b->m->cells[ci];
	const char *mode = matrix_cell_get(b->m, c, "link_mode");
	const char *loader = matrix_cell_get(b->m, c, "loader");
	size_t *slot = &b->p->cell_nodes[ci * STAGE_COUNT];

	const struct matrix_package *pk = b->probe_key >= 0 ? matrix_package_find(b->m, c->values[b->probe_key]) : NULL;

	for (int s = 0; s < STAGE_COUNT; s++)
		slot[s] = PLAN_NONE;
	if (pk)
		return pk->source ? add_source_cell(b, ci, pk) : add_package_cell(b, ci, pk);
	if (add_node(b, ci, STAGE_STD, BIT(STAGE_STD), PLAN_NONE, PLAN_NONE))
		return -1;
	if (mode && strcmp(mode, "rustc") == 0) {
		if (add_node(b, ci, STAGE_LINK, BIT(STAGE_COMPILE) | BIT(STAGE_LINK), slot[STAGE_STD], PLAN_NONE))
			return -1;
	} else if (add_node(b, ci, STAGE_COMPILE, BIT(STAGE_COMPILE), slot[STAGE_STD], PLAN_NONE) ||
		   add_node(b, ci, STAGE_LINK, BIT(STAGE_LINK), slot[STAGE_COMPILE], PLAN_NONE)) {
		return -1;
	}
	/* A Pyodide runtime is its own main module. */
	if (!(loader && strncmp(loader, "pyodide", 7) == 0) &&
	    add_node(b, ci, STAGE_MAIN, BIT(STAGE_MAIN), PLAN_NONE, PLAN_NONE))
		return -1;
	if (add_node(b, ci, STAGE_INSPECT, BIT(STAGE_INSPECT), slot[STAGE_LINK], slot[STAGE_MAIN]) ||
	    add_node(b, ci, STAGE_LOAD, BIT(STAGE_LOAD), slot[STAGE_LINK], slot[STAGE_MAIN]) ||
	    add_node(b, ci, STAGE_RUN, BIT(STAGE_RUN), slot[STAGE_LOAD], PLAN_NONE))
		return -1;
	return 0;
}

int plan_build(struct plan *p, const struct matrix *m)
{
	struct builder b;
	int rc = 0;

	memset(p, 0, sizeof(*p));
	p->matrix = m;
	p->cell_nodes = xcalloc(m->ncells * STAGE_COUNT, sizeof(*p->cell_nodes));
	builder_init(&b, p, m);
	for (size_t c = 0; c < m->ncells && rc == 0; c++)
		rc = add_cell(&b, c);
	builder_release(&b);
	if (rc)
		plan_release(p);
	return rc;
}

const struct plan_node *plan_cell_node(const struct plan *p, size_t cell, enum stage s)
{
	size_t n = p->cell_nodes[cell * STAGE_COUNT + s];

	return n == PLAN_NONE ? NULL : &p->nodes[n];
}

/*
 * The stages that read AXIS. A Python extension's compile stage also reads
 * the loader (the Python version PyO3 builds for comes from the Pyodide
 * runtime) and pyo3; other probes' compile ignores pyo3, so a pyo3 axis
 * does not multiply their nodes.
 */
static unsigned key_reads(const char *axis, int python)
{
	unsigned bits = ALL_STAGES;

	for (size_t i = 0; i < sizeof(axis_stages) / sizeof(*axis_stages); i++)
		if (strcmp(axis, axis_stages[i].axis) == 0)
			bits = axis_stages[i].stages;
	if (strcmp(axis, "pyo3") == 0 && !python)
		bits &= ~BIT(STAGE_COMPILE);
	if (strcmp(axis, "loader") == 0 && python)
		bits |= BIT(STAGE_COMPILE);
	return bits;
}

const char *plan_axis_default(const char *axis)
{
	for (size_t i = 0; i < sizeof(axis_stages) / sizeof(*axis_stages); i++)
		if (strcmp(axis, axis_stages[i].axis) == 0)
			return axis_stages[i].dflt;
	return NULL;
}

int plan_node_reads(const struct plan *p, const struct plan_node *n, size_t k)
{
	return k < p->matrix->nkeys && (key_reads(p->matrix->keys[k], n->python) & n->reads) != 0;
}

void plan_key_hex(const unsigned char key[PLAN_KEY_SIZE], char out[2 * PLAN_KEY_SIZE + 1])
{
	hex_encode(key, PLAN_KEY_SIZE, out);
}

void plan_release(struct plan *p)
{
	free(p->nodes);
	free(p->cell_nodes);
	memset(p, 0, sizeof(*p));
}

void plan_cell_index_init(struct plan_cell_index *ix, const struct plan *p, const int *done)
{
	size_t nc = p->matrix->ncells, nn = p->nnodes, *fill = xcalloc(nn, sizeof(*fill));

	ix->start = xcalloc(nn + 1, sizeof(*ix->start));
	ix->pending = xcalloc(nc, sizeof(*ix->pending));
	for (size_t c = 0; c < nc; c++)
		for (int s = 0; s < STAGE_COUNT; s++) {
			size_t n = p->cell_nodes[c * STAGE_COUNT + s];

			if (n == PLAN_NONE)
				continue;
			ix->start[n + 1]++;
			if (!done || !done[n])
				ix->pending[c]++;
		}
	for (size_t n = 0; n < nn; n++)
		ix->start[n + 1] += ix->start[n];
	ix->cells = xcalloc(ix->start[nn] + 1, sizeof(*ix->cells));
	for (size_t c = 0; c < nc; c++)
		for (int s = 0; s < STAGE_COUNT; s++) {
			size_t n = p->cell_nodes[c * STAGE_COUNT + s];

			if (n != PLAN_NONE)
				ix->cells[ix->start[n] + fill[n]++] = c;
		}
	free(fill);
}

void plan_cell_index_release(struct plan_cell_index *ix)
{
	free(ix->start);
	free(ix->cells);
	free(ix->pending);
	memset(ix, 0, sizeof(*ix));
}
