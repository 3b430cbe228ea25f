#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emcompat/cachedir.h"
#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/matrix.h"
#include "emcompat/options.h"
#include "emcompat/plan.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

/* 1.2 GB, 954 MB, 12 kB: three digits at most, decimal units as du -h --si. */
static const char *human(unsigned long long bytes, char buf[16])
{
	static const char *const units[] = { "B", "kB", "MB", "GB", "TB" };
	double v = (double)bytes;
	size_t u = 0;

	while (v >= 1000 && u + 1 < sizeof(units) / sizeof(*units)) {
		v /= 1000;
		u++;
	}
	snprintf(buf, 16, u && v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
	return buf;
}

static int show_json(const struct cachedir_usage *u)
{
	cJSON *root = cJSON_CreateObject(), *parts;
	char *text;

	cJSON_AddStringToObject(root, "cache", u->cache_dir);
	cJSON_AddNumberToObject(root, "runs", (double)u->runs);
	parts = cJSON_AddArrayToObject(root, "parts");
	for (size_t i = 0; i < u->nparts; i++) {
		cJSON *p = cJSON_CreateObject();

		cJSON_AddStringToObject(p, "kind", u->parts[i].group);
		if (u->parts[i].name)
			cJSON_AddStringToObject(p, "name", u->parts[i].name);
		cJSON_AddNumberToObject(p, "bytes", (double)u->parts[i].bytes);
		if (strcmp(u->parts[i].group, "other") != 0)
			cJSON_AddNumberToObject(p, "count", (double)u->parts[i].count);
		cJSON_AddItemToArray(parts, p);
	}
	text = cJSON_PrintUnformatted(root);
	puts(text);
	free(text);
	cJSON_Delete(root);
	return 0;
}

/* Names are the cache dir's file names, whatever put them there: shown as untrusted text. */
static void show_text(const struct cachedir_usage *u)
{
	unsigned long long all = 0;
	const char *group = NULL;
	struct strbuf sb = { 0 };
	char buf[16];

	printf("cache %s (%lu runs)\n", untrusted_term(&sb, u->cache_dir), u->runs);
	for (size_t i = 0; i < u->nparts; i++) {
		const struct cachedir_part *p = &u->parts[i];
		unsigned long long sum = 0;
		size_t count = 0;

		all += p->bytes;
		if (group && strcmp(group, p->group) == 0)
			continue;
		group = p->group;
		for (size_t k = i; k < u->nparts && strcmp(u->parts[k].group, group) == 0; k++) {
			sum += u->parts[k].bytes;
			count += u->parts[k].count;
		}
		if (strcmp(group, "other") == 0)
			printf("%-22s %9s\n", group, human(sum, buf));
		else
			printf("%-14s %7zu %9s\n", group, count, human(sum, buf));
		for (size_t k = i; k < u->nparts && strcmp(u->parts[k].group, group) == 0; k++) {
			if (!u->parts[k].name)
				continue;
			if (strcmp(group, "other") == 0)
				printf("  %-20s %9s\n", untrusted_term(&sb, u->parts[k].name),
				       human(u->parts[k].bytes, buf));
			else
				printf("  %-12s %7zu %9s\n", untrusted_term(&sb, u->parts[k].name), u->parts[k].count,
				       human(u->parts[k].bytes, buf));
		}
	}
	printf("%-22s %9s\n", "total", human(all, buf));
	strbuf_release(&sb);
}

/* --max-size: bytes, or a number with k, M, G, T (decimal; KB/MB/GB/TB and KiB/MiB/GiB/TiB also taken). */
static int read_size(const struct option_spec *opt, const char *arg)
{
	long long *out = opt->value;
	char *end;
	double v = strtod(arg, &end), mult = 1;
	int binary = end[0] && (end[1] == 'i' || end[1] == 'I');

	switch (*end) {
	case 't':
	case 'T':
		mult *= binary ? 1024 : 1000;
		/* fall through */
	case 'g':
	case 'G':
		mult *= binary ? 1024 : 1000;
		/* fall through */
	case 'm':
	case 'M':
		mult *= binary ? 1024 : 1000;
		/* fall through */
	case 'k':
	case 'K':
		mult *= binary ? 1024 : 1000;
		end += 1 + binary;
		break;
	default:
		break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (end == arg || *end || !(v >= 0) || v * mult > 9e18)
		return error(EC_EXIT_INPUT, "--max-size %s: expected a size such as 8G, 500M or 1000000", arg);
	*out = (long long)(v * mult);
	return 0;
}

static int gc(char **paths, int n, struct cachedir_gc_opts *o)
{
	struct matrix *m = xcalloc(n ? (size_t)n : 1, sizeof(*m));
	struct plan *p = xcalloc(n ? (size_t)n : 1, sizeof(*p));
	const struct plan **pp = xcalloc(n ? (size_t)n : 1, sizeof(*pp));
	struct cachedir_gc_result res;
	struct strbuf sb = { 0 };
	unsigned long long freed = 0;
	int nm = 0, np = 0, rc = EC_EXIT_OK;
	char buf[16];

	memset(&res, 0, sizeof(res));
	/* No MATRIX: the nodes the embedded default matrix plans stay. */
	for (; nm < (n ? n : 1); nm++) {
		if (matrix_load(&m[nm], n ? paths[nm] : NULL)) {
			rc = cli_report_error();
			goto out;
		}
		if (plan_build(&p[np], &m[nm])) {
			nm++;
			rc = cli_report_error();
			goto out;
		}
		pp[np] = &p[np];
		np++;
	}
	o->plans = pp;
	o->nplans = (size_t)np;
	if (cachedir_gc(NULL, o, &res))
		rc = cli_report_error();
	for (size_t i = 0; i < res.nremoved; i++) {
		printf("%s %s (%s, %s)\n", o->dry_run ? "would remove" : "removed",
		       untrusted_term(&sb, res.removed[i].path), res.removed[i].why, human(res.removed[i].bytes, buf));
		freed += res.removed[i].bytes;
	}
	if (rc == EC_EXIT_OK) {
		printf("%s %s in %zu dirs; kept %zu nodes, ", o->dry_run ? "would free" : "freed", human(freed, buf),
		       res.nremoved, res.kept_nodes);
		printf("%s with their cargo targets\n", human(res.kept_bytes, buf));
	}
	cachedir_gc_result_release(&res);
	strbuf_release(&sb);
out:
	for (int i = 0; i < np; i++)
		plan_release(&p[i]);
	for (int i = 0; i < nm; i++)
		matrix_release(&m[i]);
	free(pp);
	free(p);
	free(m);
	return rc;
}

int cmd_cache(int argc, char **argv)
{
	int do_gc = 0, dry_run = 0, json = 0, days = -1, runs = -1;
	long long max_size = -1;
	const struct option_spec opts[] = {
		OPT_FLAG(0, "gc", &do_gc),
		OPT_FLAG(0, "dry-run", &dry_run),
		OPT_FLAG(0, "json", &json),
		OPT_INT(0, "unused-days", &days, 0, 100000, "a number of days"),
		OPT_INT(0, "unused-runs", &runs, 1, 1000000, "a number of runs"),
		OPT_CALLBACK(0, "max-size", &max_size, read_size),
		OPT_END(),
	};
	struct cachedir_gc_opts o;
	struct cachedir_usage u;
	int first = options_parse(argc, argv, opts, OPTIONS_SAY_UNKNOWN);

	if (first < 0)
		return EC_EXIT_INPUT;
	if (do_gc ? json : (dry_run || days >= 0 || runs >= 0 || max_size >= 0 || first < argc)) {
		fprintf(stderr, "emcompat cache: use one of [--json], --gc [--dry-run] [--unused-days N] "
				"[--unused-runs N] [--max-size SIZE] [MATRIX...]\n");
		return EC_EXIT_INPUT;
	}
	if (do_gc) {
		memset(&o, 0, sizeof(o));
		o.dry_run = dry_run;
		o.unused_days = days;
		o.unused_runs = runs;
		o.max_size = max_size;
		o.now = (double)time(NULL);
		return gc(argv + first, argc - first, &o);
	}
	if (cachedir_usage(NULL, &u)) {
		cachedir_usage_release(&u);
		return cli_report_error();
	}
	if (json)
		show_json(&u);
	else
		show_text(&u);
	cachedir_usage_release(&u);
	return fflush(stdout) ? EC_EXIT_INTERNAL : EC_EXIT_OK;
}
