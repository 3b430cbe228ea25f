/*
 * pyext: extension and wheel tags, a Pyodide runtime's Python, platform
 * and JS library names (pyext.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/pyext.h"
#include "emcompat/util.h"

/* A wheel's extension larger than this is refused, not read into memory. */
#define SO_MAX ((size_t)1 << 30)

static const char *aerr(struct archive *a)
{
	return archive_error_string(a) ? archive_error_string(a) : "not a readable zip";
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int py_is_wheel(const char *path)
{
	return ends_with(path, ".whl");
}

/* ---- the runtime ----------------------------------------------------------- */

static void add_platform(struct py_runtime *rt, const char *tag, size_t *cap)
{
	for (size_t i = 0; i < rt->nplatforms; i++)
		if (strcmp(rt->platforms[i], tag) == 0)
			return;
	xgrow(&rt->platforms, cap, rt->nplatforms + 1, sizeof(*rt->platforms));
	rt->platforms[rt->nplatforms++] = xstrdup(tag);
}

/* The platform tag of a wheel's file name: its last '-' part less ".whl". */
static char *wheel_platform(const char *name)
{
	const char *dash = strrchr(name, '-');

	if (!dash || !ends_with(name, ".whl"))
		return NULL;
	return xstrndup(dash + 1, strlen(dash + 1) - 4);
}

static int read_meta(struct py_runtime *rt)
{
	struct json_doc d = { 0 };
	const cJSON *info, *python, *platform, *pkgs, *p;
	char *text;
	size_t len, cap = 0;
	unsigned major = 0, minor = 0;

	if (read_file(rt->meta, &text, &len))
		return -1;
	if (json_doc_parse(&d, rt->meta, text, len)) {
		free(text);
		return -1;
	}
	info = cJSON_GetObjectItemCaseSensitive(d.root, "info");
	python = cJSON_GetObjectItemCaseSensitive(info, "python");
	if (!cJSON_IsString(python) || sscanf(python->valuestring, "%u.%u", &major, &minor) != 2) {
		json_doc_release(&d);
		free(text);
		return error(EC_EXIT_INPUT, "%s: no \"info\": {\"python\": \"3.X.Y\"}", rt->meta);
	}
	rt->python = xstrdup(python->valuestring);
	rt->major = major;
	rt->minor = minor;
	platform = cJSON_GetObjectItemCaseSensitive(info, "platform");
	if (cJSON_IsString(platform)) {
		char *tag = xasprintf("%s_wasm32", platform->valuestring);

		add_platform(rt, tag, &cap);
		free(tag);
	}
	/* The tags of the wheels it ships are the ones its installer takes. */
	pkgs = cJSON_GetObjectItemCaseSensitive(d.root, "packages");
	cJSON_ArrayForEach (p, pkgs) {
		const cJSON *fn = cJSON_GetObjectItemCaseSensitive(p, "file_name");
		char *tag = cJSON_IsString(fn) ? wheel_platform(fn->valuestring) : NULL;

		if (tag && ends_with(tag, "_wasm32"))
			add_platform(rt, tag, &cap);
		free(tag);
	}
	json_doc_release(&d);
	free(text);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The names of "wasmImports={a:_a,b,"c":_c,...}" in the loader: entries
 * are NAME or NAME:VALUE, NAME maybe quoted, VALUE an identifier.
 */
static void read_js(struct py_runtime *rt, const char *text)
{
	static const char key[] = "wasmImports={";
	const char *p = strstr(text, key), *end;
	size_t cap = 0;

	if (!p)
		return;
	p += sizeof(key) - 1;
	end = strchr(p, '}');
	if (!end)
		return;
	while (p < end) {
		const char *e = memchr(p, ',', (size_t)(end - p)), *colon;
		size_t n;

		if (!e)
			e = end;
		colon = memchr(p, ':', (size_t)(e - p));
		n = (size_t)((colon ? colon : e) - p);
		while (n && (*p == ' ' || *p == '\n' || *p == '"' || *p == '\'')) {
			p++;
			n--;
		}
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\n' || p[n - 1] == '"' || p[n - 1] == '\''))
			n--;
		if (n) {
			xgrow(&rt->js_names, &cap, rt->njs_names + 1, sizeof(*rt->js_names));
			rt->js_names[rt->njs_names++] = xstrndup(p, n);
		}
		p = e + 1;
	}
	qsort(rt->js_names, rt->njs_names, sizeof(*rt->js_names), cmp_str);
}

int py_runtime_load(const char *against, struct py_runtime *rt)
{
	static const char *const metas[] = { "pyodide-lock.json", "repodata.json" };
	static const char *const loaders[] = { "pyodide.asm.js", "pyodide.asm.mjs" };
	struct stat st;
	char *dir, *slash;

	memset(rt, 0, sizeof(*rt));
	if (stat(against, &st) == 0 && S_ISDIR(st.st_mode)) {
		static const char *const within[] = { "pyodide.asm.wasm", "node_modules/pyodide/pyodide.asm.wasm" };

		for (size_t i = 0; i < 2 && !rt->wasm; i++) {
			char *p = xasprintf("%s/%s", against, within[i]);

			if (is_file(p))
				rt->wasm = p;
			else
				free(p);
		}
		if (!rt->wasm)
			return error(
				EC_EXIT_INPUT,
				"%s: a directory without pyodide.asm.wasm (nor node_modules/pyodide/pyodide.asm.wasm)",
				against);
	} else {
		rt->wasm = xstrdup(against);
	}
	dir = xstrdup(rt->wasm);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	for (size_t i = 0; i < 2 && !rt->meta; i++) {
		char *p = xasprintf("%s/%s", dir, metas[i]);

		if (is_file(p))
			rt->meta = p;
		else
			free(p);
	}
	if (rt->meta && read_meta(rt)) {
		free(dir);
		py_runtime_release(rt);
		return -1;
	}
	for (size_t i = 0; i < 2 && rt->meta && !rt->js; i++) {
		char *p = xasprintf("%s/%s", dir, loaders[i]), *text;
		size_t len;

		if (!is_file(p)) {
			free(p);
			continue;
		}
		if (read_file(p, &text, &len)) {
			/* Without it the checks only know less. */
			error_clear();
			free(p);
			continue;
		}
		read_js(rt, text);
		free(text);
		rt->js = p;
	}
	free(dir);
	return 0;
}

void py_runtime_release(struct py_runtime *rt)
{
	for (size_t i = 0; i < rt->nplatforms; i++)
		free(rt->platforms[i]);
	for (size_t i = 0; i < rt->njs_names; i++)
		free((char *)rt->js_names[i]);
	free(rt->platforms);
	free(rt->js_names);
	free(rt->wasm);
	free(rt->meta);
	free(rt->python);
	free(rt->js);
	memset(rt, 0, sizeof(*rt));
}

/* ---- tags ------------------------------------------------------------------ */

/* "cp314" -> 3, 14; "cp310.cp311" -> the first. */
static int parse_cp(const char *s, unsigned *major, unsigned *minor)
{
	if (strncmp(s, "cp", 2) != 0 || s[2] < '1' || s[2] > '9' || s[3] < '0' || s[3] > '9')
		return -1;
	*major = (unsigned)(s[2] - '0');
	*minor = (unsigned)strtoul(s + 3, NULL, 10);
	return 0;
}

void py_tags_parse(const char *path, const char *wheel, struct py_tags *t)
{
	const char *base = strrchr(path, '/'), *dot, *tag;
	struct strbuf mod = { 0 };

	memset(t, 0, sizeof(*t));
	base = base ? base + 1 : path;
	t->file = xstrdup(base);
	dot = strchr(base, '.');
	tag = dot ? dot + 1 : "";
	if (strncmp(tag, "cpython-", 8) == 0 && ends_with(tag, ".so")) {
		const char *v = tag + 8;

		if (v[0] >= '1' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9') {
			t->abi = PY_ABI_CPYTHON;
			t->major = (unsigned)(v[0] - '0');
			t->minor = (unsigned)strtoul(v + 1, NULL, 10);
		}
	} else if (strcmp(tag, "abi3.so") == 0) {
		t->abi = PY_ABI_ABI3;
	}
	/* The import name: the package directories inside a wheel, then the stem. */
	if (wheel && base != path) {
		for (const char *p = path; p < base; p++)
			strbuf_addch(&mod, *p == '/' ? '.' : *p);
	}
	strbuf_add(&mod, base, dot ? (size_t)(dot - base) : strlen(base));
	t->module = strbuf_detach(&mod);
	if (!wheel)
		return;
	{
		const char *wb = strrchr(wheel, '/');
		char *name = xstrdup(wb ? wb + 1 : wheel), *parts[8];
		size_t n = 0;

		t->wheel = xstrdup(name);
		if (ends_with(name, ".whl")) {
			name[strlen(name) - 4] = '\0';
			for (char *p = name, *d; n < 8; p = d + 1) {
				parts[n++] = p;
				d = strchr(p, '-');
				if (!d)
					break;
				*d = '\0';
			}
		}
		if (n >= 5) {
			t->wheel_python = xstrdup(parts[n - 3]);
			t->wheel_abi = xstrdup(parts[n - 2]);
			t->wheel_platform = xstrdup(parts[n - 1]);
			if (t->abi == PY_ABI_ABI3 && parse_cp(t->wheel_python, &t->major, &t->minor))
				t->major = t->minor = 0;
		}
		free(name);
	}
}

void py_tags_release(struct py_tags *t)
{
	free(t->module);
	free(t->file);
	free(t->wheel);
	free(t->wheel_python);
	free(t->wheel_abi);
	free(t->wheel_platform);
	memset(t, 0, sizeof(*t));
}

/* ---- wheels ---------------------------------------------------------------- */

int py_wheel_read(const char *wheel, size_t which, char **member, uint8_t **data, size_t *len, size_t *nso)
{
	struct archive *in = archive_read_new();
	struct archive_entry *e;
	int r, rc = 0;

	*member = NULL;
	*data = NULL;
	*len = 0;
	*nso = 0;
	archive_read_support_format_zip(in);
	if (archive_read_open_filename(in, wheel, 1 << 16) != ARCHIVE_OK) {
		rc = error(EC_EXIT_INPUT, "%s: %s", wheel, aerr(in));
		goto out;
	}
	while ((r = archive_read_next_header(in, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
		const char *name = archive_entry_pathname(e);
		la_int64_t size = archive_entry_size(e);
		size_t got = 0;
		la_ssize_t n;

		if (!name || !ends_with(name, ".so") || archive_entry_filetype(e) != AE_IFREG)
			continue;
		if ((*nso)++ != which)
			continue;
		if (size < 0 || (uint64_t)size > SO_MAX) {
			rc = error(EC_EXIT_INPUT, "%s: %s: size %lld is not one this reader takes", wheel, name,
				   (long long)size);
			goto out;
		}
		*member = xstrdup(name);
		*data = xmalloc((size_t)size + 1);
		while (got < (size_t)size && (n = archive_read_data(in, *data + got, (size_t)size - got)) > 0)
			got += (size_t)n;
		if (got != (size_t)size) {
			rc = error(EC_EXIT_INPUT, "%s: %s: %s", wheel, name, aerr(in));
			goto out;
		}
		*len = got;
	}
	if (r != ARCHIVE_EOF)
		rc = error(EC_EXIT_INPUT, "%s: %s", wheel, aerr(in));
	else if (!*nso)
		rc = error(EC_EXIT_INPUT, "%s: a wheel without a compiled extension (no .so in it)", wheel);
	else if (!*member)
		rc = error(EC_EXIT_INPUT, "%s: no compiled extension number %zu (it holds %zu)", wheel, which + 1,
			   *nso);
out:
	archive_read_free(in);
	if (rc) {
		free(*member);
		free(*data);
		*member = NULL;
		*data = NULL;
		*len = 0;
	}
	return rc;
}
