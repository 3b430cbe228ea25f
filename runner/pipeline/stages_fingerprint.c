#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "emcompat/stages.h"
#include "emcompat/util.h"
#include "stages_internal.h"

const char *stages_fingerprint(const struct stages *s, size_t n)
{
	return s->fingerprints[n];
}

/* Ends CTX's SHA-256 into OUT as 64 hex digits. */
static void sha256_hex(EVP_MD_CTX *ctx, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	EVP_DigestFinal_ex(ctx, md, &len);
	hex_encode(md, 32, out);
}

const char *stages_self_digest(struct stages *s)
{
	EVP_MD_CTX *ctx;
	char *data;
	size_t len;

	if (s->self_digest[0])
		return s->self_digest;
	if (read_file(s->self, &data, &len))
		return NULL;
	ctx = EVP_MD_CTX_new();
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	EVP_DigestUpdate(ctx, data, len);
	sha256_hex(ctx, s->self_digest);
	EVP_MD_CTX_free(ctx);
	free(data);
	return s->self_digest;
}

void stages_fingerprint_node(struct stages *s, size_t n, const struct sched_step *steps, size_t nsteps,
			     const char *extra)
{
	const struct plan_node *node = &s->plan->nodes[n];
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	for (size_t d = 0; d < node->ndeps; d++)
		EVP_DigestUpdate(ctx, s->fingerprints[node->deps[d]], 64);
	for (size_t i = 0; i < nsteps; i++) {
		for (size_t a = 0; steps[i].argv[a]; a++)
			EVP_DigestUpdate(ctx, steps[i].argv[a], strlen(steps[i].argv[a]) + 1);
		EVP_DigestUpdate(ctx, "\n", 1);
	}
	EVP_DigestUpdate(ctx, s->env_fp.buf ? s->env_fp.buf : "", s->env_fp.len + 1);
	for (size_t i = 0; i < s->nused; i++) {
		const char *v[] = { s->used[i]->kind, s->used[i]->version, s->used[i]->identity,
				    s->used[i]->installed };

		for (size_t k = 0; k < 4; k++)
			EVP_DigestUpdate(ctx, v[k] ? v[k] : "", v[k] ? strlen(v[k]) + 1 : 1);
	}
	if (extra)
		EVP_DigestUpdate(ctx, extra, strlen(extra) + 1);
	sha256_hex(ctx, s->fingerprints[n]);
	EVP_MD_CTX_free(ctx);
}
