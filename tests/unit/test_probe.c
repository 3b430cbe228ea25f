/*
 * probe: probe.json's "build" (rustc | cargo) and "python" read into how a
 * probe is built, the lock digest naming a cargo probe's vendored crates,
 * and every built-in probe read without error.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "check.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/probe.h"
#include "emcompat/util.h"

/* Parses TEXT as probe NAME's probe.json; returns probe_spec_parse's result. */
static int parse(const char *name, const char *text, struct probe_spec *spec)
{
	cJSON *pj = cJSON_Parse(text);
	int rc;

	CHECK(pj != NULL);
	rc = probe_spec_parse(pj, name, spec);
	cJSON_Delete(pj);
	return rc;
}

/* Parsing TEXT fails with a message holding WANT. */
static void parse_fails(const char *name, const char *text, const char *want)
{
	struct probe_spec spec;

	CHECK_INT(parse(name, text, &spec), -1);
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	CHECK_HAS(error_message(), want);
	error_clear();
}

static void test_kinds(void)
{
	struct probe_spec spec;
	const struct embedded_file *lock = embedded_find("matrix/probes/chrono_0_4_19/Cargo.lock");
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	char hex[65];
	char *dir, *want;

	/* No "build": plain rustc, as every probe before crates had. */
	CHECK_INT(parse("add", "{\"name\":\"add\"}", &spec), 0);
	CHECK_INT(spec.build, PROBE_BUILD_RUSTC);
	CHECK_INT(spec.python, 0);
	CHECK_STR(spec.lock, "");
	CHECK(probe_crates_dir("/c", "add", &spec) == NULL);
	CHECK_INT(parse("add", "{\"build\":\"rustc\"}", &spec), 0);
	CHECK_INT(spec.build, PROBE_BUILD_RUSTC);

	/* "python" alone means cargo against the cell's PyO3: no lock of its own. */
	CHECK_INT(parse("pyo3", "{\"python\":{\"module\":\"m\"}}", &spec), 0);
	CHECK_INT(spec.build, PROBE_BUILD_CARGO);
	CHECK_INT(spec.python, 1);
	CHECK_STR(spec.lock, "");
	CHECK_INT(parse("pyo3", "{\"python\":{\"module\":\"m\"},\"build\":\"cargo\"}", &spec), 0);
	CHECK_INT(spec.build, PROBE_BUILD_CARGO);

	/* "cargo": the lock beside it names the vendored crates by its SHA-256. */
	CHECK(lock != NULL);
	CHECK_INT(parse("chrono_0_4_19", "{\"build\":\"cargo\"}", &spec), 0);
	CHECK_INT(spec.build, PROBE_BUILD_CARGO);
	CHECK_INT(spec.python, 0);
	if (lock) {
		EVP_Digest(lock->data, lock->size, md, &len, EVP_sha256(), NULL);
		hex_encode(md, 32, hex);
		hex[16] = '\0';
		CHECK_STR(spec.lock, hex);
		want = xasprintf("/c/crates/chrono_0_4_19-%s", hex);
		dir = probe_crates_dir("/c", "chrono_0_4_19", &spec);
		CHECK_STR(dir, want);
		free(dir);
		free(want);
	}
	/* Another lock, another dir. */
	{
		struct probe_spec other;

		CHECK_INT(parse("chrono_0_4_20", "{\"build\":\"cargo\"}", &other), 0);
		CHECK(strcmp(other.lock, spec.lock) != 0);
	}
}

static void test_errors(void)
{
	parse_fails("x", "{\"build\":\"make\"}",
		    "matrix/probes/x/probe.json: \"build\" must be \"rustc\" or \"cargo\"");
	parse_fails("x", "{\"build\":1}", "\"build\" must be");
	parse_fails("pyo3", "{\"python\":{},\"build\":\"rustc\"}", "is built by cargo, not \"build\": \"rustc\"");
	/* A cargo probe with no Cargo.lock (add has only lib.rs and probe.json). */
	parse_fails("add", "{\"build\":\"cargo\"}",
		    "matrix/probes/add/: \"build\": \"cargo\" needs a Cargo.toml and a Cargo.lock");
	parse_fails("nonexistent", "{\"build\":\"cargo\"}", "needs a Cargo.toml and a Cargo.lock");
}

/* Every embedded probe.json reads, and every Cargo.lock belongs to a cargo probe. */
static void test_builtin(void)
{
	size_t probes = 0, cargo = 0;

	for (const struct embedded_file *f = embedded_files; f->path; f++) {
		const char *p = f->path, *slash;
		char *name, *json;
		struct probe_spec spec;
		cJSON *pj;

		if (strncmp(p, "matrix/probes/", 14) != 0 || !(slash = strchr(p + 14, '/')))
			continue;
		name = xstrndup(p + 14, (size_t)(slash - (p + 14)));
		if (strcmp(slash, "/Cargo.lock") == 0) {
			json = xasprintf("matrix/probes/%s/probe.json", name);
			pj = embedded_find(json) ? cJSON_Parse(embedded_find(json)->data) : NULL;
			CHECK(pj != NULL);
			CHECK(pj && probe_spec_parse(pj, name, &spec) == 0 && spec.lock[0]);
			cJSON_Delete(pj);
			free(json);
		} else if (strcmp(slash, "/probe.json") == 0) {
			pj = cJSON_Parse(f->data);
			probes++;
			CHECK(pj != NULL);
			CHECK_INT(pj ? probe_spec_parse(pj, name, &spec) : -1, 0);
			if (pj && spec.build == PROBE_BUILD_CARGO && !spec.python)
				cargo++;
			cJSON_Delete(pj);
		}
		free(name);
	}
	CHECK(probes >= 12);
	CHECK(cargo >= 4);
}

int main(void)
{
	test_kinds();
	test_errors();
	test_builtin();
	return check_done();
}
