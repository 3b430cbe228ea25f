#include <string.h>

#include <openssl/evp.h>

#include "emcompat/embedded.h"

const struct embedded_file *embedded_find(const char *path)
{
	for (const struct embedded_file *f = embedded_files; f->path; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}

void embedded_digest(const char *prefix, char out[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	size_t plen = strlen(prefix);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	for (const struct embedded_file *f = embedded_files; f->path; f++) {
		if (strncmp(f->path, prefix, plen) != 0)
			continue;
		EVP_DigestUpdate(ctx, f->path, strlen(f->path) + 1);
		EVP_DigestUpdate(ctx, f->data, f->size);
	}
	EVP_DigestFinal_ex(ctx, md, &len);
	EVP_MD_CTX_free(ctx);
	for (unsigned int i = 0; i < 32; i++) {
		out[2 * i] = digits[md[i] >> 4];
		out[2 * i + 1] = digits[md[i] & 15];
	}
	out[64] = '\0';
}
