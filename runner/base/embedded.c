#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

const struct embedded_file *embedded_find(const char *path)
{
	for (const struct embedded_file *f = embedded_files; f->path; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}

void embedded_digest(const char *prefix, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	size_t plen = strlen(prefix);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	for (const struct embedded_file *f = embedded_files; f->path; f++) {
		size_t n = strlen(f->path);

		if (strncmp(f->path, prefix, plen) != 0 || (n > 3 && strcmp(f->path + n - 3, ".md") == 0))
			continue;
		EVP_DigestUpdate(ctx, f->path, strlen(f->path) + 1);
		EVP_DigestUpdate(ctx, f->data, f->size);
	}
	EVP_DigestFinal_ex(ctx, md, &len);
	EVP_MD_CTX_free(ctx);
	hex_encode(md, 32, out);
}

/* Whether PATH holds exactly DATA (SIZE bytes). */
static int same_content(const char *path, const char *data, size_t size)
{
	char *have;
	size_t len;
	int same;

	if (access(path, F_OK) != 0 || read_file(path, &have, &len)) {
		error_clear();
		return 0;
	}
	same = len == size && memcmp(have, data, size) == 0;
	free(have);
	return same;
}

int embedded_extract(const char *prefix, const char *dir)
{
	size_t plen = strlen(prefix);

	for (const struct embedded_file *f = embedded_files; f->path; f++) {
		char *path, *slash;
		size_t n = strlen(f->path);
		int rc;

		if (strncmp(f->path, prefix, plen) != 0)
			continue;
		path = xasprintf("%s/%s", dir, f->path);
		slash = strrchr(path, '/');
		*slash = '\0';
		rc = mkdir_p(path);
		*slash = '/';
		/* Scripts stay executable: they run as steps. */
		if (rc == 0 && !same_content(path, f->data, f->size))
			rc = write_file_atomic(path, f->data, f->size,
					       n > 3 && strcmp(f->path + n - 3, ".sh") == 0 ? 0755 : 0644);
		free(path);
		if (rc)
			return -1;
	}
	return 0;
}
