/*
 * stages: what a node's fingerprint covers. The env a recipe sets is part
 * of it (a toolchain manifest's env edited by hand reruns what uses it);
 * what emcompat passes on from its own environment (PATH, HOME, ...) is
 * not, or a cache would follow the shell it is used from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/matrix.h"
#include "emcompat/plan.h"
#include "emcompat/probe.h"
#include "emcompat/stages.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-test-stages-XXXXXX";

static const char matrix_text[] = "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.69\"],\"probe\":[\"add\"],"
				  "\"loader\":[\"emcc-main\"]}}";

/* The matrix fingerprints() plans. */
static const char *matrix_in = matrix_text;

/* The rust manifest's paths: a toolchain with rust-src unless SYSROOT is given (then without). */
static const char *rust_sysroot;

static void write_manifests(const char *em_config)
{
	char *rust = xasprintf("%s/cache/rust/1.96", dir), *em = xasprintf("%s/cache/emscripten/3.1.69", dir);
	char *rj = xasprintf("%s/toolchain.json", rust), *ej = xasprintf("%s/toolchain.json", em);
	char *etext = xasprintf(
		"{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"emscripten\",\"version\":\"3.1.69\","
		"\"identity\":\"emcc 3.1.69\",\"installed\":\"2026-11-27T10:00:00Z\",\"llvm\":\"20.0.0\","
		"\"env\":{\"EM_CONFIG\":\"%s\"},\"emcc\":[\"/bin/true\"],\"bin\":\"/nonexistent/bin\"}",
		em_config);
	char *rtext = xasprintf(
		"{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"rust\",\"version\":\"1.96\","
		"\"identity\":\"rustc 1.96.0\",\"installed\":\"2026-11-27T10:00:00Z\",\"llvm\":\"22.1.8\","
		"\"env\":{},\"root\":\"/nonexistent\",\"rustc\":\"/bin/true\",\"sysroot\":\"%s\","
		"\"rust_src\":\"%s\"}",
		rust_sysroot ? rust_sysroot : "/nonexistent", rust_sysroot ? "/nonexistent/library" : dir);

	CHECK_INT(mkdir_p(rust) || mkdir_p(em), 0);
	CHECK_INT(write_file_atomic(rj, rtext, strlen(rtext), 0644), 0);
	CHECK_INT(write_file_atomic(ej, etext, strlen(etext), 0644), 0);
	free(rust);
	free(em);
	free(rj);
	free(ej);
	free(etext);
	free(rtext);
}

/* Parses matrix TEXT, plans it and scans the toolchains under CACHE, each checked to succeed. */
static void load_matrix(const char *text, const char *cache, struct matrix *m, struct plan *p, struct toolchain_set *tc)
{
	error_clear();
	CHECK_INT(matrix_parse(m, "m.json", text, strlen(text)), 0);
	CHECK_INT(plan_build(p, m), 0);
	CHECK_INT(toolchain_scan(tc, cache, m), 0);
}

static void release_matrix(struct matrix *m, struct plan *p, struct toolchain_set *tc)
{
	toolchain_set_release(tc);
	plan_release(p);
	matrix_release(m);
}

/* The fingerprint of every node, in plan order, joined by spaces (caller frees); SELF is emcompat's binary. */
static char *fingerprints(const char *self)
{
	struct matrix m;
	struct plan p;
	struct toolchain_set tc;
	struct stages s;
	struct strbuf out = { NULL, 0, 0 };
	char *cache = xasprintf("%s/cache", dir), *src = xasprintf("%s/src", dir),
	     *nodes = xasprintf("%s/cache/nodes", dir);

	load_matrix(matrix_in, cache, &m, &p, &tc);
	stages_init(&s, &p, &tc, src, nodes, self);
	for (size_t n = 0; n < p.nnodes; n++) {
		struct sched_job job;
		char *why = NULL;

		memset(&job, 0, sizeof(job));
		if (stages_job(&s, n, &job, &why) != 0) {
			fprintf(stderr, "node %zu: %s\n", n, why ? why : error_message());
			CHECK(0);
		}
		free(why);
		strbuf_addf(&out, "%s%s:%s", n ? " " : "", stage_name(p.nodes[n].stage), stages_fingerprint(&s, n));
	}
	stages_release(&s);
	release_matrix(&m, &p, &tc);
	free(cache);
	free(src);
	free(nodes);
	return strbuf_detach(&out);
}

/* The fingerprint of STAGE in FPS (as fingerprints() gives them). */
static char *stage_fp(const char *fps, const char *stage)
{
	char *key = xasprintf("%s:", stage);
	const char *at = strstr(fps, key);
	char *fp = at ? xstrndup(at + strlen(key), 64) : xstrdup("");

	free(key);
	return fp;
}

static void test_env(void)
{
	char *a, *b, *c, *path = xasprintf("/opt/elsewhere:%s", getenv("PATH") ? getenv("PATH") : "/bin");
	static const char *const stages[] = { "std", "compile", "link", "main", "inspect", "load", "run" };

	write_manifests("/cfg/one");
	a = fingerprints("/bin/true");
	/* Another shell: the user's PATH and HOME, a stray socket variable. */
	setenv("PATH", path, 1);
	setenv("HOME", "/home/someone-else", 1);
	setenv("EMCOMPAT_HARNESS_SOCKET", "/tmp/x.sock", 1);
	b = fingerprints("/bin/true");
	CHECK_STR(b, a);
	/* The manifest's env edited (identity and install time kept). */
	write_manifests("/cfg/two");
	c = fingerprints("/bin/true");
	for (size_t i = 0; i < sizeof(stages) / sizeof(*stages); i++) {
		char *fa = stage_fp(a, stages[i]), *fc = stage_fp(c, stages[i]);

		CHECK_INT((int)strlen(fa), 64);
		/* build-std.sh reads the manifest itself (its identity is in the fingerprint) and
		 * rustc runs without Emscripten's env; emcc's nodes, and all after them, change. */
		if (strcmp(stages[i], "std") == 0 || strcmp(stages[i], "compile") == 0)
			CHECK_STR(fc, fa);
		else if (strcmp(fa, fc) == 0) {
			fprintf(stderr, "stage %s kept its fingerprint\n", stages[i]);
			CHECK(0);
		}
		free(fa);
		free(fc);
	}
	free(a);
	free(b);
	free(c);
	free(path);
}

/*
 * The inspect node runs inside emcompat: a different binary re-runs it, the
 * same bytes at another path (an installed copy, a benchmark's) do not.
 */
static void test_self(void)
{
	char *copy = xasprintf("%s/emcompat-copy", dir), *cmd = xasprintf("cp /bin/true '%s'", copy);
	char *a, *b, *c, *fa, *fc;

	CHECK_INT(system(cmd), 0);
	write_manifests("/cfg/one");
	a = fingerprints("/bin/true");
	b = fingerprints(copy);
	CHECK_STR(b, a);
	c = fingerprints("/bin/false");
	fa = stage_fp(a, "inspect");
	fc = stage_fp(c, "inspect");
	CHECK(strcmp(fa, fc) != 0);
	free(fa);
	free(fc);
	fa = stage_fp(a, "link");
	fc = stage_fp(c, "link");
	CHECK_STR(fc, fa);
	free(fa);
	free(fc);
	free(a);
	free(b);
	free(c);
	free(cmd);
	free(copy);
}

/* No rust-src to build a std from: the std node is an error before it starts, saying what to run. */
static void test_no_rust_src(void)
{
	struct matrix m;
	struct plan p;
	struct toolchain_set tc;
	struct stages s;
	char *cache = xasprintf("%s/cache", dir), *src = xasprintf("%s/src", dir),
	     *nodes = xasprintf("%s/cache/nodes", dir);
	int errors = 0;

	rust_sysroot = "/home/u/.rustup/toolchains/stable-x86_64-unknown-linux-gnu";
	write_manifests("/cfg/one");
	load_matrix(matrix_text, cache, &m, &p, &tc);
	stages_init(&s, &p, &tc, src, nodes, "/bin/true");
	for (size_t n = 0; n < p.nnodes; n++) {
		struct sched_job job;
		char *why = NULL;

		memset(&job, 0, sizeof(job));
		if (p.nodes[n].stage != STAGE_STD)
			continue;
		CHECK_INT(stages_job(&s, n, &job, &why), 1);
		CHECK_STR(why, "rust 1.96 has no rust-src to build a std for the target from: run `rustup component "
			       "add rust-src --toolchain stable-x86_64-unknown-linux-gnu`, then "
			       "`scripts/setup-toolchains.sh rust/1.96`");
		errors++;
		free(why);
	}
	CHECK_INT(errors, 1);
	stages_release(&s);
	release_matrix(&m, &p, &tc);
	free(cache);
	free(src);
	free(nodes);
	rust_sysroot = NULL;
}

/*
 * A package's download node: pip's settings of where it looks (an index, a
 * links dir), in its environment or its config files, are part of its
 * fingerprint; the rest of the user's pip environment is not.
 */
static void test_pip_sources(void)
{
	static const char text[] = "{\"axes\":{\"probe\":[\"jiter\"],\"loader\":[\"pyodide-0.29.5\"]},"
				   "\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\","
				   "\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}}";
	char *py = xasprintf("%s/cache/pyodide/0.29.5", dir), *idx = xasprintf("%s/idx", py);
	char *manifest = xasprintf("%s/toolchain.json", py), *lock = xasprintf("%s/pyodide-lock.json", idx);
	char *wasm = xasprintf("%s/pyodide.asm.wasm", idx);
	char *mtext = xasprintf("{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"pyodide\",\"version\":\"0.29.5\","
				"\"identity\":\"pyodide 0.29.5\",\"installed\":\"2026-11-27T10:00:00Z\",\"env\":{},"
				"\"index_url\":\"%s/\",\"python\":\"3.13.2\"}",
				idx);
	static const char pip_conf[] = "[global]\nindex-url = https://mirror.example/simple\n";
	static const char ltext[] = "{\"info\":{\"python\":\"3.13.2\",\"platform\":\"emscripten_4_0_9\"},"
				    "\"packages\":{}}";
	char *a, *b, *c, *d, *e, *fa, *fb, *fc, *fd, *fe, *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	char *home = xasprintf("%s/home", dir), *conf = xasprintf("%s/home/.config/pip", dir);

	CHECK_INT(mkdir_p(idx), 0);
	CHECK_INT(write_file_atomic(manifest, mtext, strlen(mtext), 0644), 0);
	CHECK_INT(write_file_atomic(lock, ltext, strlen(ltext), 0644), 0);
	CHECK_INT(write_file_atomic(wasm, "", 0, 0644), 0);
	matrix_in = text;
	unsetenv("PIP_INDEX_URL");
	unsetenv("PIP_FIND_LINKS");
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", home, 1);
	CHECK_INT(mkdir_p(conf), 0);
	a = fingerprints("/bin/true");
	setenv("PIP_DEFAULT_TIMEOUT", "180", 1);
	b = fingerprints("/bin/true");
	setenv("PIP_INDEX_URL", "https://mirror.example/simple", 1);
	c = fingerprints("/bin/true");
	setenv("PIP_FIND_LINKS", "/opt/wheels", 1);
	d = fingerprints("/bin/true");
	fa = stage_fp(a, "link");
	fb = stage_fp(b, "link");
	fc = stage_fp(c, "link");
	fd = stage_fp(d, "link");
	CHECK_INT((int)strlen(fa), 64);
	CHECK_STR(fb, fa);
	CHECK(strcmp(fc, fa) != 0);
	CHECK(strcmp(fd, fc) != 0);
	unsetenv("PIP_INDEX_URL");
	unsetenv("PIP_FIND_LINKS");
	unsetenv("PIP_DEFAULT_TIMEOUT");
	/* The user's pip.conf naming another index. */
	free(conf);
	conf = xasprintf("%s/home/.config/pip/pip.conf", dir);
	CHECK_INT(write_file_atomic(conf, pip_conf, strlen(pip_conf), 0644), 0);
	e = fingerprints("/bin/true");
	fe = stage_fp(e, "link");
	CHECK(strcmp(fe, fa) != 0);
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_home);
	free(home);
	free(conf);
	free(e);
	free(fe);
	matrix_in = matrix_text;
	free(a);
	free(b);
	free(c);
	free(d);
	free(fa);
	free(fb);
	free(fc);
	free(fd);
	free(py);
	free(idx);
	free(manifest);
	free(lock);
	free(wasm);
	free(mtext);
}

/* The job's steps' argv, each step's arguments joined by spaces, steps by " | " (caller frees). */
static char *job_argv(const struct sched_job *job)
{
	struct strbuf sb = { NULL, 0, 0 };

	for (size_t i = 0; i < job->nsteps; i++)
		for (size_t a = 0; job->steps[i].argv[a]; a++)
			strbuf_addf(&sb, "%s%s", a ? " " : (i ? " | " : ""), job->steps[i].argv[a]);
	return strbuf_detach(&sb);
}

/*
 * A probe with crates.io dependencies: its compile node is an error naming
 * the setup command until its lock's crates are vendored, then cargo builds
 * offline against them, in a target dir of its own.
 */
static void test_crates(void)
{
	static const char text[] = "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.69\"],"
				   "\"probe\":[\"chrono_0_4_19\"],\"loader\":[\"emcc-main\"]}}";
	const struct embedded_file *lock = embedded_find("matrix/probes/chrono_0_4_19/Cargo.lock");
	struct probe_spec spec;
	struct matrix m;
	struct plan p;
	struct toolchain_set tc;
	char *cache = xasprintf("%s/cache", dir), *src = xasprintf("%s/src", dir),
	     *nodes = xasprintf("%s/cache/nodes", dir), *crates, *config;
	cJSON *pj = cJSON_Parse("{\"build\":\"cargo\"}");

	CHECK(lock != NULL);
	CHECK_INT(probe_spec_parse(pj, "chrono_0_4_19", &spec), 0);
	cJSON_Delete(pj);
	crates = probe_crates_dir(cache, "chrono_0_4_19", &spec);
	config = xasprintf("%s/cargo-config.toml", crates);
	write_manifests("/cfg/one");
	load_matrix(text, cache, &m, &p, &tc);
	for (int vendored = 0; vendored < 2; vendored++) {
		struct stages s;
		int compiles = 0;

		if (vendored) {
			CHECK_INT(mkdir_p(crates), 0);
			CHECK_INT(write_file_atomic(config, "", 0, 0644), 0);
		}
		stages_init(&s, &p, &tc, src, nodes, "/bin/true");
		for (size_t n = 0; n < p.nnodes; n++) {
			struct sched_job job;
			char *why = NULL, *argv;

			memset(&job, 0, sizeof(job));
			if (p.nodes[n].stage != STAGE_COMPILE)
				continue;
			compiles++;
			if (!vendored) {
				CHECK_INT(stages_job(&s, n, &job, &why), 1);
				CHECK_HAS(why,
					  "the crates.io dependencies of probe chrono_0_4_19 "
					  "(matrix/probes/chrono_0_4_19/Cargo.lock) are not vendored in the cache");
				CHECK_HAS(why, "run scripts/setup-toolchains.sh crates/chrono_0_4_19");
				free(why);
				continue;
			}
			CHECK_INT(stages_job(&s, n, &job, &why), 0);
			argv = job_argv(&job);
			CHECK_HAS(argv, " build --offline --config ");
			CHECK_HAS(argv, config);
			CHECK_HAS(argv, "-crates-chrono_0_4_19/crate-chrono_0_4_19/Cargo.toml");
			CHECK_HAS(argv, "/matrix/probes/chrono_0_4_19/Cargo.lock");
			CHECK(strstr(argv, "PYO3") == NULL);
			free(argv);
			free(why);
		}
		CHECK_INT(compiles, 1);
		stages_release(&s);
	}
	release_matrix(&m, &p, &tc);
	free(config);
	free(crates);
	free(cache);
	free(src);
	free(nodes);
}

/*
 * RUSTC_BOOTSTRAP=1 lets a stable rustc take a -Z flag, and the crates built
 * use #![feature]: a compile gets it only where the std may have a -Z flag
 * (an EH mode named), and then with no feature allowed.
 */
static void test_rustc_bootstrap(void)
{
	static const char *const ehs[] = { "default", "js", "wasm" };
	char *cache = xasprintf("%s/cache", dir), *src = xasprintf("%s/src", dir),
	     *nodes = xasprintf("%s/cache/nodes", dir);

	write_manifests("/cfg/one");
	for (size_t e = 0; e < sizeof(ehs) / sizeof(*ehs); e++) {
		char *text = xasprintf("{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.69\"],"
				       "\"probe\":[\"add\"],\"loader\":[\"emcc-main\"],\"eh\":[\"%s\"]}}",
				       ehs[e]);
		int named = e > 0, compiles = 0;
		struct matrix m;
		struct plan p;
		struct toolchain_set tc;
		struct stages s;

		load_matrix(text, cache, &m, &p, &tc);
		stages_init(&s, &p, &tc, src, nodes, "/bin/true");
		for (size_t n = 0; n < p.nnodes; n++) {
			struct sched_job job;
			char *why = NULL, *argv;
			int bootstrap = 0;

			memset(&job, 0, sizeof(job));
			if (p.nodes[n].stage != STAGE_COMPILE)
				continue;
			compiles++;
			CHECK_INT(stages_job(&s, n, &job, &why), 0);
			for (size_t i = 0; i < job.nsteps; i++)
				for (size_t k = 0; job.steps[i].env && job.steps[i].env[k]; k++)
					if (strncmp(job.steps[i].env[k], "RUSTC_BOOTSTRAP", 15) == 0) {
						CHECK_STR(job.steps[i].env[k], "RUSTC_BOOTSTRAP=1");
						bootstrap = 1;
					}
			argv = job_argv(&job);
			if (bootstrap != named || (strstr(argv, " -Zallow-features= ") != NULL) != named) {
				fprintf(stderr, "eh=%s: RUSTC_BOOTSTRAP %d, argv %s\n", ehs[e], bootstrap, argv);
				CHECK(0);
			}
			free(argv);
			free(why);
		}
		CHECK_INT(compiles, 1);
		stages_release(&s);
		release_matrix(&m, &p, &tc);
		free(text);
	}
	free(cache);
	free(src);
	free(nodes);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir))
		return 1;
	test_env();
	test_self();
	test_no_rust_src();
	test_pip_sources();
	test_crates();
	test_rustc_bootstrap();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
