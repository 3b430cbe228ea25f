#include <dirent.h>
#include <errno.h>
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

static void add(struct toolchain_set *s, const char *kind, const char *version, const char *from,
		cJSON *json)
{
	struct toolchain *t;

	xgrow(&s->items, &s->cap, s->n + 1, sizeof(*s->items));
	t = &s->items[s->n++];
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
	const cJSON *kind, *version;
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
		{ "rust", "rust" }, { "emscripten", "emscripten" }, { "node", "node" },
		{ "pyo3", "pyo3" },
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (strcmp(axis, kinds[i][0]) == 0)
			return kinds[i][1];
	return NULL;
}

static int merge_matrix(struct toolchain_set *s, const struct matrix *m)
{
	const cJSON *axis, *value;

	if (!m || !m->toolchains)
		return 0;
	cJSON_ArrayForEach(axis, m->toolchains) {
		const char *kind = strcmp(axis->string, "loader") == 0 ? "pyodide" : axis_kind(axis->string);

		if (!kind)
			kind = axis->string;
		cJSON_ArrayForEach(value, axis) {
			const char *version = value->string;
			struct toolchain *t;
			const cJSON *e;

			if (strcmp(kind, "pyodide") == 0 && strncmp(version, "pyodide-", 8) == 0)
				version += 8;
			t = (struct toolchain *)toolchain_find(s, kind, version);
			if (!cJSON_IsObject(value))
				return error(EC_EXIT_INPUT, "%s: toolchains.%s.%s must be an object (a manifest)",
					     m->path, axis->string, value->string);
			if (!t) {
				cJSON *json = cJSON_CreateObject();

				cJSON_AddStringToObject(json, "kind", kind);
				cJSON_AddStringToObject(json, "version", version);
				add(s, kind, version, "<matrix>", json);
				t = &s->items[s->n - 1];
			}
			cJSON_ArrayForEach(e, value) {
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
	return 0;
}

const struct toolchain *toolchain_find(const struct toolchain_set *s, const char *kind,
				       const char *version)
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

int toolchain_axis_value(const char *axis, const char *value, const char **kind,
			 const char **version)
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

const struct toolchain *toolchain_resolve(const struct toolchain_set *s, const char *axis,
					  const char *value, int *none, char **why)
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
				 "scripts/setup-toolchains.sh pyo3/%s", version, s->cache_dir, version, version);
	else if (!t)
		*why = xasprintf("%s %s is not installed (no %s/%s/%s/toolchain.json): run "
				 "emcompat fetch %s %s (or set \"provision\": true in the matrix), or "
				 "scripts/setup-toolchains.sh %s/%s, or describe it under \"toolchains\" "
				 "in the matrix", kind, version, s->cache_dir, kind, version, kind, version,
				 kind, version);
	return t;
}

const char *toolchain_rust_std(const struct toolchain *t)
{
	const char *std = toolchain_str(t, "std"), *sysroot = toolchain_str(t, "sysroot");
	const char *src = toolchain_str(t, "rust_src");
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
	static const char *const keys[] = { "identity", "source", "llvm", "release", "emscripten", "python" };
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
	}
	free(s->items);
	free(s->cache_dir);
	memset(s, 0, sizeof(*s));
}
