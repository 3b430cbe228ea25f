#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/probe.h"
#include "emcompat/util.h"

/* The embedded file matrix/probes/NAME/FILE, or NULL. */
static const struct embedded_file *probe_file(const char *name, const char *file)
{
	char *path = xasprintf("matrix/probes/%s/%s", name, file);
	const struct embedded_file *f = embedded_find(path);

	free(path);
	return f;
}

int probe_spec_parse(const cJSON *pj, const char *name, struct probe_spec *out)
{
	const cJSON *build = cJSON_GetObjectItemCaseSensitive(pj, "build");
	const struct embedded_file *lock;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	char hex[65];

	memset(out, 0, sizeof(*out));
	out->python = cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(pj, "python"));
	out->build = out->python ? PROBE_BUILD_CARGO : PROBE_BUILD_RUSTC;
	if (build) {
		if (!cJSON_IsString(build) ||
		    (strcmp(build->valuestring, "rustc") != 0 && strcmp(build->valuestring, "cargo") != 0))
			return error(EC_EXIT_INPUT,
				     "matrix/probes/%s/probe.json: \"build\" must be \"rustc\" or \"cargo\"", name);
		if (strcmp(build->valuestring, "rustc") == 0 && out->python)
			return error(EC_EXIT_INPUT,
				     "matrix/probes/%s/probe.json: a Python extension (\"python\") is built by cargo, "
				     "not \"build\": \"rustc\"",
				     name);
		if (strcmp(build->valuestring, "cargo") == 0)
			out->build = PROBE_BUILD_CARGO;
	}
	if (out->build != PROBE_BUILD_CARGO || out->python)
		return 0;
	/* The pyo3 probe's lock comes with its PyO3; any other cargo probe brings its own. */
	lock = probe_file(name, "Cargo.lock");
	if (!probe_file(name, "Cargo.toml") || !lock)
		return error(EC_EXIT_INPUT,
			     "matrix/probes/%s/: \"build\": \"cargo\" needs a Cargo.toml and a Cargo.lock beside "
			     "probe.json (the lock pins its crates.io dependencies)",
			     name);
	EVP_Digest(lock->data, lock->size, md, &len, EVP_sha256(), NULL);
	hex_encode(md, 32, hex);
	memcpy(out->lock, hex, 16);
	out->lock[16] = '\0';
	return 0;
}

char *probe_crates_dir(const char *cache_dir, const char *name, const struct probe_spec *spec)
{
	return spec->lock[0] ? xasprintf("%s/crates/%s-%s", cache_dir, name, spec->lock) : NULL;
}
