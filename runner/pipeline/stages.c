#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emcompat/child.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/logcap.h"
#include "emcompat/probe.h"
#include "emcompat/pyext.h"
#include "emcompat/stages.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"
#include "emcompat/wasm_json.h"
#include "stages_internal.h"

#define TARGET "wasm32-unknown-emscripten"

/*
 * Variables of ours that would change what a tool does behind the recipe's
 * back (child_env_merge patterns). PYO3_*: PyO3's build script takes its
 * target Python from them.
 */
static const char *const scrubbed[] = {
	"EMCOMPAT_*",         "PYO3_*",      "RUSTFLAGS",      "CARGO_ENCODED_RUSTFLAGS", "CARGO_TARGET_DIR",
	"CARGO_BUILD_TARGET", "RUSTC",       "RUSTC_WRAPPER",  "RUSTUP_TOOLCHAIN",        "EM_CONFIG",
	"EM_CACHE",           "EMCC_CFLAGS", "EMMAKEN_CFLAGS", "LD_LIBRARY_PATH",         "NODE_OPTIONS",
	"NODE_PATH",          "PYTHONPATH",  "CARGO_HOME",     "CARGO_INCREMENTAL",       NULL,
};

static void *own(struct stages *s, void *p)
{
	xgrow(&s->owned, &s->cap_owned, s->nowned + 1, sizeof(*s->owned));
	s->owned[s->nowned++] = p;
	return p;
}

static const char *ownf(struct stages *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static const char *ownf(struct stages *s, const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	return own(s, strbuf_detach(&sb));
}

/* A NULL-terminated array under construction. */
struct vec {
	const char **v;
	size_t n, cap;
};

static void vec_add(struct vec *v, const char *str)
{
	xgrow(&v->v, &v->cap, v->n + 2, sizeof(*v->v));
	v->v[v->n++] = str;
	v->v[v->n] = NULL;
}

static const char *const *vec_done(struct stages *s, struct vec *v)
{
	if (!v->v)
		vec_add(v, NULL), v->n = 0;
	return own(s, v->v);
}

/* Sets NAME=VALUE in ENV, replacing an earlier NAME; not part of the fingerprint. */
static void env_replace(struct stages *s, struct vec *env, const char *name, const char *value)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < env->n; i++)
		if (strncmp(env->v[i], name, len) == 0 && env->v[i][len] == '=') {
			env->v[i] = ownf(s, "%s=%s", name, value);
			return;
		}
	vec_add(env, ownf(s, "%s=%s", name, value));
}

/*
 * Sets NAME=VALUE in ENV as part of the node's fingerprint: what recipes
 * set counts, what they inherit from the user's environment does not, or
 * a cache would follow the shell it is used from.
 */
static void env_set(struct stages *s, struct vec *env, const char *name, const char *value)
{
	strbuf_addf(&s->env_fp, "%s=%s%c", name, value, 0);
	env_replace(s, env, name, value);
}

static const char *env_get(const struct vec *env, const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < env->n; i++)
		if (strncmp(env->v[i], name, len) == 0 && env->v[i][len] == '=')
			return env->v[i] + len + 1;
	return NULL;
}

/* Our environment without the variables that would steer the tools. */
static void env_base(struct vec *env)
{
	const char **base = child_env_merge(scrubbed, NULL);

	for (const char **e = base; *e; e++)
		vec_add(env, *e);
	free(base);
}

/* The toolchain's "env" (LD_LIBRARY_PATH, EM_CONFIG, ...) into ENV. */
static void env_toolchain(struct stages *s, struct vec *env, const struct toolchain *t)
{
	for (size_t i = 0; i < t->nenv; i++)
		env_set(s, env, t->env[i].name, t->env[i].value);
}

static void env_path_prepend(struct stages *s, struct vec *env, const char *dir)
{
	const char *path = env_get(env, "PATH");

	/* Of PATH, only the dir put in front counts: the rest is the user's. */
	strbuf_addf(&s->env_fp, "PATH=%s:...%c", dir, 0);
	env_replace(s, env, "PATH", ownf(s, "%s:%s", dir, path ? path : "/usr/bin:/bin"));
}

void stages_init(struct stages *s, const struct plan *p, const struct toolchain_set *tc, const char *src,
		 const char *nodes, const char *self)
{
	memset(s, 0, sizeof(*s));
	s->plan = p;
	s->tc = tc;
	s->src = xstrdup(src);
	s->nodes = xstrdup(nodes);
	s->self = xstrdup(self);
	s->fingerprints = xcalloc(p->nnodes, sizeof(*s->fingerprints));
	s->warm_sockets = xcalloc(p->nnodes, sizeof(*s->warm_sockets));
}

const char *stages_node_dir(struct stages *s, size_t n)
{
	char hex[2 * PLAN_KEY_SIZE + 1];

	plan_key_hex(s->plan->nodes[n].key, hex);
	return ownf(s, "%s/%s-%s", s->nodes, stage_name(s->plan->nodes[n].stage), hex);
}

/* The cell value of KEY for node N (its first cell: equal for all it serves). */
static const char *value(const struct stages *s, size_t n, const char *key)
{
	const struct matrix *m = s->plan->matrix;

	return matrix_cell_get(m, &m->cells[s->plan->nodes[n].cell], key);
}

static int flag(const struct stages *s, size_t n, const char *key, const char *v)
{
	const char *got = value(s, n, key);

	return got && strcmp(got, v) == 0;
}

/* The toolchain for axis AXIS of node N; NULL with *WHY when missing. */
static const struct toolchain *need(struct stages *s, size_t n, const char *axis, char **why)
{
	const char *v = value(s, n, axis);
	const struct toolchain *t;
	int none;

	if (!v) {
		*why = xasprintf("the cell has no \"%s\" axis value, which its %s stage needs", axis,
				 stage_name(s->plan->nodes[n].stage));
		return NULL;
	}
	t = toolchain_resolve(s->tc, axis, v, &none, why);
	if (!t && none)
		*why = xasprintf("%s=%s names no toolchain", axis, v);
	if (t && s->nused < sizeof(s->used) / sizeof(*s->used))
		s->used[s->nused++] = t;
	return t;
}

/* The emcc command of an Emscripten toolchain: its manifest's "emcc" argv list. */
static void add_emcc(struct stages *s, struct vec *argv, const struct toolchain *em)
{
	if (em->emscripten.emcc) {
		for (size_t i = 0; em->emscripten.emcc[i]; i++)
			vec_add(argv, em->emscripten.emcc[i]);
	} else {
		vec_add(argv, ownf(s, "%s/emcc", em->emscripten.bin ? em->emscripten.bin : "/usr/bin"));
	}
}

/*
 * Whether node N's std node may have a -Z flag in its rustc-args:
 * build-std.sh adds -Zemscripten-wasm-eh only when the cell names an EH mode
 * that is not the rustc's default. Only then do the cell's Rust steps get
 * RUSTC_BOOTSTRAP=1 (rust_env), which a stable rustc needs for it, and with
 * it -Zallow-features= (no feature allowed): RUSTC_BOOTSTRAP alone would let
 * the crates built use #![feature] too, which a user's stable rustc refuses.
 * (RUSTC_BOOTSTRAP=<crate name> cannot scope it: every crate gets the flag.)
 */
static int eh_named(struct stages *s, size_t n)
{
	return flag(s, n, "eh", "wasm") || flag(s, n, "eh", "js");
}

/* rustc flags every Rust step of node N shares: target, PIC, optimisation, EH, LTO. */
static void add_rustc_common(struct stages *s, size_t n, struct vec *argv, const char *std_dir)
{
	vec_add(argv, "--edition=2021");
	vec_add(argv, "--target=" TARGET);
	vec_add(argv, ownf(s, "--sysroot=%s/sysroot", std_dir));
	vec_add(argv, "-Crelocation-model=pic");
	vec_add(argv, flag(s, n, "opt", "O2") ? "-Copt-level=2" : "-Copt-level=0");
	/* The sysroot's own flags (EH mode, the no_std cfg of a core-only tier). */
	vec_add(argv, ownf(s, "@%s/rustc-args", std_dir));
	if (eh_named(s, n))
		vec_add(argv, "-Zallow-features=");
	if (flag(s, n, "lto", "linker-plugin"))
		vec_add(argv, "-Clinker-plugin-lto");
}

/* -sEXPORTED_FUNCTIONS=_a,_b from the probe's "exports". */
static const char *exported_functions(struct stages *s, const cJSON *probe)
{
	const cJSON *e, *exports = cJSON_GetObjectItemCaseSensitive(probe, "exports");
	struct strbuf sb = { 0 };

	strbuf_addstr(&sb, "-sEXPORTED_FUNCTIONS=");
	cJSON_ArrayForEach (e, exports)
		if (cJSON_IsString(e))
			strbuf_addf(&sb, "%s_%s", sb.buf[sb.len - 1] == '=' ? "" : ",", e->valuestring);
	return own(s, strbuf_detach(&sb));
}

/* emcc flags shared by side and main modules: BigInt, optimisation, EH. */
static void add_emcc_flags(const struct stages *s, size_t n, struct vec *argv)
{
	if (!flag(s, n, "bigint", "off"))
		vec_add(argv, "-sWASM_BIGINT");
	vec_add(argv, flag(s, n, "opt", "O2") ? "-O2" : "-O0");
	if (flag(s, n, "eh", "wasm"))
		vec_add(argv, "-fwasm-exceptions");
	else if (flag(s, n, "eh", "js"))
		vec_add(argv, "-fexceptions");
}

static const char *dep_dir(struct stages *s, size_t n, enum stage st)
{
	const struct plan_node *node = &s->plan->nodes[n];

	for (size_t d = 0; d < node->ndeps; d++)
		if (s->plan->nodes[node->deps[d]].stage == st)
			return stages_node_dir(s, node->deps[d]);
	/* Not a direct dependency: the cell's node of that stage. */
	{
		const struct plan_node *other = plan_cell_node(s->plan, node->cell, st);

		return other ? stages_node_dir(s, (size_t)(other - s->plan->nodes)) : "/nonexistent";
	}
}

struct recipe {
	struct sched_step steps[5];
	size_t nsteps;
	const char *lock;   /* the job's lock key (sched.h), or NULL */
};

/* The first steps of every node: an empty output directory of its own. */
static void clean_steps(struct stages *s, struct recipe *r, const char *out)
{
	struct vec rm = { 0 }, mk = { 0 }, env = { 0 };

	env_base(&env);
	vec_add(&rm, "/bin/rm");
	vec_add(&rm, "-rf");
	vec_add(&rm, "--");
	vec_add(&rm, out);
	vec_add(&mk, "/bin/mkdir");
	vec_add(&mk, "-p");
	vec_add(&mk, "--");
	vec_add(&mk, out);
	r->steps[r->nsteps++] = (struct sched_step){ vec_done(s, &rm), vec_done(s, &env), s->nodes };
	r->steps[r->nsteps++] = (struct sched_step){ vec_done(s, &mk), r->steps[0].env, s->nodes };
}

static void step(struct stages *s, struct recipe *r, struct vec *argv, struct vec *env, const char *cwd)
{
	r->steps[r->nsteps].argv = vec_done(s, argv);
	r->steps[r->nsteps].env = vec_done(s, env);
	r->steps[r->nsteps].cwd = cwd;
	r->nsteps++;
}

/* Another step with the env and cwd of the one before. */
static void step_again(struct stages *s, struct recipe *r, struct vec *argv)
{
	r->steps[r->nsteps].argv = vec_done(s, argv);
	r->steps[r->nsteps].env = r->steps[r->nsteps - 1].env;
	r->steps[r->nsteps].cwd = r->steps[r->nsteps - 1].cwd;
	r->nsteps++;
}

/*
 * Why RUST has no std for the target and cannot build one: no rust-src (a
 * rustup toolchain leaves it out by default). A runner-side problem, not a
 * finding: the cell is an error that says what to run.
 */
static char *no_std_why(const struct toolchain *rust)
{
	const char *tc = rust->rust.sysroot ? strstr(rust->rust.sysroot, "/.rustup/toolchains/") : NULL;

	if (tc)
		return xasprintf("rust %s has no rust-src to build a std for the target from: run `rustup component "
				 "add rust-src --toolchain %s`, then `scripts/setup-toolchains.sh rust/%s`",
				 rust->version, tc + strlen("/.rustup/toolchains/"), rust->version);
	return xasprintf("rust %s has no rust-src to build a std for the target from (%s is missing): install "
			 "it, then `scripts/setup-toolchains.sh rust/%s`",
			 rust->version, rust->rust.rust_src ? rust->rust.rust_src : "no rust_src recorded",
			 rust->version);
}

static int recipe_std(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	const struct toolchain *rust = need(s, n, "rust", why), *em;
	struct vec argv = { 0 }, env = { 0 };

	if (!rust || !(em = need(s, n, "emscripten", why)))
		return 1;
	if (strcmp(toolchain_rust_std(rust), "none") == 0) {
		*why = no_std_why(rust);
		return 1;
	}
	env_base(&env);
	/* One crates.io download cache for every std build. */
	env_set(s, &env, "EMCOMPAT_CARGO_HOME", ownf(s, "%s/../cargo-home", s->nodes));
	vec_add(&argv, "/bin/bash");
	vec_add(&argv, ownf(s, "%s/scripts/build-std.sh", stages_src_root(s, "scripts/", "scripts")));
	vec_add(&argv, rust->manifest);
	vec_add(&argv, em->manifest);
	vec_add(&argv, out);
	/* Without eh=wasm|js the toolchain's own default mode is what is tested. */
	if (flag(s, n, "eh", "wasm") || flag(s, n, "eh", "js")) {
		vec_add(&argv, "--eh");
		vec_add(&argv, value(s, n, "eh"));
	}
	step(s, r, &argv, &env, out);
	return 0;
}

/* Node N's Rust steps run with the toolchain's env, Emscripten's bin/ first in PATH. */
static void rust_env(struct stages *s, size_t n, struct vec *env, const struct toolchain *rust,
		     const struct toolchain *em)
{
	env_base(env);
	env_toolchain(s, env, rust);
	if (em) {
		env_toolchain(s, env, em);
		if (em->emscripten.bin)
			env_path_prepend(s, env, em->emscripten.bin);
	}
	if (eh_named(s, n))
		env_set(s, env, "RUSTC_BOOTSTRAP", "1");
}

/* The probe.json of node N's probe, or NULL with *WHY. */
static const cJSON *cell_probe(struct stages *s, size_t n, const char **name, char **why)
{
	*name = value(s, n, "probe");
	if (!*name) {
		*why = xstrdup("the cell has no \"probe\"");
		return NULL;
	}
	return stages_probe_json(s, *name, why);
}

/* How node N's probe is built (probe.h), or 1 with *WHY. */
static int cell_probe_spec(struct stages *s, size_t n, const char **name, struct probe_spec *spec, char **why)
{
	const cJSON *pj = cell_probe(s, n, name, why);

	if (!pj)
		return 1;
	if (probe_spec_parse(pj, *name, spec)) {
		*why = xstrdup(error_message());
		error_clear();
		return 1;
	}
	return 0;
}

/* rustc with the flags every probe build shares, producing CRATE_TYPE. */
static void add_rustc_probe(struct stages *s, size_t n, struct vec *argv, const struct toolchain *rust,
			    const char *crate_type)
{
	vec_add(argv, rust->rust.rustc ? rust->rust.rustc : "rustc");
	add_rustc_common(s, n, argv, dep_dir(s, n, STAGE_STD));
	vec_add(argv, "--crate-name=probe");
	vec_add(argv, ownf(s, "--crate-type=%s", crate_type));
}

static const char *probe_source(struct stages *s, const char *probe)
{
	return ownf(s, "%s/matrix/probes/%s/lib.rs", stages_probe_root(s, probe), probe);
}

/* "3.12" of the Python "3.12.1" in a Pyodide manifest, or NULL. */
static const char *python_minor(struct stages *s, const struct toolchain *pyodide)
{
	const char *v = pyodide->pyodide.python, *dot;

	if (!v || !(dot = strchr(v, '.')))
		return NULL;
	dot = strchr(dot + 1, '.');
	return dot ? ownf(s, "%.*s", (int)(dot - v), v) : v;
}

/* V as a TOML basic string (for cargo --config KEY=VALUE). */
static const char *toml_str(struct stages *s, const char *v)
{
	struct strbuf sb = { 0 };

	strbuf_addch(&sb, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			strbuf_addch(&sb, '\\');
		strbuf_addch(&sb, *v);
	}
	strbuf_addch(&sb, '"');
	return own(s, strbuf_detach(&sb));
}

/* PyO3 0.21 and newer take the module as &Bound<PyModule> (the probe's feature "bound"). */
static int pyo3_bound_api(const char *version)
{
	unsigned major = 0, minor = 0;

	return sscanf(version, "%u.%u", &major, &minor) == 2 && (major > 0 || minor >= 21);
}

/*
 * What a cargo-built probe's compile needs beyond the std node: the cargo
 * --config file replacing crates.io with vendored sources, the Cargo.lock
 * to build with, and the name of the cache's cargo target dir after the
 * std node (cargo-target/<std node>-<TARGET_TAG>[-lto]).
 */
struct cargo_probe {
	const char *config;
	const char *lock;
	const char *target_tag;
};

/*
 * A Python extension probe (probe.json "python"): the cell's PyO3,
 * vendored by setup-toolchains.sh pyo3/<v>, for the Python of the cell's
 * Pyodide. Adds to ARGV what cargo needs for it (the `bound` feature, the
 * target Python through cargo's [env], for build scripts, so that it is
 * part of the argv, hence of the node's fingerprint).
 */
static int cargo_pyo3(struct stages *s, size_t n, const char *probe, struct cargo_probe *cp, struct vec *argv,
		      char **why)
{
	const char *loader = value(s, n, "loader"), *pyver, *pv = value(s, n, "pyo3");
	const struct toolchain *pyo3, *pyodide;
	int none;

	if (!pv || strcmp(pv, "none") == 0) {
		*why = xasprintf("probe %s is a PyO3 module: its cells need a pyo3 version (the pyo3 axis "
				 "is %s)",
				 probe, pv ? "none" : "absent");
		return 1;
	}
	if (!loader || strncmp(loader, "pyodide-", 8) != 0) {
		*why = xasprintf("probe %s is a Python extension module: it loads only into a pyodide-* "
				 "loader, not %s (exclude such cells from the matrix)",
				 probe, loader ? loader : "a cell without one");
		return 1;
	}
	if (!(pyo3 = need(s, n, "pyo3", why)))
		return 1;
	if (!(pyodide = toolchain_resolve(s->tc, "loader", loader, &none, why)))
		return 1;
	if (!(pyver = python_minor(s, pyodide))) {
		*why = xasprintf("the manifest of %s (%s) records no Python version: reinstall it with "
				 "scripts/setup-toolchains.sh --force pyodide/%s",
				 loader, pyodide->manifest, pyodide->version);
		return 1;
	}
	if (!pyo3->pyo3.lock || !pyo3->pyo3.cargo_config) {
		*why = xasprintf("the manifest of pyo3 %s (%s) names no lock and cargo_config: reinstall "
				 "it with scripts/setup-toolchains.sh --force pyo3/%s",
				 pyo3->version, pyo3->manifest, pyo3->version);
		return 1;
	}
	s->used[s->nused++] = pyodide;
	cp->config = pyo3->pyo3.cargo_config;
	cp->lock = pyo3->pyo3.lock;
	/*
	 * Not one target dir per std node only: the same dependency vendored
	 * for two PyO3 versions is one crate to cargo, at two paths, so each
	 * version's build would make the other's stale.
	 */
	cp->target_tag = ownf(s, "pyo3-%s", pyo3->version);
	if (pyo3_bound_api(pyo3->version))
		vec_add(argv, "--features=bound");
	/* The runtime's sysconfig data is what pyodide-build gives PyO3 too; 0.15 requires it. */
	vec_add(argv, "--config");
	vec_add(argv, ownf(s, "env.PYO3_CROSS_PYTHON_VERSION=%s", toml_str(s, pyver)));
	if (pyodide->pyodide.python_lib_dir) {
		vec_add(argv, "--config");
		vec_add(argv, ownf(s, "env.PYO3_CROSS_LIB_DIR=%s", toml_str(s, pyodide->pyodide.python_lib_dir)));
	}
	return 0;
}

/*
 * A probe with crates.io dependencies ("build": "cargo", probe.h): its own
 * Cargo.lock, the crates vendored once by setup-toolchains.sh crates.
 */
static int cargo_crates(struct stages *s, const char *probe, const struct probe_spec *spec, const char *src,
			struct cargo_probe *cp, char **why)
{
	char *dir = probe_crates_dir(s->tc->cache_dir, probe, spec);

	cp->config = ownf(s, "%s/cargo-config.toml", dir);
	free(dir);
	if (access(cp->config, F_OK) != 0) {
		*why = xasprintf("the crates.io dependencies of probe %s (matrix/probes/%s/Cargo.lock) are not "
				 "vendored in the cache (no %s): run scripts/setup-toolchains.sh crates/%s",
				 probe, probe, cp->config, probe);
		return 1;
	}
	cp->lock = ownf(s, "%s/Cargo.lock", src);
	/* Per probe: two probes may vendor the same crate at two paths (see cargo_pyo3). */
	cp->target_tag = ownf(s, "crates-%s", probe);
	return 0;
}

/*
 * A probe built by cargo (probe.h): offline against vendored crates, with
 * the std node's sysroot and flags for every target crate (build scripts
 * and proc macros are host code).
 */
static int recipe_compile_cargo(struct stages *s, size_t n, struct recipe *r, const char *out,
				const struct toolchain *rust, const char *probe, const struct probe_spec *spec,
				char **why)
{
	const char *std_dir = dep_dir(s, n, STAGE_STD);
	const char *src = ownf(s, "%s/matrix/probes/%s", stages_probe_root(s, probe), probe), *std_name, *target,
		   *crate;
	int release = flag(s, n, "opt", "O2");
	struct cargo_probe c = { 0 };
	struct vec cp = { 0 }, argv = { 0 }, env = { 0 }, up = { 0 }, extra = { 0 };
	struct strbuf flags = { 0 };

	if (spec->python ? cargo_pyo3(s, n, probe, &c, &extra, why) : cargo_crates(s, probe, spec, src, &c, why)) {
		free(extra.v);
		return 1;
	}
	/*
	 * One cargo target dir per std node (Rust, Emscripten, eh), the
	 * probe's crates (c.target_tag) and LTO flag, in the cache, shared by
	 * every compile node built on them: the dependencies are built once,
	 * and cargo rebuilds what its own fingerprints say changed (the
	 * probe, another Python). The crate
	 * is built from one place in it, copied there afresh by each node: a
	 * root package's build hash leaves out its path, so two node dirs
	 * would pass for one crate and cargo would call the other node's
	 * library fresh; a fresh copy is always newer than the last build.
	 * The lock key keeps two such nodes from sharing the dir at once.
	 */
	std_name = strrchr(std_dir, '/') ? strrchr(std_dir, '/') + 1 : std_dir;
	target = ownf(s, "%s/../cargo-target/%s-%s%s", s->nodes, std_name, c.target_tag,
		      flag(s, n, "lto", "linker-plugin") ? "-lto" : "");
	crate = ownf(s, "%s/crate-%s", target, probe);
	r->lock = ownf(s, "cargo-target:%s", target);
	rust_env(s, n, &env, rust, NULL);
	/* Nothing of the user's ~/.cargo; offline, so this stays empty. */
	env_set(s, &env, "CARGO_HOME", ownf(s, "%s/cargo-home", out));
	/* One argument per 0x1f-separated field: paths may hold spaces. */
	strbuf_addf(&flags, "--sysroot=%s/sysroot\x1f-Crelocation-model=pic\x1f@%s/rustc-args", std_dir, std_dir);
	if (eh_named(s, n))
		strbuf_addstr(&flags, "\x1f-Zallow-features=");
	if (flag(s, n, "lto", "linker-plugin"))
		strbuf_addstr(&flags, "\x1f-Clinker-plugin-lto");
	env_set(s, &env, "CARGO_ENCODED_RUSTFLAGS", own(s, strbuf_detach(&flags)));

	vec_add(&cp, "/usr/bin/install");
	vec_add(&cp, "-D");
	vec_add(&cp, "-m");
	vec_add(&cp, "0644");
	vec_add(&cp, "-t");
	vec_add(&cp, crate);
	vec_add(&cp, "--");
	vec_add(&cp, ownf(s, "%s/Cargo.toml", src));
	vec_add(&cp, ownf(s, "%s/lib.rs", src));
	vec_add(&cp, c.lock);
	step(s, r, &cp, &env, out);

	vec_add(&argv, rust->rust.cargo ? rust->rust.cargo : "cargo");
	vec_add(&argv, "build");
	vec_add(&argv, "--offline");
	vec_add(&argv, "--config");
	vec_add(&argv, c.config);
	vec_add(&argv, "--manifest-path");
	vec_add(&argv, ownf(s, "%s/Cargo.toml", crate));
	vec_add(&argv, "--target=" TARGET);
	vec_add(&argv, ownf(s, "--target-dir=%s", target));
	if (release)
		vec_add(&argv, "--release");
	for (size_t i = 0; i < extra.n; i++)
		vec_add(&argv, extra.v[i]);
	free(extra.v);
	step_again(s, r, &argv);

	vec_add(&up, "/bin/cp");
	vec_add(&up, "--");
	vec_add(&up, ownf(s, "%s/" TARGET "/%s/libprobe.a", target, release ? "release" : "debug"));
	vec_add(&up, ownf(s, "%s/libprobe.a", out));
	step_again(s, r, &up);
	return 0;
}

static int recipe_compile(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	const struct toolchain *rust = need(s, n, "rust", why);
	const char *probe;
	struct probe_spec spec;
	struct vec argv = { 0 }, env = { 0 };

	if (!rust || cell_probe_spec(s, n, &probe, &spec, why))
		return 1;
	if (spec.build == PROBE_BUILD_CARGO)
		return recipe_compile_cargo(s, n, r, out, rust, probe, &spec, why);
	rust_env(s, n, &env, rust, NULL);
	add_rustc_probe(s, n, &argv, rust, "staticlib");
	vec_add(&argv, "-o");
	vec_add(&argv, ownf(s, "%s/libprobe.a", out));
	vec_add(&argv, probe_source(s, probe));
	step(s, r, &argv, &env, out);
	return 0;
}

static int recipe_link(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	const struct toolchain *em = need(s, n, "emscripten", why), *rust;
	const char *probe;
	const cJSON *pj;
	struct vec argv = { 0 }, env = { 0 };

	if (!em || !(pj = cell_probe(s, n, &probe, why)))
		return 1;
	if (flag(s, n, "link_mode", "rustc")) {
		struct probe_spec spec;

		if (probe_spec_parse(pj, probe, &spec)) {
			*why = xstrdup(error_message());
			error_clear();
			return 1;
		}
		if (spec.build == PROBE_BUILD_CARGO) {
			*why = xasprintf("probe %s is built by cargo: link_mode rustc (plain rustc from lib.rs) "
					 "cannot build it; use link_mode emcc",
					 probe);
			return 1;
		}
		/* rustc drives emcc with its target spec's arguments: the path users take. */
		if (!(rust = need(s, n, "rust", why)))
			return 1;
		rust_env(s, n, &env, rust, em);
		add_rustc_probe(s, n, &argv, rust, "cdylib");
		vec_add(&argv, ownf(s, "-Clinker=%s/emcc", em->emscripten.bin));
		vec_add(&argv, ownf(s, "-Clink-arg=%s", exported_functions(s, pj)));
		if (!flag(s, n, "bigint", "off"))
			vec_add(&argv, "-Clink-arg=-sWASM_BIGINT");
		vec_add(&argv, "-o");
		vec_add(&argv, ownf(s, "%s/probe.wasm", out));
		vec_add(&argv, probe_source(s, probe));
		step(s, r, &argv, &env, out);
		return 0;
	}
	env_base(&env);
	env_toolchain(s, &env, em);
	add_emcc(s, &argv, em);
	vec_add(&argv, "-sSIDE_MODULE=2");
	vec_add(&argv, exported_functions(s, pj));
	add_emcc_flags(s, n, &argv);
	vec_add(&argv, ownf(s, "%s/libprobe.a", dep_dir(s, n, STAGE_COMPILE)));
	vec_add(&argv, "-o");
	vec_add(&argv, ownf(s, "%s/probe.wasm", out));
	step(s, r, &argv, &env, out);
	return 0;
}

/* -sEXPORTED_FUNCTIONS of the emcc-main host: matrix/loaders/host-exports.txt. */
static const char *host_exports(struct stages *s, size_t n)
{
	const struct embedded_file *f = embedded_find("matrix/loaders/host-exports.txt");
	struct strbuf sb = { 0 };
	const char *p = f ? f->data : "main\n";

	strbuf_addstr(&sb, "-sEXPORTED_FUNCTIONS=");
	while (*p) {
		size_t len = strcspn(p, "\n");

		if (len && *p != '#')
			strbuf_addf(&sb, "%s_%.*s", sb.buf[sb.len - 1] == '=' ? "" : ",", (int)len, p);
		p += len + (p[len] == '\n');
	}
	/* A wasm-EH host provides the unwinder std's panics call into. */
	if (flag(s, n, "eh", "wasm"))
		strbuf_addstr(&sb, ",__Unwind_RaiseException,__Unwind_DeleteException");
	return own(s, strbuf_detach(&sb));
}

/*
 * The Emscripten that builds the cell's emcc-main host: the one a loader
 * emcc-main-<version> names, else the cell's own (plan.h).
 */
static const struct toolchain *need_host(struct stages *s, size_t n, char **why)
{
	const char *loader = value(s, n, "loader");
	const struct toolchain *t;
	int none;

	if (!loader || strncmp(loader, "emcc-main-", 10) != 0)
		return need(s, n, "emscripten", why);
	t = toolchain_resolve(s->tc, "emscripten", loader + 10, &none, why);
	if (t && s->nused < sizeof(s->used) / sizeof(*s->used))
		s->used[s->nused++] = t;
	return t;
}

static int recipe_main(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	const struct toolchain *em = need_host(s, n, why);
	struct vec argv = { 0 }, env = { 0 };

	if (!em)
		return 1;
	env_base(&env);
	env_toolchain(s, &env, em);
	add_emcc(s, &argv, em);
	vec_add(&argv, ownf(s, "%s/matrix/loaders/main.c", stages_loaders_root(s)));
	vec_add(&argv, ownf(s, "%s/matrix/loaders/layout.c", stages_loaders_root(s)));
	/* A JS-EH side module needs the whole JS-EH runtime: only MAIN_MODULE=1 has it. */
	vec_add(&argv, flag(s, n, "eh", "js") ? "-sMAIN_MODULE=1" : "-sMAIN_MODULE=2");
	vec_add(&argv, "-sNODERAWFS=1");
	vec_add(&argv, "-sMODULARIZE=1");
	vec_add(&argv, "-sEXPORT_NAME=emcompatMain");
	vec_add(&argv, host_exports(s, n));
	vec_add(&argv, "-sEXPORTED_RUNTIME_METHODS=ccall");
	vec_add(&argv, "-sNODEJS_CATCH_EXIT=0");
	vec_add(&argv, "-sNODEJS_CATCH_REJECTION=0");
	vec_add(&argv, "--post-js");
	vec_add(&argv, ownf(s, "%s/matrix/loaders/post.js", stages_loaders_root(s)));
	if (!flag(s, n, "bigint", "off"))
		vec_add(&argv, "-sWASM_BIGINT");
	if (flag(s, n, "eh", "wasm"))
		vec_add(&argv, "-fwasm-exceptions");
	else if (flag(s, n, "eh", "js"))
		vec_add(&argv, "-fexceptions");
	/* The host stays at -O0 whatever the cell's opt: the side module is what is tested. */
	vec_add(&argv, "-O0");
	vec_add(&argv, "-o");
	vec_add(&argv, ownf(s, "%s/main.js", out));
	step(s, r, &argv, &env, out);
	return 0;
}

/* What an inspect node reads (owned by struct stages). */
struct inspect_args {
	const char *side;          /* the side module */
	const char *against;       /* the host's wasm, or NULL */
	const char *llvm;          /* the linker's LLVM version, or NULL */
	const char *dir;           /* the node's directory */
};

/*
 * When DIR is a directory (a package's download node's wheel/), *WHEEL
 * (caller frees) is the one wheel in it; else *WHEEL is NULL. Returns 0,
 * or -1 with error(EC_EXIT_INPUT) for a directory without exactly one.
 * Thread-safe: a pool job's (readdir, no strerror).
 */
static int wheel_in(const char *dir, char **wheel)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int found = 0;

	*wheel = NULL;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	if (!(d = opendir(dir)))
		return error(EC_EXIT_INPUT, "%s: cannot be read", dir);
	while ((e = readdir(d))) {
		if (!py_is_wheel(e->d_name))
			continue;
		if (found++) {
			free(*wheel);
			*wheel = NULL;
			continue;
		}
		*wheel = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (found != 1)
		return error(EC_EXIT_INPUT, "%s: %d wheels in it, not one", dir, found);
	return 0;
}

/*
 * The inspect node's work, on a pool thread (sched.h): what `emcompat
 * inspect --json --exit-zero` prints, into the node's stdout log. A file
 * that cannot be read or is not valid fails the node as the command
 * would: exit 2, the message on stderr. Bounded, as sched.h asks: it reads
 * two local files, and every loop of the reader and the checks is bounded
 * by their sizes; nothing waits on anything (milliseconds per node: the
 * stage's deadline is only a guard).
 */
static int inspect_node(void *arg, struct logcap *out, struct logcap *err)
{
	const struct inspect_args *a = arg;
	struct wasm_module m, main;
	struct wasm_findings f;
	cJSON *root;
	char *text, *side = NULL;
	int rc;

	/* It writes no file, but the cache records the node in its directory. */
	if (mkdir_p(a->dir))
		return -1;
	if (wheel_in(a->side, &side)) {
		logcap_write(err, "emcompat: ", 10);
		logcap_write(err, error_message(), strlen(error_message()));
		logcap_write(err, "\n", 1);
		return error_code();
	}
	rc = wasm_inspect_checked(side ? side : a->side, a->against, a->llvm, &m, &main, &f);
	free(side);
	if (rc) {
		char *msg = xasprintf("emcompat: %s\n", error_message());

		logcap_write(err, msg, strlen(msg));
		free(msg);
		return error_code();
	}
	root = wasm_module_to_json(&m, &f);
	text = json_print(root, 0);
	logcap_write(out, text, strlen(text));
	logcap_write(out, "\n", 1);
	free(text);
	cJSON_Delete(root);
	wasm_findings_release(&f);
	wasm_module_release(&m);
	wasm_module_release(&main);
	return 0;
}

/*
 * The inspector reads the side module and predicts loading it into the
 * cell's host: the emcc-main module's wasm, or Pyodide's pyodide.asm.wasm.
 * It runs in-process; argv is the command that does the same by hand.
 */
static void recipe_inspect(struct stages *s, size_t n, struct sched_job *job, const char *out)
{
	const char *loader = value(s, n, "loader");
	const struct toolchain *pyodide = NULL, *em = NULL;
	struct inspect_args *a = own(s, xcalloc(1, sizeof(*a)));
	struct vec argv = { 0 };
	char *why = NULL;
	int none;

	vec_add(&argv, s->self);
	vec_add(&argv, "inspect");
	vec_add(&argv, "--json");
	vec_add(&argv, "--exit-zero");
	if (loader && strncmp(loader, "pyodide-", 8) == 0)
		pyodide = toolchain_resolve(s->tc, "loader", loader, &none, &why);
	if (pyodide && pyodide->pyodide.index_url) {
		a->against = ownf(s, "%spyodide.asm.wasm", pyodide->pyodide.index_url);
		s->used[s->nused++] = pyodide;
	} else if (loader && strncmp(loader, "emcc-main", 9) == 0) {
		a->against = ownf(s, "%s/main.wasm", dep_dir(s, n, STAGE_MAIN));
	}
	if (a->against) {
		vec_add(&argv, "--against");
		vec_add(&argv, a->against);
	}
	em = value(s, n, "emscripten") ? toolchain_resolve(s->tc, "emscripten", value(s, n, "emscripten"), &none, &why)
				       : NULL;
	if (em) {
		/* Its main module is what the side module is checked against. */
		s->used[s->nused++] = em;
		if (em->emscripten.llvm) {
			a->llvm = em->emscripten.llvm;
			vec_add(&argv, "--llvm");
			vec_add(&argv, a->llvm);
		}
	}
	free(why);
	if (s->plan->nodes[n].package)
		a->side = ownf(s, "%s/wheel", dep_dir(s, n, STAGE_LINK));
	else
		a->side = ownf(s, "%s/probe.wasm", dep_dir(s, n, STAGE_LINK));
	a->dir = out;
	vec_add(&argv, a->side);
	job->fn = inspect_node;
	job->arg = a;
	job->argv = vec_done(s, &argv);
}

static int recipe_harness(struct stages *s, size_t n, struct recipe *r, const char *out, const char *phase, char **why)
{
	const char *loader = value(s, n, "loader"), *probe = value(s, n, "probe");
	const struct toolchain *node = NULL, *em = NULL, *pyodide = NULL;
	struct vec argv = { 0 }, env = { 0 };
	const char *harness;
	int none;

	if (!loader || !probe) {
		*why = xstrdup("the cell needs \"loader\" and \"probe\" values to load anything");
		return 1;
	}
	if (value(s, n, "node") && !(node = need(s, n, "node", why)))
		return 1;
	if (strncmp(loader, "pyodide-", 8) == 0) {
		if (!(pyodide = toolchain_resolve(s->tc, "loader", loader, &none, why)))
			return 1;
		s->used[s->nused++] = pyodide;
	} else if (!(em = need_host(s, n, why))) {
		return 1;
	}
	env_base(&env);
	vec_add(&argv, node && node->node.node ? node->node.node : "node");
	/* Node >= 18's fetch breaks Emscripten 3.1.6's loading of its own .wasm. */
	if (em && strncmp(em->version, "3.1.", 4) == 0 && atoi(em->version + 4) < 20)
		vec_add(&argv, "--no-experimental-fetch");
	harness = ownf(s, "%s/matrix/loaders/harness.mjs", stages_loaders_root(s));
	vec_add(&argv, harness);
	vec_add(&argv, "--phase");
	vec_add(&argv, phase);
	vec_add(&argv, "--loader");
	if (pyodide) {
		vec_add(&argv, "pyodide");
		vec_add(&argv, "--index-url");
		vec_add(&argv, pyodide->pyodide.index_url);
	} else {
		vec_add(&argv, "emcc-main");
		vec_add(&argv, "--main");
		vec_add(&argv, ownf(s, "%s/main.js", dep_dir(s, n, STAGE_MAIN)));
	}
	vec_add(&argv, "--side");
	vec_add(&argv, ownf(s, "%s/probe.wasm", dep_dir(s, n, STAGE_LINK)));
	vec_add(&argv, "--probe");
	vec_add(&argv, ownf(s, "%s/matrix/probes/%s/probe.json", stages_probe_root(s, probe), probe));
	if (pyodide && s->warm) {
		/* The server: this command's node and harness, its Pyodide, no cell. */
		const char *server[] = { argv.v[0], harness,       "--loader",
					 "pyodide", "--index-url", pyodide->pyodide.index_url,
					 NULL };
		const char *sock = warm_socket(s->warm, server);

		if (!sock)
			return -1;
		env_replace(s, &env, "EMCOMPAT_HARNESS_SOCKET", sock);
		s->warm_sockets[n] = sock;
	}
	step(s, r, &argv, &env, out);
	return 0;
}

/* The Pyodide runtime of a package cell's node N: NULL with *WHY when the loader is none. */
static const struct toolchain *package_pyodide(struct stages *s, size_t n, char **why)
{
	const char *loader = value(s, n, "loader");
	const struct toolchain *t;
	int none;

	if (!loader || strncmp(loader, "pyodide-", 8) != 0) {
		*why = xasprintf("package %s is a Python package: its cells need a pyodide-* loader, not %s",
				 s->plan->nodes[n].package->name, loader ? loader : "none");
		return NULL;
	}
	if (!(t = toolchain_resolve(s->tc, "loader", loader, &none, why)))
		return NULL;
	if (!t->pyodide.index_url) {
		*why = xasprintf("the manifest of %s names no index_url", loader);
		return NULL;
	}
	s->used[s->nused++] = t;
	return t;
}

/*
 * What the files of the Pyodide PY say of its Python and wheel platforms,
 * into RT (py_runtime_release it on 0). 1 with *WHY when they say neither,
 * -1 on an error.
 */
static int package_runtime_load(const struct toolchain *py, struct py_runtime *rt, char **why)
{
	if (py_runtime_load(py->pyodide.index_url, rt))
		return -1;
	if (!rt->meta || !rt->nplatforms) {
		*why = xasprintf("%s names no Python or wheel platform in its files (pyodide-lock.json)", py->version);
		py_runtime_release(rt);
		return 1;
	}
	return 0;
}

/*
 * pip's settings of where it looks for files: a package's download node
 * passes them on as the user set them, and they are part of its
 * fingerprint (another index or links dir may hold other files, or none).
 */
static const char *const pip_sources[] = { "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS",
					   "PIP_NO_INDEX",  "PIP_CONFIG_FILE",     NULL };

static void pip_config_add(struct stages *s, const char *path)
{
	char *text;
	size_t len;

	if (access(path, F_OK) != 0 || read_file(path, &text, &len)) {
		error_clear();
		return;
	}
	strbuf_addf(&s->env_fp, "pip config %s:", path);
	strbuf_add(&s->env_fp, text, len);
	strbuf_addch(&s->env_fp, 0);
	free(text);
}

/*
 * pip's config files say the same as those variables (index-url,
 * find-links ...), so their contents are part of the fingerprint too: the
 * files pip reads besides PIP_CONFIG_FILE's, site-wide (pip/pip.conf in
 * each dir of XDG_CONFIG_DIRS, default /etc/xdg; /etc/pip.conf) and the
 * user's ($XDG_CONFIG_HOME, default ~/.config, /pip/pip.conf;
 * ~/.pip/pip.conf). A machine without them adds nothing, so its
 * fingerprints stay what they were.
 */
static void pip_config_fingerprint(struct stages *s)
{
	const char *dirs = getenv("XDG_CONFIG_DIRS"), *home = getenv("HOME"), *user = getenv("XDG_CONFIG_HOME");
	char *list = xstrdup(dirs && *dirs ? dirs : "/etc/xdg"), *save = NULL, *path;

	for (char *d = strtok_r(list, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
		path = xasprintf("%s/pip/pip.conf", d);
		pip_config_add(s, path);
		free(path);
	}
	free(list);
	pip_config_add(s, "/etc/pip.conf");
	if (user && *user)
		path = xasprintf("%s/pip/pip.conf", user);
	else
		path = home ? xasprintf("%s/.config/pip/pip.conf", home) : NULL;
	if (path)
		pip_config_add(s, path);
	free(path);
	if (home) {
		path = xasprintf("%s/.pip/pip.conf", home);
		pip_config_add(s, path);
		free(path);
	}
}

/*
 * A package cell's link node: fetch-wheel.py downloads the wheel that
 * matches the Pyodide's Python (cpXY, abi3, none) and platform tags, read
 * from the runtime's own files (pyext.h), or the one "platform" forces,
 * and its requirements.
 */
static int recipe_fetch_wheel(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	const struct matrix_package *pk = s->plan->nodes[n].package;
	const struct toolchain *py;
	const char *root;
	struct vec argv = { 0 }, env = { 0 };
	struct py_runtime rt;
	int rc;

	if (!(py = package_pyodide(s, n, why)))
		return 1;
	if (!(root = stages_src_root(s, "matrix/packages/", "packages")))
		return -1;
	if ((rc = package_runtime_load(py, &rt, why)))
		return rc;
	env_base(&env);
	for (const char *const *v = pip_sources; *v; v++)
		if (getenv(*v))
			env_set(s, &env, *v, ownf(s, "%s", getenv(*v)));
	pip_config_fingerprint(s);
	vec_add(&argv, "python3");
	vec_add(&argv, ownf(s, "%s/matrix/packages/fetch-wheel.py", root));
	vec_add(&argv, out);
	vec_add(&argv, pk->pypi);
	vec_add(&argv, "--python");
	vec_add(&argv, ownf(s, "%u.%u", rt.major, rt.minor));
	vec_add(&argv, "--abi");
	vec_add(&argv, ownf(s, "cp%u%u", rt.major, rt.minor));
	for (size_t i = 0; i < rt.nplatforms; i++) {
		vec_add(&argv, "--platform");
		vec_add(&argv, ownf(s, "%s", rt.platforms[i]));
	}
	if (pk->platform) {
		vec_add(&argv, "--force-platform");
		vec_add(&argv, pk->platform);
	}
	for (size_t i = 0; i < pk->nrequires; i++) {
		vec_add(&argv, "--require");
		vec_add(&argv, pk->requires[i]);
	}
	py_runtime_release(&rt);
	step(s, r, &argv, &env, out);
	return 0;
}

/* SRC/package-NAME-<digest>.json: the package's object, what wheel.mjs reads. */
static const char *package_json(struct stages *s, const struct matrix_package *pk)
{
	const char *path = ownf(s, "%s/package-%s-%s.json", s->src, pk->name, pk->digest);
	char *text;
	int rc;

	if (access(path, F_OK) == 0)
		return path;
	if (mkdir_p(s->src))
		return NULL;
	text = json_print(pk->json, 1);
	rc = write_file_atomic(path, text, strlen(text), 0644);
	free(text);
	return rc ? NULL : path;
}

/* A package cell's load and run nodes: matrix/packages/wheel.mjs in the cell's Pyodide. */
static int recipe_wheel_harness(struct stages *s, size_t n, struct recipe *r, const char *out, const char *phase,
				char **why)
{
	const struct toolchain *py = package_pyodide(s, n, why), *node = NULL;
	const char *root, *spec;
	struct vec argv = { 0 }, env = { 0 };

	if (!py)
		return 1;
	if (value(s, n, "node") && !(node = need(s, n, "node", why)))
		return 1;
	if (!(root = stages_src_root(s, "matrix/packages/", "packages")) ||
	    !(spec = package_json(s, s->plan->nodes[n].package)))
		return -1;
	env_base(&env);
	vec_add(&argv, node && node->node.node ? node->node.node : "node");
	vec_add(&argv, ownf(s, "%s/matrix/packages/wheel.mjs", root));
	vec_add(&argv, "--phase");
	vec_add(&argv, phase);
	vec_add(&argv, "--index-url");
	vec_add(&argv, py->pyodide.index_url);
	vec_add(&argv, "--fetched");
	vec_add(&argv, dep_dir(s, n, STAGE_LINK));
	vec_add(&argv, "--package");
	vec_add(&argv, spec);
	step(s, r, &argv, &env, out);
	return 0;
}

const char *const *stages_intermediates(enum stage st)
{
	static const char *const std_drops[] = { "work", NULL }, *const compile_drops[] = { "cargo-home", NULL };

	switch (st) {
	case STAGE_STD:
		return std_drops;
	case STAGE_COMPILE:
		return compile_drops;
	default:
		return NULL;
	}
}

const char *stages_warm_socket(const struct stages *s, size_t n)
{
	return s->warm_sockets[n];
}

/* The recipe of node N of a probe's cell (the inspect node is in-process: stages_job). */
static int recipe_probe(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	int rc = 0;

	switch (s->plan->nodes[n].stage) {
	case STAGE_STD:
		rc = recipe_std(s, n, r, out, why);
		break;
	case STAGE_COMPILE:
		rc = recipe_compile(s, n, r, out, why);
		break;
	case STAGE_LINK:
		rc = recipe_link(s, n, r, out, why);
		break;
	case STAGE_MAIN:
		rc = recipe_main(s, n, r, out, why);
		break;
	case STAGE_LOAD:
		rc = recipe_harness(s, n, r, out, "load", why);
		break;
	case STAGE_RUN:
		rc = recipe_harness(s, n, r, out, "run", why);
		break;
	case STAGE_INSPECT:  /* in-process: stages_job */
	case STAGE_COUNT:
		break;
	}
	return rc;
}

/*
 * A source package's build (compile) node: matrix/sdist/sdist.py fetches
 * the sdist and vendors its crates once into <cache>/sdists (cargo
 * vendor, the cell's cargo, with the crates.io cache std builds use), then
 * builds it offline with the cell's cargo as maturin would (release, its
 * [tool.maturin] features; LTO off: the prebuilt std has no bitcode), for
 * the Python of the cell's Pyodide, against the std node's sysroot. One
 * cargo target dir per (std node, Python, project) in the cache, under a
 * lock key, as for the pyo3 probe: the package's dependencies build once.
 */
static int recipe_sdist_build(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	const struct matrix_package *pk = s->plan->nodes[n].package;
	const struct toolchain *rust = need(s, n, "rust", why), *em, *py;
	const char *std_dir = dep_dir(s, n, STAGE_STD), *std_name, *pyver, *root, *target;
	struct vec argv = { 0 }, env = { 0 };
	struct strbuf flags = { 0 };

	if (!rust || !(em = need(s, n, "emscripten", why)) || !(py = package_pyodide(s, n, why)))
		return 1;
	if (!(pyver = python_minor(s, py))) {
		*why = xasprintf("the manifest of %s records no Python version: reinstall it with "
				 "scripts/setup-toolchains.sh --force pyodide/%s",
				 py->version, py->version);
		return 1;
	}
	if (!(root = stages_src_root(s, "matrix/sdist/", "sdist")))
		return -1;
	std_name = strrchr(std_dir, '/') ? strrchr(std_dir, '/') + 1 : std_dir;
	target = ownf(s, "%s/../cargo-target/%s-py%s-%s", s->nodes, std_name, pyver, pk->project);
	r->lock = ownf(s, "cargo-target:%s", target);
	rust_env(s, n, &env, rust, em);
	/* Nothing of the user's ~/.cargo; the build is offline, so this stays empty. */
	env_set(s, &env, "CARGO_HOME", ownf(s, "%s/cargo-home", out));
	strbuf_addf(&flags, "--sysroot=%s/sysroot\x1f-Crelocation-model=pic\x1f@%s/rustc-args", std_dir, std_dir);
	if (eh_named(s, n))
		strbuf_addstr(&flags, "\x1f-Zallow-features=");
	env_set(s, &env, "CARGO_ENCODED_RUSTFLAGS", own(s, strbuf_detach(&flags)));
	env_set(s, &env, "CARGO_PROFILE_RELEASE_LTO", "false");
	/*
	 * C and C++ that build scripts compile with cc-rs end up in a side
	 * module: position-independent, as Pyodide's build gives them (its
	 * sysconfig's CFLAGS, "-O2 -g0 -fPIC", which pyodide-build exports).
	 * cc-rs reads the target's own variables; host build scripts keep theirs.
	 */
	env_set(s, &env, "CFLAGS_wasm32_unknown_emscripten", "-fPIC");
	env_set(s, &env, "CXXFLAGS_wasm32_unknown_emscripten", "-fPIC");
	/* PyO3 >= 0.26 reads it; older ones take the feature from [tool.maturin]. */
	env_set(s, &env, "PYO3_BUILD_EXTENSION_MODULE", "1");
	env_set(s, &env, "PYO3_CROSS_PYTHON_VERSION", pyver);
	if (py->pyodide.python_lib_dir)
		env_set(s, &env, "PYO3_CROSS_LIB_DIR", py->pyodide.python_lib_dir);
	vec_add(&argv, "python3");
	vec_add(&argv, ownf(s, "%s/matrix/sdist/sdist.py", root));
	vec_add(&argv, "build");
	vec_add(&argv, "--store");
	vec_add(&argv, ownf(s, "%s/../sdists", s->nodes));
	vec_add(&argv, "--cargo");
	vec_add(&argv, rust->rust.cargo ? rust->rust.cargo : "cargo");
	vec_add(&argv, "--cargo-home");
	vec_add(&argv, ownf(s, "%s/../cargo-home", s->nodes));
	vec_add(&argv, "--target-dir");
	vec_add(&argv, target);
	vec_add(&argv, "--out");
	vec_add(&argv, out);
	if (pk->path) {
		vec_add(&argv, "--path");
		vec_add(&argv, pk->path);
	} else {
		vec_add(&argv, pk->pypi);
	}
	step(s, r, &argv, &env, out);
	return 0;
}

/*
 * A source package's link node: the cell's emcc links the build's static
 * library into a side module exporting PyInit_<module>, with the cell's
 * flags; sdist.py packs it as a wheel tagged for the cell's Pyodide
 * (cpXY, its first platform tag), which inspect, load and run read as
 * they read a downloaded one; and downloads the package's pure-Python
 * requirements ("requires") beside it, as a wheel's download node does.
 */
static int recipe_sdist_link(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	const struct matrix_package *pk = s->plan->nodes[n].package;
	const struct toolchain *em = need(s, n, "emscripten", why), *py;
	const char *root;
	struct vec argv = { 0 }, env = { 0 };
	struct py_runtime rt;
	int rc;

	if (!em || !(py = package_pyodide(s, n, why)))
		return 1;
	if (!(root = stages_src_root(s, "matrix/sdist/", "sdist")))
		return -1;
	if ((rc = package_runtime_load(py, &rt, why)))
		return rc;
	env_base(&env);
	env_toolchain(s, &env, em);
	vec_add(&argv, "python3");
	vec_add(&argv, ownf(s, "%s/matrix/sdist/sdist.py", root));
	vec_add(&argv, "link");
	vec_add(&argv, "--build");
	vec_add(&argv, dep_dir(s, n, STAGE_COMPILE));
	vec_add(&argv, "--out");
	vec_add(&argv, out);
	vec_add(&argv, "--python-tag");
	vec_add(&argv, ownf(s, "cp%u%u", rt.major, rt.minor));
	vec_add(&argv, "--platform");
	vec_add(&argv, ownf(s, "%s", rt.platforms[0]));
	py_runtime_release(&rt);
	for (size_t i = 0; i < pk->nrequires; i++) {
		vec_add(&argv, "--require");
		vec_add(&argv, pk->requires[i]);
	}
	vec_add(&argv, "--");
	add_emcc(s, &argv, em);
	vec_add(&argv, "-sSIDE_MODULE=2");
	add_emcc_flags(s, n, &argv);
	step(s, r, &argv, &env, out);
	return 0;
}

/* The recipe of node N of a package's cell (its std node is a probe's): build and link from source, the download, or wheel.mjs. */
static int recipe_package(struct stages *s, size_t n, struct recipe *r, const char *out, char **why)
{
	enum stage st = s->plan->nodes[n].stage;

	if (s->plan->nodes[n].package->source && st == STAGE_COMPILE)
		return recipe_sdist_build(s, n, r, out, why);
	if (s->plan->nodes[n].package->source && st == STAGE_LINK)
		return recipe_sdist_link(s, n, r, out, why);
	return st == STAGE_LINK ? recipe_fetch_wheel(s, n, r, out, why)
				: recipe_wheel_harness(s, n, r, out, stage_name(st), why);
}

int stages_job(struct stages *s, size_t n, struct sched_job *job, char **why)
{
	const char *out = stages_node_dir(s, n);
	struct recipe *r;
	int rc;

	*why = NULL;
	s->nused = 0;
	s->env_fp.len = 0;
	if (mkdir_p(s->nodes))
		return -1;
	if (s->plan->nodes[n].stage == STAGE_INSPECT) {
		const char *digest = stages_self_digest(s);

		if (!digest)
			return -1;
		recipe_inspect(s, n, job, out);
		/* Not argv[0]: the binary's digest names it, wherever it was run from. */
		stages_fingerprint_node(s, n, &(struct sched_step){ job->argv + 1, NULL, NULL }, 1, digest);
		return 0;
	}
	r = own(s, xcalloc(1, sizeof(*r)));
	clean_steps(s, r, out);
	rc = s->plan->nodes[n].package ? recipe_package(s, n, r, out, why) : recipe_probe(s, n, r, out, why);
	if (rc == 0 && error_pending())
		rc = -1; /* unpacking a source dir failed */
	if (rc)
		return rc;
	job->steps = r->steps;
	job->nsteps = r->nsteps;
	job->lock = r->lock;
	stages_fingerprint_node(s, n, r->steps, r->nsteps, NULL);
	return 0;
}

double stages_expected_seconds(const struct plan *p, size_t n)
{
	static const double seconds[STAGE_COUNT] = {
		[STAGE_STD] = 60,       [STAGE_COMPILE] = 3, [STAGE_LINK] = 2,  [STAGE_MAIN] = 10,
		[STAGE_INSPECT] = 0.05, [STAGE_LOAD] = 0.5,  [STAGE_RUN] = 0.5,
	};
	const struct plan_node *node = &p->nodes[n];
	const char *loader;

	/* A real package's cargo build and its link: measured 20-160 s and 6-27 s. */
	if (node->package && node->package->source && (node->stage == STAGE_COMPILE || node->stage == STAGE_LINK))
		return node->stage == STAGE_COMPILE ? 60 : 10;
	if (node->stage != STAGE_LOAD && node->stage != STAGE_RUN)
		return seconds[node->stage];
	loader = matrix_cell_get(p->matrix, &p->matrix->cells[node->cell], "loader");
	return loader && strncmp(loader, "pyodide-", 8) == 0 ? 4 : seconds[node->stage];
}

void stages_release(struct stages *s)
{
	for (size_t i = 0; i < s->nowned; i++)
		free(s->owned[i]);
	free(s->owned);
	stages_sources_release(s);
	free(s->src);
	free(s->nodes);
	free(s->self);
	free(s->fingerprints);
	free(s->warm_sockets);
	strbuf_release(&s->env_fp);
	memset(s, 0, sizeof(*s));
}
