#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

#include <openssl/evp.h>

#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/matrix.h"
#include "emcompat/util.h"

#define MAX_VALUE_LEN 256
#define MAX_RETRIES 10
#define MAX_TIMEOUT (7 * 24 * 3600.0)

/* A parsed include or exclude object: pairs of key index and value. */
struct kv_obj {
	size_t n;
	size_t *key;
	const char **val;
	const cJSON *json;
};

static const char *const known_keys[] = {
	"name", "axes", "include", "exclude", "toolchains", "timeouts", "retries", "provision", "packages",
};

int matrix_key_index(const struct matrix *m, const char *key)
{
	for (size_t i = 0; i < m->nkeys; i++)
		if (strcmp(m->keys[i], key) == 0)
			return (int)i;
	return -1;
}

const char *matrix_cell_get(const struct matrix *m, const struct matrix_cell *c, const char *key)
{
	int k = matrix_key_index(m, key);

	return k < 0 ? NULL : c->values[k];
}

static const char *own(struct matrix *m, const char *s)
{
	xgrow(&m->strings, &m->cap_strings, m->nstrings + 1, sizeof(*m->strings));
	return m->strings[m->nstrings++] = xstrdup(s);
}

/* Names appear in cell ids and on command lines: keep them plain. */
static int check_name(const struct json_doc *d, const cJSON *at, const char *what, const char *s)
{
	if (!*s)
		return json_doc_error(d, at, "%s: empty name", what);
	if (strlen(s) > 64)
		return json_doc_error(d, at, "%s \"%.64s...\": longer than 64 characters", what, s);
	for (const char *p = s; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') &&
		    !strchr("_-.", *p))
			return json_doc_error(d, at, "%s \"%s\": only letters, digits, '_', '-' and '.' are allowed",
					      what, s);
	return 0;
}

/* C as 'c' when printable ASCII, else as \xNN, into OUT. */
static const char *show_char(char c, char out[8])
{
	unsigned char u = (unsigned char)c;

	snprintf(out, 8, u >= 0x20 && u < 0x7f ? "'%c'" : "\\x%02x", u);
	return out;
}

/*
 * Values go into cell ids (k=v,k=v), argv and environments, reports, and
 * (a probe's) into paths under the cache: letters, digits and a few marks
 * only, so that none is a separator, a path, an option or a shell word.
 */
static int check_value(const struct json_doc *d, const cJSON *at, const char *where)
{
	const char *s;
	char shown[8];

	if (!cJSON_IsString(at))
		return json_doc_error(d, at, "%s: a value must be a string", where);
	s = at->valuestring;
	if (!*s)
		return json_doc_error(d, at, "%s: empty value", where);
	if (strlen(s) > MAX_VALUE_LEN)
		return json_doc_error(d, at, "%s: value longer than %d bytes", where, MAX_VALUE_LEN);
	if (*s == '.' || *s == '-')
		return json_doc_error(d, at, "%s: value \"%s\" starts with '%c' (a value is no hidden name or option)",
				      where, s, *s);
	for (const char *p = s; *p; p++) {
		if (*p == ',' || *p == '=')
			return json_doc_error(d, at, "%s: value \"%s\" contains '%c', which separates cell ids", where,
					      s, *p);
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') &&
		    !strchr("._+-@:~", *p))
			return json_doc_error(d, at,
					      "%s: value contains %s at byte %zu: only letters, digits, "
					      "'.', '_', '+', '-', '@', ':' and '~' are allowed",
					      where, show_char(*p, shown), (size_t)(p - s));
	}
	return 0;
}

/* The matrix's "name" goes into reports and summaries: one plain line. */
static int check_title(const struct json_doc *d, const cJSON *at)
{
	const char *s = at->valuestring;
	char shown[8];

	if (strlen(s) > MAX_VALUE_LEN)
		return json_doc_error(d, at, "\"name\": longer than %d bytes", MAX_VALUE_LEN);
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return json_doc_error(d, at, "\"name\": control character %s at byte %zu", show_char(*p, shown),
					      (size_t)(p - s));
	return 0;
}

static int add_key(struct matrix *m, const char *name)
{
	int k = matrix_key_index(m, name);

	if (k >= 0)
		return k;
	xgrow(&m->keys, &m->cap_keys, m->nkeys + 1, sizeof(*m->keys));
	m->keys[m->nkeys] = xstrdup(name);
	return (int)m->nkeys++;
}

static int parse_axes(struct matrix *m, const struct json_doc *d, const cJSON *axes)
{
	size_t n = (size_t)cJSON_GetArraySize(axes);
	const cJSON *axis;

	if (!cJSON_IsObject(axes))
		return json_doc_error(d, axes, "\"axes\" must be an object of axis name -> array of values");
	m->axis_values = xcalloc(n, sizeof(*m->axis_values));
	m->naxis_values = xcalloc(n, sizeof(*m->naxis_values));
	cJSON_ArrayForEach (axis, axes) {
		size_t a = m->naxes, nv = (size_t)cJSON_GetArraySize(axis), i = 0;
		const cJSON *v;
		char where[128];

		if (check_name(d, axis, "axis", axis->string))
			return -1;
		add_key(m, axis->string);
		m->naxes++;
		if (!cJSON_IsArray(axis))
			return json_doc_error(d, axis, "axis \"%s\": must be an array of strings", axis->string);
		if (nv == 0)
			return json_doc_error(d, axis, "axis \"%s\": empty (an axis needs at least one value)",
					      axis->string);
		m->axis_values[a] = xcalloc(nv, sizeof(char *));
		snprintf(where, sizeof(where), "axis \"%s\"", axis->string);
		cJSON_ArrayForEach (v, axis) {
			if (check_value(d, v, where))
				return -1;
			for (size_t j = 0; j < i; j++)
				if (strcmp(m->axis_values[a][j], v->valuestring) == 0)
					return json_doc_error(d, v, "axis \"%s\": duplicate value \"%s\"", axis->string,
							      v->valuestring);
			m->axis_values[a][i++] = xstrdup(v->valuestring);
			m->naxis_values[a] = i;
		}
	}
	return 0;
}

/* Parses "include" or "exclude" (WHAT) into *OBJS. */
static int parse_kv_list(struct matrix *m, const struct json_doc *d, const cJSON *list, const char *what,
			 struct kv_obj **objs, size_t *nobjs)
{
	const cJSON *o;
	size_t i = 0;

	if (!list)
		return 0;
	if (!cJSON_IsArray(list))
		return json_doc_error(d, list, "\"%s\" must be an array of objects", what);
	*nobjs = (size_t)cJSON_GetArraySize(list);
	*objs = xcalloc(*nobjs, sizeof(**objs));
	cJSON_ArrayForEach (o, list) {
		struct kv_obj *kv = &(*objs)[i];
		size_t n = (size_t)cJSON_GetArraySize(o);
		const cJSON *e;
		char where[160];

		kv->json = o;
		if (!cJSON_IsObject(o))
			return json_doc_error(d, o, "%s[%zu]: must be an object of key -> string", what, i);
		if (n == 0)
			return json_doc_error(d, o, "%s[%zu]: empty object", what, i);
		kv->key = xcalloc(n, sizeof(*kv->key));
		kv->val = xcalloc(n, sizeof(*kv->val));
		cJSON_ArrayForEach (e, o) {
			int k;

			snprintf(where, sizeof(where), "%s[%zu].%s", what, i, e->string);
			if (check_name(d, e, "key", e->string) || check_value(d, e, where))
				return -1;
			k = matrix_key_index(m, e->string);
			if (strcmp(what, "exclude") == 0) {
				int found = 0;

				if (k < 0 || (size_t)k >= m->naxes)
					return json_doc_error(d, e, "%s: \"%s\" is not an axis of this matrix", where,
							      e->string);
				for (size_t j = 0; j < m->naxis_values[k]; j++)
					found |= strcmp(m->axis_values[k][j], e->valuestring) == 0;
				if (!found)
					return json_doc_error(d, e,
							      "%s: \"%s\" is not a value of axis \"%s\", so this "
							      "exclude matches nothing",
							      where, e->valuestring, e->string);
			} else if (k < 0) {
				k = add_key(m, e->string);
			}
			kv->key[kv->n] = (size_t)k;
			kv->val[kv->n++] = own(m, e->valuestring);
		}
		i++;
	}
	return 0;
}

static void free_kv_list(struct kv_obj *objs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(objs[i].key);
		free(objs[i].val);
	}
	free(objs);
}

static int parse_timeouts(struct matrix *m, const struct json_doc *d, const cJSON *t)
{
	const cJSON *e;

	if (!cJSON_IsObject(t))
		return json_doc_error(d, t, "\"timeouts\" must be an object of stage -> seconds");
	cJSON_ArrayForEach (e, t) {
		int s = stage_from_name(e->string);

		if (s < 0)
			return json_doc_error(
				d, e,
				"timeouts: unknown stage \"%s\" (stages: std, compile, link, main, inspect, load, run)",
				e->string);
		if (!cJSON_IsNumber(e) || !(e->valuedouble > 0) || e->valuedouble > MAX_TIMEOUT)
			return json_doc_error(d, e, "timeouts.%s: must be a number of seconds, > 0 and <= %.0f",
					      e->string, MAX_TIMEOUT);
		m->timeouts[s] = e->valuedouble;
	}
	return 0;
}

static int parse_toolchains(struct matrix *m, const struct json_doc *d, const cJSON *t)
{
	const cJSON *e;

	if (!cJSON_IsObject(t))
		return json_doc_error(d, t, "\"toolchains\" must be an object keyed by axis name");
	cJSON_ArrayForEach (e, t) {
		int k = matrix_key_index(m, e->string);

		if (k < 0 || (size_t)k >= m->naxes)
			return json_doc_error(d, e, "toolchains: \"%s\" is not an axis of this matrix", e->string);
		if (!cJSON_IsObject(e))
			return json_doc_error(d, e, "toolchains.%s: must be an object keyed by axis value", e->string);
	}
	m->toolchains = cJSON_Duplicate(t, 1);
	return 0;
}

/* A requirement "name==version" (PyPI's project and version characters): its two parts, owned. */
static int parse_requirement(const struct json_doc *d, const cJSON *at, const char *where, char **name, char **version)
{
	const char *s = cJSON_IsString(at) ? at->valuestring : NULL, *eq;

	if (!s || !(eq = strstr(s, "==")) || eq == s || !eq[2])
		return json_doc_error(d, at, "%s: must be a string \"name==version\"", where);
	if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != (size_t)(eq - s) ||
	    strspn(eq + 2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+!_-") != strlen(eq + 2) ||
	    eq[2] == '-' || s[0] == '-' || s[0] == '.')
		return json_doc_error(d, at, "%s: \"%s\" is not \"name==version\" (letters, digits, '.', '_', '-')",
				      where, s);
	*name = xstrndup(s, (size_t)(eq - s));
	*version = xstrdup(eq + 2);
	return 0;
}

/* A dotted Python module name, such as "pydantic_core._pydantic_core". */
static int check_module(const struct json_doc *d, const cJSON *at, const char *where)
{
	const char *s = cJSON_IsString(at) ? at->valuestring : NULL;
	int start = 1;

	if (!s || !*s)
		return json_doc_error(d, at, "%s: must be a module name (a string)", where);
	if (strlen(s) > 128)
		return json_doc_error(d, at, "%s: module name longer than 128 characters", where);
	for (const char *p = s; *p; p++) {
		int alpha = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_';

		if (*p == '.' && !start && p[1]) {
			start = 1;
			continue;
		}
		if (!alpha && !(!start && *p >= '0' && *p <= '9'))
			return json_doc_error(d, at, "%s: \"%s\" is not a dotted Python module name", where, s);
		start = 0;
	}
	return 0;
}

/* A package's "checks": as a Python probe's in probe.json. */
static int check_package_checks(const struct json_doc *d, const cJSON *checks, const char *pkg)
{
	const cJSON *c, *x;
	size_t i = 0;

	if (!cJSON_IsArray(checks) || cJSON_GetArraySize(checks) == 0)
		return json_doc_error(d, checks, "packages.%s.checks: must be a non-empty array", pkg);
	cJSON_ArrayForEach (c, checks) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(c, "name");
		const cJSON *expect = cJSON_GetObjectItemCaseSensitive(c, "expect");
		const cJSON *prefix = cJSON_GetObjectItemCaseSensitive(c, "expect_prefix");

		if (!cJSON_IsObject(c))
			return json_doc_error(d, c, "packages.%s.checks[%zu]: must be an object", pkg, i);
		cJSON_ArrayForEach (x, c)
			if (strcmp(x->string, "name") && strcmp(x->string, "py") && strcmp(x->string, "expect") &&
			    strcmp(x->string, "expect_prefix") && strcmp(x->string, "note"))
				return json_doc_error(d, x,
						      "packages.%s.checks[%zu]: unknown key \"%s\" (known: name, py, "
						      "expect, expect_prefix, note)",
						      pkg, i, x->string);
		if (!cJSON_IsString(name) || !*name->valuestring)
			return json_doc_error(d, c, "packages.%s.checks[%zu]: needs \"name\" (a non-empty string)", pkg,
					      i);
		for (const cJSON *o = checks->child; o != c; o = o->next)
			if (strcmp(cJSON_GetObjectItemCaseSensitive(o, "name")->valuestring, name->valuestring) == 0)
				return json_doc_error(d, name, "packages.%s.checks[%zu]: duplicate name \"%s\"", pkg, i,
						      name->valuestring);
		if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(c, "py")))
			return json_doc_error(d, c, "packages.%s.checks[%zu]: needs \"py\" (a Python expression)", pkg,
					      i);
		if ((expect && !cJSON_IsString(expect)) || (prefix && !cJSON_IsString(prefix)) || !(expect || prefix))
			return json_doc_error(
				d, c, "packages.%s.checks[%zu]: needs \"expect\" or \"expect_prefix\" (a string)", pkg,
				i);
		i++;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The regular files under ROOT/REL (REL "" for ROOT itself), as paths
 * relative to ROOT, appended to *V. Skipped: what builds and VCSs leave
 * there (target, .git, __pycache__) and symbolic links to directories.
 */
static int list_tree(const char *root, const char *rel, char ***v, size_t *n, size_t *cap)
{
	char *dir = *rel ? xasprintf("%s/%s", root, rel) : xstrdup(root);
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		rc = error(EC_EXIT_INPUT, "%s: cannot be read", dir);
		free(dir);
		return rc;
	}
	while (rc == 0 && (e = readdir(d))) {
		char *sub, *full;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 || strcmp(e->d_name, "target") == 0 ||
		    strcmp(e->d_name, ".git") == 0 || strcmp(e->d_name, "__pycache__") == 0)
			continue;
		sub = *rel ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		full = xasprintf("%s/%s", root, sub);
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = list_tree(root, sub, v, n, cap);
			free(sub);
		} else if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
			xgrow(v, cap, *n + 1, sizeof(**v));
			(*v)[(*n)++] = sub;
		} else {
			free(sub);
		}
		free(full);
	}
	closedir(d);
	free(dir);
	return rc;
}

/*
 * OUT: the SHA-256 of the files under DIR (list_tree), each as its
 * relative path, its size and its bytes, in path order: a node-key input,
 * so an edited project rebuilds and an unchanged one does not. *HAS_LOCK:
 * whether one of them is a Cargo.lock.
 */
static int tree_digest(const char *dir, char out[65], int *has_lock)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char key[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	int rc = list_tree(dir, "", &v, &n, &cap);

	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	if (rc == 0)
		qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, v[i]), *text = NULL, size[32];
		size_t tlen = 0;

		const char *base = strrchr(v[i], '/') ? strrchr(v[i], '/') + 1 : v[i];

		*has_lock |= strcmp(base, "Cargo.lock") == 0;
		if (rc == 0 && (rc = read_file(path, &text, &tlen)) == 0) {
			snprintf(size, sizeof(size), "%zu", tlen);
			EVP_DigestUpdate(md, v[i], strlen(v[i]) + 1);
			EVP_DigestUpdate(md, size, strlen(size) + 1);
			EVP_DigestUpdate(md, text, tlen);
		}
		free(text);
		free(path);
		free(v[i]);
	}
	free(v);
	EVP_DigestFinal_ex(md, key, &len);
	EVP_MD_CTX_free(md);
	hex_encode(key, 32, out);
	return rc;
}

/*
 * "path": DIR relative to the matrix file's directory (the current one for
 * the embedded matrix), into PK->path (absolute) with its tree_digest.
 */
static int parse_package_path(struct matrix_package *pk, const struct json_doc *d, const cJSON *e,
			      const char *matrix_path)
{
	const char *slash = strrchr(matrix_path, '/');
	char *joined, *real;
	struct stat st;
	int has_lock = 0;

	if (!cJSON_IsString(e) || !*e->valuestring)
		return json_doc_error(d, e, "packages.%s.path: must be a directory (a string)", pk->name);
	if (e->valuestring[0] == '/' || !slash || matrix_path[0] == '<')
		joined = xstrdup(e->valuestring);
	else
		joined = xasprintf("%.*s/%s", (int)(slash - matrix_path), matrix_path, e->valuestring);
	real = realpath(joined, NULL);
	if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
		json_doc_error(d, e, "packages.%s.path: %s is not a directory", pk->name, joined);
		free(joined);
		free(real);
		return -1;
	}
	free(joined);
	pk->path = real;
	if (tree_digest(pk->path, pk->tree_digest, &has_lock)) {
		char *why = xstrdup(error_message());

		error_clear();
		json_doc_error(d, e, "packages.%s.path: %s", pk->name, why);
		free(why);
		return -1;
	}
	/* The build is offline and --locked: without a lock it could only fail. */
	if (!has_lock)
		return json_doc_error(d, e,
				      "packages.%s.path: %s has no Cargo.lock (the build is offline and locked): "
				      "run `cargo generate-lockfile` in it",
				      pk->name, pk->path);
	return 0;
}

/*
 * "platform": "any" or a Pyodide wheel platform tag (pyemscripten_2026_0_wasm32,
 * pyodide_2024_0_wasm32, emscripten_3_1_58_wasm32): lower-case letters,
 * digits and '_', ending in "_wasm32", since it reaches pip's argv.
 */
static int check_platform(const struct json_doc *d, const cJSON *e, const char *pkg)
{
	const char *v = cJSON_IsString(e) ? e->valuestring : NULL;
	size_t n = v ? strlen(v) : 0;

	if (v && strcmp(v, "any") == 0)
		return 0;
	if (v && n > 7 && n <= 64 && strcmp(v + n - 7, "_wasm32") == 0 &&
	    strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_") == n)
		return 0;
	return json_doc_error(d, e,
			      "packages.%s.platform: must be \"any\" (the newest Pyodide wheel on PyPI) or a wheel "
			      "platform tag such as \"pyemscripten_2026_0_wasm32\"",
			      pkg);
}

static void package_release(struct matrix_package *pk)
{
	free(pk->name);
	free(pk->path);
	free(pk->pypi);
	free(pk->project);
	free(pk->version);
	free(pk->import);
	free(pk->module);
	free(pk->platform);
	for (size_t i = 0; i < pk->nrequires; i++)
		free(pk->requires[i]);
	free(pk->requires);
	cJSON_Delete(pk->json);
}

static int parse_package(struct matrix_package *pk, const struct json_doc *d, const cJSON *o, const char *matrix_path)
{
	const char *name = o->string;
	const cJSON *e;
	char *where;
	int rc;

	if (check_name(d, o, "packages: package", name))
		return -1;
	{
		char *probe = xasprintf("matrix/probes/%s/probe.json", name);
		int builtin = embedded_find(probe) != NULL;

		free(probe);
		if (builtin)
			return json_doc_error(
				d, o, "packages: \"%s\" is the name of a built-in probe: name it otherwise", name);
	}
	if (!cJSON_IsObject(o))
		return json_doc_error(d, o, "packages.%s: must be an object", name);
	cJSON_ArrayForEach (e, o) {
		static const char *const known[] = { "pypi",     "path",   "build", "import",  "module",
						     "requires", "checks", "note",  "platform" };
		size_t i;

		for (i = 0; i < sizeof(known) / sizeof(*known); i++)
			if (strcmp(e->string, known[i]) == 0)
				break;
		if (i == sizeof(known) / sizeof(*known))
			return json_doc_error(d, e,
					      "packages.%s: unknown key \"%s\" (known: pypi, path, build, import, "
					      "module, requires, checks, note, platform)",
					      name, e->string);
	}
	pk->name = xstrdup(name);
	e = cJSON_GetObjectItemCaseSensitive(o, "path");
	if (e && cJSON_GetObjectItemCaseSensitive(o, "pypi"))
		return json_doc_error(d, e, "packages.%s: \"pypi\" and \"path\" exclude each other", name);
	if (e) {
		/* A local project is built from source; its name is the package's. */
		if (parse_package_path(pk, d, e, matrix_path))
			return -1;
		pk->project = xstrdup(name);
		pk->source = 1;
	} else {
		e = cJSON_GetObjectItemCaseSensitive(o, "pypi");
		if (!e)
			return json_doc_error(d, o,
					      "packages.%s: missing key \"pypi\" (\"name==version\") or \"path\" (a "
					      "local project)",
					      name);
		where = xasprintf("packages.%s.pypi", name);
		rc = parse_requirement(d, e, where, &pk->project, &pk->version);
		free(where);
		if (rc)
			return -1;
		pk->pypi = xstrdup(e->valuestring);
	}
	e = cJSON_GetObjectItemCaseSensitive(o, "build");
	if (e && cJSON_IsString(e) && strcmp(e->valuestring, "source") == 0)
		pk->source = 1;
	else if (e && pk->path)
		return json_doc_error(d, e, "packages.%s.build: a \"path\" is built from source: must be \"source\"",
				      name);
	else if (e && !(cJSON_IsString(e) && strcmp(e->valuestring, "wheel") == 0))
		return json_doc_error(d, e, "packages.%s.build: must be \"wheel\" or \"source\"", name);
	e = cJSON_GetObjectItemCaseSensitive(o, "platform");
	if (e) {
		if (check_platform(d, e, name))
			return -1;
		pk->platform = xstrdup(e->valuestring);
	}
	if (pk->platform && pk->source)
		return json_doc_error(
			d, e, "packages.%s.platform: forces a prebuilt wheel: not with \"build\": \"source\"", name);
	e = cJSON_GetObjectItemCaseSensitive(o, "import");
	if (!e)
		return json_doc_error(d, o, "packages.%s: missing key \"import\" (the module to import)", name);
	where = xasprintf("packages.%s.import", name);
	rc = check_module(d, e, where);
	free(where);
	if (rc)
		return -1;
	pk->import = xstrdup(e->valuestring);
	e = cJSON_GetObjectItemCaseSensitive(o, "module");
	if (e) {
		where = xasprintf("packages.%s.module", name);
		rc = check_module(d, e, where);
		free(where);
		if (rc)
			return -1;
		pk->module = xstrdup(e->valuestring);
	}
	e = cJSON_GetObjectItemCaseSensitive(o, "requires");
	if (e) {
		const cJSON *r;

		if (!cJSON_IsArray(e))
			return json_doc_error(d, e, "packages.%s.requires: must be an array of \"name==version\"",
					      name);
		pk->
			requires
		= xcalloc((size_t)cJSON_GetArraySize(e) + 1, sizeof(*pk->requires));
		cJSON_ArrayForEach (r, e) {
			char *n = NULL, *v = NULL;

			where = xasprintf("packages.%s.requires[%zu]", name, pk->nrequires);
			rc = parse_requirement(d, r, where, &n, &v);
			free(where);
			free(n);
			free(v);
			if (rc)
				return -1;
			pk->
				requires[
					pk->nrequires++] = xstrdup(r->valuestring);
		}
	}
	e = cJSON_GetObjectItemCaseSensitive(o, "checks");
	if (!e)
		return json_doc_error(d, o, "packages.%s: missing key \"checks\"", name);
	if (check_package_checks(d, e, name))
		return -1;
	e = cJSON_GetObjectItemCaseSensitive(o, "note");
	if (e && !cJSON_IsString(e))
		return json_doc_error(d, e, "packages.%s.note: must be a string", name);
	pk->json = cJSON_Duplicate(o, 1);
	{
		char *text = json_print(pk->json, 0);
		unsigned char md[EVP_MAX_MD_SIZE];
		unsigned int len = 0;

		EVP_Digest(text, strlen(text), md, &len, EVP_sha256(), NULL);
		hex_encode(md, 32, pk->digest);
		free(text);
	}
	return 0;
}

static int parse_packages(struct matrix *m, const struct json_doc *d, const cJSON *t)
{
	const cJSON *o;

	if (!cJSON_IsObject(t))
		return json_doc_error(d, t, "\"packages\" must be an object keyed by package name");
	m->packages = xcalloc((size_t)cJSON_GetArraySize(t) + 1, sizeof(*m->packages));
	cJSON_ArrayForEach (o, t) {
		if (parse_package(&m->packages[m->npackages], d, o, m->path)) {
			package_release(&m->packages[m->npackages]);
			return -1;
		}
		m->npackages++;
	}
	return 0;
}

const struct matrix_package *matrix_package_find(const struct matrix *m, const char *probe)
{
	for (size_t i = 0; probe && i < m->npackages; i++)
		if (strcmp(m->packages[i].name, probe) == 0)
			return &m->packages[i];
	return NULL;
}

static int matches(const struct kv_obj *o, const char *const *values)
{
	for (size_t i = 0; i < o->n; i++)
		if (!values[o->key[i]] || strcmp(values[o->key[i]], o->val[i]) != 0)
			return 0;
	return 1;
}

static void set_id(struct matrix *m, struct matrix_cell *c)
{
	struct strbuf sb = { 0 };

	for (size_t k = 0; k < m->nkeys; k++) {
		if (!c->values[k])
			continue;
		if (sb.len)
			strbuf_addch(&sb, ',');
		strbuf_addf(&sb, "%s=%s", m->keys[k], c->values[k]);
	}
	c->id = strbuf_detach(&sb);
}

static struct matrix_cell *new_cell(struct matrix *m, size_t *cap)
{
	struct matrix_cell *c;

	xgrow(&m->cells, cap, m->ncells + 1, sizeof(*m->cells));
	c = &m->cells[m->ncells++];
	c->values = xcalloc(m->nkeys, sizeof(*c->values));
	c->id = NULL;
	return c;
}

static int expand(struct matrix *m, const struct json_doc *d, const cJSON *root, struct kv_obj *inc, size_t ninc,
		  struct kv_obj *exc, size_t nexc)
{
	double total = m->naxes ? 1 : 0;
	size_t cap = 0, norig, *idx, *from;

	for (size_t a = 0; a < m->naxes; a++)
		total *= (double)m->naxis_values[a];
	if (total + (double)ninc > MATRIX_MAX_CELLS)
		return json_doc_error(d, cJSON_GetObjectItemCaseSensitive(root, "axes"),
				      "the axes' cross product has %.0f combinations; at most %d cells are allowed "
				      "(narrow the axes, or use --only or --shard)",
				      total, MATRIX_MAX_CELLS);

	idx = xcalloc(m->naxes + 1, sizeof(*idx));
	for (size_t i = 0; i < (size_t)total; i++) {
		struct matrix_cell *c = new_cell(m, &cap);
		int excluded = 0;

		for (size_t a = 0; a < m->naxes; a++)
			c->values[a] = m->axis_values[a][idx[a]];
		for (size_t e = 0; e < nexc && !excluded; e++)
			excluded = matches(&exc[e], c->values);
		if (excluded) {
			free(c->values);
			m->ncells--;
		}
		/* Odometer: the last axis varies fastest. */
		for (size_t a = m->naxes; a-- > 0;) {
			if (++idx[a] < m->naxis_values[a])
				break;
			idx[a] = 0;
		}
	}
	free(idx);

	norig = m->ncells;
	from = xcalloc(ninc, sizeof(*from));
	for (size_t i = 0; i < ninc; i++) {
		const struct kv_obj *o = &inc[i];
		int merged = 0;

		for (size_t c = 0; c < norig; c++) {
			const char **v = m->cells[c].values;
			int clash = 0;

			for (size_t k = 0; k < o->n && !clash; k++)
				clash = o->key[k] < m->naxes && strcmp(v[o->key[k]], o->val[k]) != 0;
			if (clash)
				continue;
			for (size_t k = 0; k < o->n; k++)
				v[o->key[k]] = o->val[k];
			merged = 1;
		}
		if (!merged) {
			struct matrix_cell *c = new_cell(m, &cap);

			for (size_t k = 0; k < o->n; k++)
				c->values[o->key[k]] = o->val[k];
			from[m->ncells - 1 - norig] = i;
		}
	}
	if (m->ncells == 0) {
		free(from);
		return json_doc_error(
			d, cJSON_GetObjectItemCaseSensitive(root, "exclude"),
			"the matrix is empty: \"exclude\" removes every combination and \"include\" adds none");
	}
	for (size_t c = 0; c < m->ncells; c++)
		set_id(m, &m->cells[c]);
	/* Two includes may each add the same new combination. */
	for (size_t c = norig; c < m->ncells; c++) {
		for (size_t e = norig; e < c; e++) {
			if (strcmp(m->cells[c].id, m->cells[e].id) == 0) {
				size_t first = from[e - norig], second = from[c - norig];

				free(from);
				return json_doc_error(d, inc[second].json,
						      "include[%zu]: adds the same combination as include[%zu]: \"%s\"",
						      second, first, m->cells[c].id);
			}
		}
	}
	free(from);
	return 0;
}

static int parse_root(struct matrix *m, const struct json_doc *d)
{
	const cJSON *root = d->root, *e;
	struct kv_obj *inc = NULL, *exc = NULL;
	size_t ninc = 0, nexc = 0;
	int rc = -1;

	if (!cJSON_IsObject(root))
		return json_doc_error(d, root, "a matrix must be a JSON object");
	cJSON_ArrayForEach (e, root) {
		size_t i;

		for (i = 0; i < sizeof(known_keys) / sizeof(*known_keys); i++)
			if (strcmp(e->string, known_keys[i]) == 0)
				break;
		if (i == sizeof(known_keys) / sizeof(*known_keys))
			return json_doc_error(d, e,
					      "unknown key \"%s\" (known: name, axes, include, exclude, toolchains, "
					      "timeouts, retries, provision, packages)",
					      e->string);
	}
	e = cJSON_GetObjectItemCaseSensitive(root, "name");
	if (e) {
		if (!cJSON_IsString(e))
			return json_doc_error(d, e, "\"name\" must be a string");
		if (check_title(d, e))
			return -1;
		m->name = xstrdup(e->valuestring);
	}
	e = cJSON_GetObjectItemCaseSensitive(root, "axes");
	if (!e)
		return json_doc_error(d, root, "missing key \"axes\"");
	if (parse_axes(m, d, e))
		return -1;
	e = cJSON_GetObjectItemCaseSensitive(root, "retries");
	if (e) {
		if (!cJSON_IsNumber(e) || e->valuedouble < 0 || e->valuedouble > MAX_RETRIES ||
		    e->valuedouble != floor(e->valuedouble))
			return json_doc_error(d, e, "\"retries\" must be an integer from 0 to %d", MAX_RETRIES);
		m->retries = e->valueint;
	}
	e = cJSON_GetObjectItemCaseSensitive(root, "provision");
	if (e) {
		if (!cJSON_IsBool(e))
			return json_doc_error(d, e, "\"provision\" must be true or false");
		m->provision = cJSON_IsTrue(e);
	}
	e = cJSON_GetObjectItemCaseSensitive(root, "timeouts");
	if (e && parse_timeouts(m, d, e))
		return -1;
	e = cJSON_GetObjectItemCaseSensitive(root, "toolchains");
	if (e && parse_toolchains(m, d, e))
		return -1;
	e = cJSON_GetObjectItemCaseSensitive(root, "packages");
	if (e && parse_packages(m, d, e))
		return -1;
	if (parse_kv_list(m, d, cJSON_GetObjectItemCaseSensitive(root, "exclude"), "exclude", &exc, &nexc) ||
	    parse_kv_list(m, d, cJSON_GetObjectItemCaseSensitive(root, "include"), "include", &inc, &ninc))
		goto out;
	if (m->naxes == 0 && ninc == 0) {
		json_doc_error(d, root, "the matrix is empty: \"axes\" has no axis and there is no \"include\"");
		goto out;
	}
	rc = expand(m, d, root, inc, ninc, exc, nexc);
out:
	free_kv_list(inc, ninc);
	free_kv_list(exc, nexc);
	return rc;
}

int matrix_parse(struct matrix *m, const char *name, const char *text, size_t len)
{
	struct json_doc d;
	int rc;

	memset(m, 0, sizeof(*m));
	m->retries = -1;
	m->path = xstrdup(name);
	if (json_doc_parse(&d, m->path, text, len)) {
		matrix_release(m);
		return -1;
	}
	rc = parse_root(m, &d);
	json_doc_release(&d);
	if (rc) {
		matrix_release(m);
		return rc;
	}
	for (size_t c = 0; c < m->ncells; c++)
		m->cells[c].index = c;
	matrix_cells_digest(m, m->digest);
	return 0;
}

void matrix_cells_digest(const struct matrix *m, char out[65])
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char key[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	/* Each id with its NUL: no two lists of ids hash alike. */
	for (size_t c = 0; c < m->ncells; c++)
		EVP_DigestUpdate(md, m->cells[c].id, strlen(m->cells[c].id) + 1);
	EVP_DigestFinal_ex(md, key, &len);
	EVP_MD_CTX_free(md);
	hex_encode(key, 32, out);
}

void matrix_keep(struct matrix *m, const unsigned char *keep)
{
	size_t kept = 0;

	for (size_t c = 0; c < m->ncells; c++) {
		if (keep[c]) {
			m->cells[kept++] = m->cells[c];
		} else {
			free(m->cells[c].values);
			free(m->cells[c].id);
		}
	}
	m->ncells = kept;
}

int matrix_load(struct matrix *m, const char *path)
{
	char *text;
	size_t len;
	int rc;

	if (!path) {
		const struct embedded_file *f = embedded_find("matrix/default.json");

		return matrix_parse(m, "<default>", f->data, f->size);
	}
	if (read_file(path, &text, &len)) {
		memset(m, 0, sizeof(*m));
		return -1;
	}
	rc = matrix_parse(m, path, text, len);
	free(text);
	return rc;
}

int matrix_select(struct matrix *m, const struct matrix_only *only, size_t nonly)
{
	unsigned char *keep;
	int *key;

	if (nonly == 0)
		return 0;
	key = xcalloc(nonly, sizeof(*key));
	for (size_t i = 0; i < nonly; i++) {
		key[i] = matrix_key_index(m, only[i].key);
		if (key[i] < 0) {
			free(key);
			return error(EC_EXIT_INPUT, "--only %s=%s: \"%s\" is not a key of matrix %s", only[i].key,
				     only[i].value, only[i].key, m->path);
		}
	}
	keep = xcalloc(m->ncells + 1, 1);
	for (size_t c = 0; c < m->ncells; c++) {
		struct matrix_cell *cell = &m->cells[c];

		keep[c] = 1;
		/* For each key named: some constraint on it must hold. */
		for (size_t i = 0; i < nonly && keep[c]; i++) {
			int any = 0, named = 0;

			for (size_t j = 0; j < nonly; j++) {
				if (key[j] != key[i])
					continue;
				named = 1;
				any |= cell->values[key[j]] && strcmp(cell->values[key[j]], only[j].value) == 0;
			}
			keep[c] = !named || any;
		}
	}
	matrix_keep(m, keep);
	free(keep);
	free(key);
	if (m->ncells == 0)
		return error(EC_EXIT_INPUT, "--only: no cell of matrix %s matches the filter", m->path);
	return 0;
}

void matrix_release(struct matrix *m)
{
	for (size_t c = 0; c < m->ncells; c++) {
		free(m->cells[c].values);
		free(m->cells[c].id);
	}
	free(m->cells);
	for (size_t a = 0; a < m->naxes; a++) {
		for (size_t v = 0; v < m->naxis_values[a]; v++)
			free(m->axis_values[a][v]);
		free(m->axis_values[a]);
	}
	free(m->axis_values);
	free(m->naxis_values);
	for (size_t k = 0; k < m->nkeys; k++)
		free(m->keys[k]);
	free(m->keys);
	for (size_t s = 0; s < m->nstrings; s++)
		free(m->strings[s]);
	free(m->strings);
	cJSON_Delete(m->toolchains);
	for (size_t i = 0; i < m->npackages; i++)
		package_release(&m->packages[i]);
	free(m->packages);
	free(m->name);
	free(m->path);
	memset(m, 0, sizeof(*m));
}
