#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emcompat/cache.h"
#include "emcompat/cachedir.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/stage.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in DIR, without . and .., sorted; *N of them (caller frees each and the array). */
static char **list_dir(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		xgrow(&v, &cap, *n + 1, sizeof(*v));
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The stage of node dir NAME (<stage>-<64 hex>), or -1 for anything else. */
static int node_stage(const char *name)
{
	const char *dash = strrchr(name, '-');
	char stage[16];
	int st;

	if (!dash || strlen(dash + 1) != 2 * PLAN_KEY_SIZE ||
	    strspn(dash + 1, "0123456789abcdef") != 2 * PLAN_KEY_SIZE || (size_t)(dash - name) >= sizeof(stage))
		return -1;
	memcpy(stage, name, (size_t)(dash - name));
	stage[dash - name] = '\0';
	st = stage_from_name(stage);
	return st;
}

/* Whether KIND_DIR holds a <version>/toolchain.json: a toolchain kind; *COUNT of them. */
static int toolchain_kind(const char *kind_dir, size_t *count)
{
	size_t n;
	char **v = list_dir(kind_dir, &n);

	*count = 0;
	for (size_t i = 0; i < n; i++) {
		char *manifest = xasprintf("%s/%s/toolchain.json", kind_dir, v[i]);

		*count += v[i][0] != '.' && access(manifest, F_OK) == 0;
		free(manifest);
	}
	free_list(v, n);
	return *count > 0;
}

static struct cachedir_part *add_part(struct cachedir_usage *u, size_t *cap, const char *group, const char *name)
{
	struct cachedir_part *p;

	xgrow(&u->parts, cap, u->nparts + 1, sizeof(*u->parts));
	p = &u->parts[u->nparts++];
	memset(p, 0, sizeof(*p));
	p->group = group;
	p->name = name ? xstrdup(name) : NULL;
	return p;
}

int cachedir_usage(const char *cache_dir, struct cachedir_usage *u)
{
	struct cachedir_part *targets;
	char **top, **v, *path;
	size_t ntop, n, cap = 0, first_stage;

	memset(u, 0, sizeof(*u));
	u->cache_dir = cache_dir ? xstrdup(cache_dir) : toolchain_cache_dir();
	if (!is_dir(u->cache_dir))
		return error(EC_EXIT_INPUT, "%s: no such cache dir", u->cache_dir);
	top = list_dir(u->cache_dir, &ntop);
	for (size_t i = 0; i < ntop; i++) {
		size_t count;

		if (top[i][0] == '.' || strcmp(top[i], "nodes") == 0 || strcmp(top[i], "cargo-target") == 0)
			continue;
		path = xasprintf("%s/%s", u->cache_dir, top[i]);
		if (is_dir(path) && toolchain_kind(path, &count)) {
			struct cachedir_part *p = add_part(u, &cap, "toolchains", top[i]);

			p->bytes = tree_size(path);
			p->count = count;
		}
		free(path);
	}
	first_stage = u->nparts;
	for (int s = 0; s < STAGE_COUNT; s++)
		add_part(u, &cap, "nodes", stage_name((enum stage)s));
	path = xasprintf("%s/nodes", u->cache_dir);
	v = list_dir(path, &n);
	u->runs = cache_runs(path);
	for (size_t i = 0; i < n; i++) {
		int st = node_stage(v[i]);
		char *dir;

		if (st < 0)
			continue;
		dir = xasprintf("%s/%s", path, v[i]);
		u->parts[first_stage + (size_t)st].bytes += tree_size(dir);
		u->parts[first_stage + (size_t)st].count++;
		free(dir);
	}
	free_list(v, n);
	free(path);
	targets = add_part(u, &cap, "cargo-target", NULL);
	path = xasprintf("%s/cargo-target", u->cache_dir);
	v = list_dir(path, &n);
	targets->bytes = tree_size(path);
	targets->count = n;
	free_list(v, n);
	free(path);
	for (size_t i = 0; i < ntop; i++) {
		size_t count;
		char *p = xasprintf("%s/%s", u->cache_dir, top[i]);

		if (top[i][0] != '.' && strcmp(top[i], "nodes") != 0 && strcmp(top[i], "cargo-target") != 0 &&
		    !(is_dir(p) && toolchain_kind(p, &count)))
			add_part(u, &cap, "other", top[i])->bytes = tree_size(p);
		free(p);
	}
	free_list(top, ntop);
	return 0;
}

void cachedir_usage_release(struct cachedir_usage *u)
{
	for (size_t i = 0; i < u->nparts; i++)
		free(u->parts[i].name);
	free(u->parts);
	free(u->cache_dir);
	memset(u, 0, sizeof(*u));
}

struct gc_node {
	char *name;               /* the node dir's name */
	int stage;
	unsigned long long bytes; /* with its cargo-target dirs */
	unsigned long run;
	double time;
	const char *why;          /* NULL: kept */
	char **targets;           /* its cargo-target dir names */
	size_t ntargets;
};

static int cmp_node_name(const void *a, const void *b)
{
	return strcmp(((const struct gc_node *)a)->name, ((const struct gc_node *)b)->name);
}

/* Least recently used first; the name decides between equals, for a stable order. */
static int cmp_lru(const void *a, const void *b)
{
	const struct gc_node *x = *(struct gc_node *const *)a, *y = *(struct gc_node *const *)b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The node dir names of O's plans, sorted; *N of them. */
static char **planned_names(const struct cachedir_gc_opts *o, size_t *n)
{
	char hex[2 * PLAN_KEY_SIZE + 1], **v = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < o->nplans; i++)
		for (size_t k = 0; k < o->plans[i]->nnodes; k++) {
			const struct plan_node *node = &o->plans[i]->nodes[k];

			plan_key_hex(node->key, hex);
			xgrow(&v, &cap, *n + 1, sizeof(*v));
			v[(*n)++] = xasprintf("%s-%s", stage_name(node->stage), hex);
		}
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static int gc_remove(const char *cache, const char *sub, const char *name, const char *why, int dry_run,
		     struct cachedir_gc_result *res, size_t *cap)
{
	char *path = xasprintf("%s/%s/%s", cache, sub, name);
	unsigned long long bytes = tree_size(path);
	int rc = dry_run ? 0 : remove_tree(path);

	free(path);
	if (rc)
		return -1;
	xgrow(&res->removed, cap, res->nremoved + 1, sizeof(*res->removed));
	res->removed[res->nremoved++] = (struct cachedir_removed){ xasprintf("%s/%s", sub, name), bytes, why };
	return 0;
}

/* Reads nodes/ and cargo-target/ into *NODES (sorted by name) and the orphan targets. */
static void gc_scan(const char *cache, struct gc_node **nodes, size_t *nnodes, char ***orphans, size_t *norphans)
{
	char *nodes_dir = xasprintf("%s/nodes", cache), *targets_dir = xasprintf("%s/cargo-target", cache);
	size_t n, nt, cap = 0, ocap = 0;
	char **v = list_dir(nodes_dir, &n), **t = list_dir(targets_dir, &nt);

	*nodes = NULL;
	*nnodes = 0;
	*orphans = NULL;
	*norphans = 0;
	for (size_t i = 0; i < n; i++) {
		int st = node_stage(v[i]);
		char *dir;
		struct gc_node *g;

		if (st < 0)
			continue;
		xgrow(nodes, &cap, *nnodes + 1, sizeof(**nodes));
		g = &(*nodes)[(*nnodes)++];
		memset(g, 0, sizeof(*g));
		g->name = xstrdup(v[i]);
		g->stage = st;
		dir = xasprintf("%s/%s", nodes_dir, v[i]);
		g->bytes = tree_size(dir);
		cache_last_used(dir, &g->run, &g->time);
		free(dir);
	}
	/*
	 * <std node>-pyo3-... (a pyo3 probe's), <std node>-crates-... (a probe
	 * with crates.io dependencies) or <std node>-py<X.Y>-<project> (a source
	 * package's): the std node's name is the part before.
	 */
	for (size_t i = 0; i < nt; i++) {
		const char *cut = strstr(t[i], "-crates-") ? strstr(t[i], "-crates-") : strstr(t[i], "-py");
		char *owner = cut ? xstrndup(t[i], (size_t)(cut - t[i])) : xstrdup(t[i]), *dir;
		struct gc_node key = { .name = owner }, *g;
		size_t tcap;

		g = *nnodes ? bsearch(&key, *nodes, *nnodes, sizeof(**nodes), cmp_node_name) : NULL;
		free(owner);
		dir = xasprintf("%s/%s", targets_dir, t[i]);
		if (g) {
			tcap = g->ntargets;
			xgrow(&g->targets, &tcap, g->ntargets + 1, sizeof(*g->targets));
			g->targets[g->ntargets++] = xstrdup(t[i]);
			g->bytes += tree_size(dir);
		} else {
			xgrow(orphans, &ocap, *norphans + 1, sizeof(**orphans));
			(*orphans)[(*norphans)++] = xstrdup(t[i]);
		}
		free(dir);
	}
	free_list(v, n);
	free_list(t, nt);
	free(nodes_dir);
	free(targets_dir);
}

/* Adds a copy of S to the list *V (*N entries, *CAP allocated). */
static void add_name(char ***v, size_t *n, size_t *cap, const char *s)
{
	xgrow(v, cap, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

/* The string member KEY of the JSON object in file PATH (a caller's copy), or NULL. */
static char *json_file_string(const char *path, const char *key, const char *sub)
{
	char *text, *out = NULL;
	size_t len;
	cJSON *o, *v;

	if (access(path, F_OK) != 0 || read_file(path, &text, &len)) {
		error_clear();
		return NULL;
	}
	o = cJSON_ParseWithLength(text, len);
	free(text);
	v = sub ? cJSON_GetObjectItemCaseSensitive(o, sub) : o;
	v = cJSON_GetObjectItemCaseSensitive(v, key);
	if (cJSON_IsString(v))
		out = xstrdup(v->valuestring);
	cJSON_Delete(o);
	return out;
}

static int has_name(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/*
 * The sdist store, sdists/ (matrix/sdist/sdist.py): records
 * <name>-<version>.json, each naming <sha256>/ (the sdist and its vendored
 * crates), lock-<sha256>/ (a path project's crates, by its Cargo.lock's
 * content) and what a fetch that did not finish left (.fetch-*, *.tmp).
 * After the nodes: a record and its dir stay while a plan of O builds that
 * package from source (by name and version) or a node left in NODES was
 * built from it (the sdist sha256 its build.json names); lock dirs stay
 * while a plan builds a path project (which one is its Cargo.lock's to
 * say, read by sdist.py). The rest goes, a record before the dir it names
 * (sdist.py never reads a record whose dir is gone).
 */
static int gc_sdists(const char *cache, const struct cachedir_gc_opts *o, const struct gc_node *nodes, size_t nnodes,
		     struct cachedir_gc_result *res, size_t *cap)
{
	char *store = xasprintf("%s/sdists", cache), **v, **keep = NULL;
	size_t n, nkeep = 0, kcap = 0;
	int rc = 0, paths = 0;

	if (!is_dir(store)) {
		free(store);
		return 0;
	}
	v = list_dir(store, &n);
	for (size_t i = 0; i < o->nplans; i++)
		for (size_t k = 0; k < o->plans[i]->nnodes; k++) {
			const struct matrix_package *pk = o->plans[i]->nodes[k].package;
			struct strbuf rec = { 0 };

			paths |= pk && pk->path;
			if (!pk || !pk->source || !pk->pypi)
				continue;
			/* sdist.py's record of "name==version" is <name>-<version>.json. */
			for (const char *c = pk->pypi; *c; c++) {
				strbuf_addch(&rec, c[0] == '=' && c[1] == '=' ? '-' : *c);
				c += c[0] == '=' && c[1] == '=';
			}
			strbuf_addstr(&rec, ".json");
			add_name(&keep, &nkeep, &kcap, strbuf_str(&rec));
			strbuf_release(&rec);
		}
	for (size_t i = 0; i < nnodes; i++) {
		char *build, *sha;

		if (nodes[i].why || nodes[i].stage != STAGE_COMPILE)
			continue;
		build = xasprintf("%s/nodes/%s/build.json", cache, nodes[i].name);
		if ((sha = json_file_string(build, "sha256", "sdist")))
			add_name(&keep, &nkeep, &kcap, sha);
		free(sha);
		free(build);
	}
	/* A kept record keeps its dir; a kept dir keeps the records naming it. */
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(v[i]);
		char *path, *sha;

		if (len <= 5 || strcmp(v[i] + len - 5, ".json") != 0)
			continue;
		path = xasprintf("%s/%s", store, v[i]);
		sha = json_file_string(path, "sha256", NULL);
		if (sha && has_name(keep, nkeep, v[i]) && !has_name(keep, nkeep, sha))
			add_name(&keep, &nkeep, &kcap, sha);
		else if (sha && has_name(keep, nkeep, sha) && !has_name(keep, nkeep, v[i]))
			add_name(&keep, &nkeep, &kcap, v[i]);
		free(sha);
		free(path);
	}
	for (int records = 1; records >= 0 && rc == 0; records--)
		for (size_t i = 0; i < n && rc == 0; i++) {
			size_t len = strlen(v[i]);
			int is_record = len > 5 && strcmp(v[i] + len - 5, ".json") == 0;
			int unfinished = strncmp(v[i], ".fetch-", 7) == 0 ||
					 (len > 4 && strcmp(v[i] + len - 4, ".tmp") == 0);

			if (strcmp(v[i], ".lock") == 0 || is_record != records || has_name(keep, nkeep, v[i]) ||
			    (paths && strncmp(v[i], "lock-", 5) == 0))
				continue;
			rc = gc_remove(cache, "sdists", v[i],
				       unfinished ? "an unfinished fetch" : "no plan or node uses it", o->dry_run, res,
				       cap);
		}
	free_list(keep, nkeep);
	free_list(v, n);
	free(store);
	return rc;
}

int cachedir_gc(const char *cache_dir, const struct cachedir_gc_opts *o, struct cachedir_gc_result *res)
{
	char *cache = cache_dir ? xstrdup(cache_dir) : toolchain_cache_dir(), *nodes_dir, **orphans, **plans;
	struct gc_node *nodes, **lru;
	size_t nnodes, norphans, nplans, cap = 0, nlru = 0;
	unsigned long long total = 0;
	unsigned long runs;
	int fd, rc;

	memset(res, 0, sizeof(*res));
	nodes_dir = xasprintf("%s/nodes", cache);
	if (!is_dir(nodes_dir)) {
		free(nodes_dir);
		free(cache);
		return 0;
	}
	rc = cache_trylock(nodes_dir, &fd);
	if (rc) {
		if (rc == 1)
			error(EC_EXIT_BUSY,
			      "%s: a run is using this cache; nothing removed (try again when it is done)", nodes_dir);
		free(nodes_dir);
		free(cache);
		return -1;
	}
	runs = cache_runs(nodes_dir);
	gc_scan(cache, &nodes, &nnodes, &orphans, &norphans);
	plans = planned_names(o, &nplans);
	lru = xcalloc(nnodes + 1, sizeof(*lru));
	for (size_t i = 0; i < nnodes; i++) {
		struct gc_node *g = &nodes[i];

		if (o->nplans && !(nplans && bsearch(&g->name, plans, nplans, sizeof(*plans), cmp_str)))
			g->why = "not planned";
		else if ((o->unused_days >= 0 && o->now - g->time > o->unused_days * 86400) ||
			 (o->unused_runs >= 0 && g->run <= runs && runs - g->run >= (unsigned long)o->unused_runs))
			g->why = "unused";
		else {
			lru[nlru++] = g;
			total += g->bytes;
		}
	}
	if (o->max_size >= 0 && total > (unsigned long long)o->max_size) {
		qsort(lru, nlru, sizeof(*lru), cmp_lru);
		for (size_t i = 0; i < nlru && total > (unsigned long long)o->max_size; i++) {
			lru[i]->why = "over budget";
			total -= lru[i]->bytes;
		}
	}
	rc = 0;
	for (size_t i = 0; i < nnodes && rc == 0; i++) {
		struct gc_node *g = &nodes[i];

		if (!g->why) {
			res->kept_nodes++;
			continue;
		}
		/* The targets first: a node dir is gone last, when all of it is. */
		for (size_t k = 0; k < g->ntargets && rc == 0; k++)
			rc = gc_remove(cache, "cargo-target", g->targets[k], g->why, o->dry_run, res, &cap);
		if (rc == 0)
			rc = gc_remove(cache, "nodes", g->name, g->why, o->dry_run, res, &cap);
	}
	for (size_t i = 0; i < norphans && rc == 0; i++)
		rc = gc_remove(cache, "cargo-target", orphans[i], "its std node is gone", o->dry_run, res, &cap);
	if (rc == 0)
		rc = gc_sdists(cache, o, nodes, nnodes, res, &cap);
	res->kept_bytes = total;
	for (size_t i = 0; i < nnodes; i++) {
		free(nodes[i].name);
		free_list(nodes[i].targets, nodes[i].ntargets);
	}
	free(nodes);
	free(lru);
	free_list(orphans, norphans);
	free_list(plans, nplans);
	close(fd);
	free(nodes_dir);
	free(cache);
	return rc;
}

void cachedir_gc_result_release(struct cachedir_gc_result *res)
{
	for (size_t i = 0; i < res->nremoved; i++)
		free(res->removed[i].path);
	free(res->removed);
	memset(res, 0, sizeof(*res));
}
