#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"

char *toolchain_cache_dir(void)
{
	const char *env = getenv("EMCOMPAT_CACHE"), *home = getenv("HOME");

	if (env && *env)
		return xstrdup(env);
	return xasprintf("%s/.cache/emcompat", home && *home ? home : "/tmp");
}

enum key_type {
	KEY_STRING,
	KEY_ENV,
	KEY_ARGV
};

/* The keys recipes read (struct toolchain): their kind (NULL: every kind), type and place. */
static const struct typed_key {
	const char *kind, *key;
	enum key_type type;
	size_t off;     /* of the string in struct toolchain (KEY_STRING) */
} typed_keys[] = {
	{ NULL, "identity", KEY_STRING, offsetof(struct toolchain, identity) },
	{ NULL, "installed", KEY_STRING, offsetof(struct toolchain, installed) },
	{ NULL, "env", KEY_ENV, 0 },
	{ "rust", "rustc", KEY_STRING, offsetof(struct toolchain, rust.rustc) },
	{ "rust", "cargo", KEY_STRING, offsetof(struct toolchain, rust.cargo) },
	{ "rust", "sysroot", KEY_STRING, offsetof(struct toolchain, rust.sysroot) },
	{ "rust", "rust_src", KEY_STRING, offsetof(struct toolchain, rust.rust_src) },
	{ "rust", "std", KEY_STRING, offsetof(struct toolchain, rust.std) },
	{ "emscripten", "emcc", KEY_ARGV, 0 },
	{ "emscripten", "bin", KEY_STRING, offsetof(struct toolchain, emscripten.bin) },
	{ "emscripten", "llvm", KEY_STRING, offsetof(struct toolchain, emscripten.llvm) },
	{ "node", "node", KEY_STRING, offsetof(struct toolchain, node.node) },
	{ "pyodide", "index_url", KEY_STRING, offsetof(struct toolchain, pyodide.index_url) },
	{ "pyodide", "python", KEY_STRING, offsetof(struct toolchain, pyodide.python) },
	{ "pyodide", "python_lib_dir", KEY_STRING, offsetof(struct toolchain, pyodide.python_lib_dir) },
	{ "pyo3", "lock", KEY_STRING, offsetof(struct toolchain, pyo3.lock) },
	{ "pyo3", "cargo_config", KEY_STRING, offsetof(struct toolchain, pyo3.cargo_config) },
};

#define NTYPED (sizeof(typed_keys) / sizeof(*typed_keys))

static int typed_for(const struct typed_key *k, const char *kind)
{
	return !k->kind || strcmp(k->kind, kind) == 0;
}

/* What V should be as key K, or NULL when it is that. */
static const char *bad_type(const struct typed_key *k, const cJSON *v)
{
	const cJSON *e;

	switch (k->type) {
	case KEY_STRING:
		return cJSON_IsString(v) ? NULL : "a string";
	case KEY_ENV:
		if (!cJSON_IsObject(v))
			return "an object of strings";
		cJSON_ArrayForEach (e, v)
			if (!cJSON_IsString(e))
				return "an object of strings";
		return NULL;
	case KEY_ARGV:
		if (!cJSON_IsArray(v))
			return "a list of strings";
		cJSON_ArrayForEach (e, v)
			if (!cJSON_IsString(e))
				return "a list of strings";
		return NULL;
	}
	return NULL;
}

/*
 * The first key of JSON (a manifest of KIND) that recipes read and that
 * has another type, with *WHAT saying which; NULL when there is none.
 */
static const cJSON *mistyped(const cJSON *json, const char *kind, const char **what)
{
	for (size_t i = 0; i < NTYPED; i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(json, typed_keys[i].key);

		if (v && typed_for(&typed_keys[i], kind) && (*what = bad_type(&typed_keys[i], v)))
			return v;
	}
	return NULL;
}

/* Fills T's typed keys from its manifest, checked by mistyped() already. */
static void resolve(struct toolchain *t)
{
	for (size_t i = 0; i < NTYPED; i++) {
		const struct typed_key *k = &typed_keys[i];
		const cJSON *e, *v = cJSON_GetObjectItemCaseSensitive(t->json, k->key);
		size_t n = 0;

		if (!v || !typed_for(k, t->kind))
			continue;
		switch (k->type) {
		case KEY_STRING:
			*(const char **)((char *)t + k->off) = v->valuestring;
			break;
		case KEY_ENV:
			t->nenv = (size_t)cJSON_GetArraySize(v);
			t->env = xcalloc(t->nenv ? t->nenv : 1, sizeof(*t->env));
			cJSON_ArrayForEach (e, v)
				t->env[n++] = (struct toolchain_var){ e->string, e->valuestring };
			break;
		case KEY_ARGV:
			t->emscripten.emcc = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof(char *));
			cJSON_ArrayForEach (e, v)
				t->emscripten.emcc[n++] = e->valuestring;
			break;
		}
	}
}

static void add(struct toolchain_set *s, const char *kind, const char *version, const char *from, cJSON *json)
{
	struct toolchain *t;

	xgrow(&s->items, &s->cap, s->n + 1, sizeof(*s->items));
	t = &s->items[s->n++];
	memset(t, 0, sizeof(*t));
	t->kind = xstrdup(kind);
	t->version = xstrdup(version);
	t->manifest = xstrdup(from);
	t->json = json;
}

static int read_manifest(struct toolchain_set *s, const char *path)
{
	struct json_doc d;
	char *text;
	size_t len;
	const cJSON *kind, *version, *bad;
	const char *what;
	int rc = -1;

	if (read_file(path, &text, &len))
		return -1;
	if (json_doc_parse(&d, path, text, len))
		goto out;
	kind = cJSON_GetObjectItemCaseSensitive(d.root, "kind");
	version = cJSON_GetObjectItemCaseSensitive(d.root, "version");
	if (!cJSON_IsObject(d.root) || !cJSON_IsString(kind) || !cJSON_IsString(version)) {
		json_doc_error(&d, d.root, "a toolchain manifest needs string keys \"kind\" and \"version\"");
		json_doc_release(&d);
		goto out;
	}
	if ((bad = mistyped(d.root, kind->valuestring, &what))) {
		json_doc_error(&d, bad, "\"%s\" must be %s", bad->string, what);
		json_doc_release(&d);
		goto out;
	}
	add(s, kind->valuestring, version->valuestring, path, d.root);
	d.root = NULL;
	rc = 0;
out:
	free(text);
	return rc;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of DIR (no dot files), sorted, so scans are deterministic. */
static char **list_dir(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		xgrow(&names, &cap, *n + 1, sizeof(*names));
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof(*names), cmp_names);
	return names;
}

static void free_list(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int scan_cache(struct toolchain_set *s)
{
	size_t nkinds;
	char **kinds = list_dir(s->cache_dir, &nkinds);
	int rc = 0;

	for (size_t k = 0; k < nkinds && rc == 0; k++) {
		char *kdir = xasprintf("%s/%s", s->cache_dir, kinds[k]);
		size_t nvers;
		char **vers = list_dir(kdir, &nvers);

		for (size_t v = 0; v < nvers && rc == 0; v++) {
			char *path = xasprintf("%s/%s/toolchain.json", kdir, vers[v]);

			if (access(path, F_OK) == 0)
				rc = read_manifest(s, path);
			free(path);
		}
		free_list(vers, nvers);
		free(kdir);
	}
	free_list(kinds, nkinds);
	return rc;
}

/* Matrix axis -> toolchain kind; NULL for axes that name no toolchain. */
static const char *axis_kind(const char *axis)
{
	static const char *const kinds[][2] = {
		{ "rust", "rust" },
		{ "emscripten", "emscripten" },
		{ "node", "node" },
		{ "pyo3", "pyo3" },
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (strcmp(axis, kinds[i][0]) == 0)
			return kinds[i][1];
	return NULL;
}

static int merge_matrix(struct toolchain_set *s, const struct matrix *m)
{
	const cJSON *axis, *value, *bad;
	const char *what;

	if (!m || !m->toolchains)
		return 0;
	cJSON_ArrayForEach (axis, m->toolchains) {
		const char *kind = strcmp(axis->string, "loader") == 0 ? "pyodide" : axis_kind(axis->string);

		if (!kind)
			kind = axis->string;
		cJSON_ArrayForEach (value, axis) {
			const char *version = value->string;
			struct toolchain *t;
			const cJSON *e;

			if (strcmp(kind, "pyodide") == 0 && strncmp(version, "pyodide-", 8) == 0)
				version += 8;
			t = (struct toolchain *)toolchain_find(s, kind, version);
			if (!cJSON_IsObject(value))
				return error(EC_EXIT_INPUT, "%s: toolchains.%s.%s must be an object (a manifest)",
					     m->path, axis->string, value->string);
			if ((bad = mistyped(value, kind, &what)))
				return error(EC_EXIT_INPUT, "%s: toolchains.%s.%s.%s must be %s", m->path, axis->string,
					     value->string, bad->string, what);
			if (!t) {
				cJSON *json = cJSON_CreateObject();

				cJSON_AddStringToObject(json, "kind", kind);
				cJSON_AddStringToObject(json, "version", version);
				add(s, kind, version, "<matrix>", json);
				t = &s->items[s->n - 1];
			}
			cJSON_ArrayForEach (e, value) {
				cJSON_DeleteItemFromObjectCaseSensitive(t->json, e->string);
				cJSON_AddItemToObject(t->json, e->string, cJSON_Duplicate(e, 1));
			}
		}
	}
	return 0;
}

int toolchain_scan(struct toolchain_set *s, const char *cache_dir, const struct matrix *m)
{
	memset(s, 0, sizeof(*s));
	s->cache_dir = cache_dir ? xstrdup(cache_dir) : toolchain_cache_dir();
	if (scan_cache(s) || merge_matrix(s, m)) {
		toolchain_set_release(s);
		return -1;
	}
	for (size_t i = 0; i < s->n; i++)
		resolve(&s->items[i]);
	return 0;
}

const struct toolchain *toolchain_find(const struct toolchain_set *s, const char *kind, const char *version)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->items[i].kind, kind) == 0 && strcmp(s->items[i].version, version) == 0)
			return &s->items[i];
	return NULL;
}

const char *toolchain_str(const struct toolchain *t, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(t->json, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int toolchain_axis_value(const char *axis, const char *value, const char **kind, const char **version)
{
	*kind = axis_kind(axis);
	*version = value;
	if (strcmp(axis, "loader") == 0) {
		if (strncmp(value, "pyodide-", 8) != 0)
			return 0;
		*kind = "pyodide";
		*version = value + 8;
	}
	/* pyo3 "none": a probe built without PyO3. */
	return *kind && !(strcmp(*kind, "pyo3") == 0 && strcmp(value, "none") == 0);
}

const struct toolchain *toolchain_resolve(const struct toolchain_set *s, const char *axis, const char *value, int *none,
					  char **why)
{
	const char *kind, *version;
	const struct toolchain *t;

	*why = NULL;
	*none = !toolchain_axis_value(axis, value, &kind, &version);
	if (*none)
		return NULL;
	t = toolchain_find(s, kind, version);
	/* fetch has no PyO3 backend: PyO3 is vendored by the setup script. */
	if (!t && strcmp(kind, "pyo3") == 0)
		*why = xasprintf("pyo3 %s is not installed (no %s/pyo3/%s/toolchain.json): run "
				 "scripts/setup-toolchains.sh pyo3/%s",
				 version, s->cache_dir, version, version);
	else if (!t)
		*why = xasprintf("%s %s is not installed (no %s/%s/%s/toolchain.json): run "
				 "emcompat fetch %s %s (or set \"provision\": true in the matrix), or "
				 "scripts/setup-toolchains.sh %s/%s, or describe it under \"toolchains\" "
				 "in the matrix",
				 kind, version, s->cache_dir, kind, version, kind, version, kind, version);
	return t;
}

const char *toolchain_rust_std(const struct toolchain *t)
{
	const char *std = t->rust.std, *sysroot = t->rust.sysroot, *src = t->rust.rust_src;
	char *target;
	int prebuilt;

	if (std)
		return std;
	if (sysroot) {
		target = xasprintf("%s/lib/rustlib/wasm32-unknown-emscripten/lib", sysroot);
		prebuilt = access(target, F_OK) == 0;
		free(target);
		if (prebuilt)
			return "prebuilt";
	}
	return src && access(src, F_OK) == 0 ? "build-std" : "none";
}

cJSON *toolchain_used_json(const struct toolchain_set *s, const struct matrix *m)
{
	/* channel_date: the date of a rustup toolchain's manifest, which names a nightly. */
	static const char *const keys[] = {
		"identity", "source", "llvm", "release", "emscripten", "python", "channel_date",
	};
	cJSON *out = cJSON_CreateObject();

	for (size_t a = 0; a < m->naxes; a++) {
		for (size_t v = 0; v < m->naxis_values[a]; v++) {
			const struct toolchain *t;
			cJSON *kind, *e;
			char *why;
			int none;

			t = toolchain_resolve(s, m->keys[a], m->axis_values[a][v], &none, &why);
			free(why);
			if (!t)
				continue;
			if (!(kind = cJSON_GetObjectItemCaseSensitive(out, t->kind)))
				kind = cJSON_AddObjectToObject(out, t->kind);
			if (cJSON_GetObjectItemCaseSensitive(kind, t->version))
				continue;
			e = cJSON_AddObjectToObject(kind, t->version);
			for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
				if (toolchain_str(t, keys[k]))
					cJSON_AddStringToObject(e, keys[k], toolchain_str(t, keys[k]));
			if (strcmp(t->kind, "rust") == 0)
				cJSON_AddStringToObject(e, "std", toolchain_rust_std(t));
		}
	}
	return out;
}

void toolchain_set_release(struct toolchain_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].kind);
		free(s->items[i].version);
		free(s->items[i].manifest);
		cJSON_Delete(s->items[i].json);
		free(s->items[i].env);
		free(s->items[i].emscripten.emcc);
	}
	free(s->items);
	free(s->cache_dir);
	memset(s, 0, sizeof(*s));
}
