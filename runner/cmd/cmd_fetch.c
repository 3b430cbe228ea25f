#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/fetch.h"
#include "emcompat/matrix.h"
#include "emcompat/options.h"
#include "emcompat/toolchain.h"

static int list_store(const char *cache, int json)
{
	struct toolchain_set s;

	if (toolchain_scan(&s, cache, NULL))
		return cli_report_error();
	if (json) {
		cJSON *root = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(root, "toolchains");
		char *text;

		cJSON_AddStringToObject(root, "cache", s.cache_dir);
		for (size_t i = 0; i < s.n; i++) {
			cJSON *t = cJSON_Duplicate(s.items[i].json, 1);

			cJSON_AddStringToObject(t, "manifest", s.items[i].manifest);
			cJSON_AddItemToArray(list, t);
		}
		text = cJSON_PrintUnformatted(root);
		puts(text);
		free(text);
		cJSON_Delete(root);
	} else {
		printf("store %s\n", s.cache_dir);
		if (s.n == 0)
			printf("  empty: emcompat fetch KIND VERSION installs one\n");
		for (size_t i = 0; i < s.n; i++) {
			const struct toolchain *t = &s.items[i];
			const char *source = toolchain_str(t, "source"), *by = toolchain_str(t, "fetched_by");

			printf("  %-10s %-9s %s (%s)\n", t->kind, t->version, source ? source : "?",
			       by ? "fetched" : "setup-toolchains.sh");
		}
	}
	toolchain_set_release(&s);
	return fflush(stdout) ? EC_EXIT_INTERNAL : EC_EXIT_OK;
}

static int gc_store(const char *cache, char **paths, int n, int dry_run)
{
	struct matrix *m = calloc(n ? (size_t)n : 1, sizeof(*m));
	const struct matrix **mp = calloc(n ? (size_t)n : 1, sizeof(*mp));
	int nm = 0, rc = EC_EXIT_OK;
	char **removed = NULL;
	size_t nremoved = 0;

	/* No MATRIX: what the embedded default matrix uses stays. */
	for (; nm < (n ? n : 1); nm++) {
		if (matrix_load(&m[nm], n ? paths[nm] : NULL)) {
			rc = cli_report_error();
			goto out;
		}
		mp[nm] = &m[nm];
	}
	if (fetch_gc(cache, mp, (size_t)nm, dry_run, &removed, &nremoved)) {
		rc = cli_report_error();
	}
	for (size_t i = 0; i < nremoved; i++) {
		printf("%s %s\n", dry_run ? "would remove" : "removed", removed[i]);
		free(removed[i]);
	}
	free(removed);
	if (rc == EC_EXIT_OK && nremoved == 0)
		printf("nothing to remove\n");
out:
	for (int i = 0; i < nm; i++)
		matrix_release(&m[i]);
	free(mp);
	free(m);
	return rc;
}

int cmd_fetch(int argc, char **argv)
{
	int list = 0, gc = 0, dry_run = 0, json = 0, quiet = 0;
	const struct option_spec opts[] = {
		OPT_FLAG(0, "list", &list), OPT_FLAG(0, "gc", &gc),         OPT_FLAG(0, "dry-run", &dry_run),
		OPT_FLAG(0, "json", &json), OPT_FLAG('q', "quiet", &quiet), OPT_END(),
	};
	struct fetch_opts o;
	const char **kinds, **versions;
	size_t n;
	int rc, first = options_parse(argc, argv, opts, OPTIONS_SAY_UNKNOWN);

	if (first < 0)
		return EC_EXIT_INPUT;
	fetch_opts_default(&o);
	if (quiet) {
		o.quiet = 1;
		o.dl.progress = 0;
	}
	if (list + gc > 1 || (json && !list) || (dry_run && !gc)) {
		fprintf(stderr,
			"emcompat fetch: use one of KIND VERSION..., --list [--json], --gc [--dry-run] [MATRIX...]\n");
		return EC_EXIT_INPUT;
	}
	if (list) {
		if (first < argc) {
			fprintf(stderr, "emcompat fetch: --list takes no argument\n");
			return EC_EXIT_INPUT;
		}
		return list_store(NULL, json);
	}
	if (gc)
		return gc_store(NULL, argv + first, argc - first, dry_run);
	if (argc - first < 2) {
		cli_usage(stderr, "fetch");
		return EC_EXIT_INPUT;
	}
	n = (size_t)(argc - first - 1);
	kinds = calloc(n, sizeof(*kinds));
	versions = calloc(n, sizeof(*versions));
	for (size_t i = 0; i < n; i++) {
		kinds[i] = argv[first];
		versions[i] = argv[first + 1 + i];
	}
	rc = fetch_install(kinds, versions, n, &o, NULL) ? cli_report_error() : EC_EXIT_OK;
	free(kinds);
	free(versions);
	return rc;
}
