#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/plan.h"
#include "emcompat/recommend.h"

int recommend_version_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			size_t la, lb;
			int c;

			while (*a == '0' && isdigit((unsigned char)a[1]))
				a++;
			while (*b == '0' && isdigit((unsigned char)b[1]))
				b++;
			for (la = 0; isdigit((unsigned char)a[la]); la++)
				;
			for (lb = 0; isdigit((unsigned char)b[lb]); lb++)
				;
			if (la != lb)
				return la < lb ? -1 : 1;
			if ((c = strncmp(a, b, la)) != 0)
				return c;
			a += la;
			b += lb;
		} else {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			a++;
			b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
}

struct pick {
	const struct runfile_cell *c;
	const char *started;
	size_t run, pos;
};

static int cmp_pick_id(const void *pa, const void *pb)
{
	const struct pick *a = pa, *b = pb;
	int c = strcmp(a->c->id, b->c->id);

	if (c == 0)
		c = strcmp(a->started, b->started);
	if (c == 0)
		c = a->run < b->run ? -1 : a->run > b->run;
	return c;
}

static int cmp_pick_seq(const void *pa, const void *pb)
{
	const struct pick *a = pa, *b = pb;

	if (a->run != b->run)
		return a->run < b->run ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int all_pass(const struct recommend_value *v)
{
	return v->cells > 0 && v->pass == v->cells;
}

/* -1, 0 or 1 as A/B is less than, equal to or more than C/D (B, D > 0; 0/0 counts as 0). */
static int cmp_share(size_t a, size_t b, size_t c, size_t d)
{
	unsigned long long x = (unsigned long long)a * (d ? d : 1), y = (unsigned long long)c * (b ? b : 1);

	return x < y ? -1 : x > y;
}

/* The ranking of recommend.h but for the last rule, newer first. */
static int cmp_results(const struct recommend_value *a, const struct recommend_value *b)
{
	int ap = all_pass(a), bp = all_pass(b), c;

	if (ap != bp)
		return ap ? -1 : 1;
	if (ap) {
		if (a->settings != b->settings)
			return a->settings > b->settings ? -1 : 1;
	} else {
		if ((c = cmp_share(a->shared_pass, a->shared_cells, b->shared_pass, b->shared_cells)) != 0)
			return -c;
		if ((c = cmp_share(a->shared_fail, a->shared_cells, b->shared_fail, b->shared_cells)) != 0)
			return c;
		if ((c = cmp_share(a->pass, a->cells, b->pass, b->cells)) != 0)
			return -c;
	}
	return 0;
}

static int cmp_rank(const void *pa, const void *pb)
{
	const struct recommend_value *a = pa, *b = pb;
	int c = cmp_results(a, b);

	if (c)
		return c;
	return a->order > b->order ? -1 : a->order < b->order;
}

int recommend_ties(const struct recommend_value *a, const struct recommend_value *b)
{
	return cmp_results(a, b) == 0;
}

static int matches(const struct runfile_cell *c, const struct matrix_only *only, size_t nonly)
{
	for (size_t i = 0; i < nonly; i++) {
		int any = 0;

		for (size_t j = 0; j < nonly; j++)
			if (strcmp(only[j].key, only[i].key) == 0) {
				const char *v = runfile_cell_axis(c, only[j].key);

				any |= v && strcmp(v, only[j].value) == 0;
			}
		if (!any)
			return 0;
	}
	return 1;
}

/* Every key of the runs' cells but AXIS (first appearance order) and the value each has throughout, if one. */
static void find_keys(struct recommend *r, const struct pick *p, size_t n)
{
	size_t cap = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < p[i].c->naxes; k++) {
			const char *key = p[i].c->axis_keys[k];
			size_t j;

			if (strcmp(key, r->axis) == 0)
				continue;
			for (j = 0; j < r->nkeys && strcmp(r->keys[j], key) != 0; j++)
				;
			if (j < r->nkeys)
				continue;
			xgrow(&r->keys, &cap, r->nkeys + 1, sizeof(*r->keys));
			r->keys[r->nkeys++] = key;
		}
	r->common = xcalloc(r->nkeys + 1, sizeof(*r->common));
	for (size_t k = 0; k < r->nkeys; k++) {
		const char *one = runfile_cell_axis(p[0].c, r->keys[k]);

		for (size_t i = 1; i < n && one; i++) {
			const char *v = runfile_cell_axis(p[i].c, r->keys[k]);

			if (!v || strcmp(v, one) != 0)
				one = NULL;
		}
		r->common[k] = one;
	}
}

/*
 * The axis order from a matrix a run recorded (the last run first), when
 * that matrix lists every value in R; 0 with *ORDER set, else -1.
 */
static int matrix_order(struct recommend *r, const struct runfile *runs, size_t n, char ***order, size_t *norder)
{
	for (size_t i = n; i-- > 0;) {
		const char *path = runs[i].matrix;
		struct matrix m;
		int k, all = 1;

		if (!path || matrix_load(&m, strcmp(path, "<default>") == 0 ? NULL : path)) {
			error_clear();
			continue;
		}
		k = matrix_key_index(&m, r->axis);
		for (size_t v = 0; v < r->nvalues && all; v++) {
			all = 0;
			for (size_t j = 0; k >= 0 && (size_t)k < m.naxes && j < m.naxis_values[k] && !all; j++)
				all = strcmp(m.axis_values[k][j], r->values[v].value) == 0;
		}
		if (all) {
			*norder = m.naxis_values[k];
			*order = xcalloc(*norder, sizeof(**order));
			for (size_t j = 0; j < *norder; j++)
				(*order)[j] = xstrdup(m.axis_values[k][j]);
			r->order_source = xstrdup(m.path);
		}
		matrix_release(&m);
		if (all)
			return 0;
	}
	return -1;
}

static int cmp_value_version(const void *pa, const void *pb)
{
	return recommend_version_cmp(((const struct recommend_value *)pa)->value,
				     ((const struct recommend_value *)pb)->value);
}

/* Each value's position in ORDER; values it lacks follow, in version order. */
static void place_values(struct recommend *r, const char *const *order, size_t norder)
{
	size_t extra = norder;

	qsort(r->values, r->nvalues, sizeof(*r->values), cmp_value_version);
	for (size_t v = 0; v < r->nvalues; v++) {
		size_t j;

		for (j = 0; j < norder && strcmp(order[j], r->values[v].value) != 0; j++)
			;
		r->values[v].order = j < norder ? j : extra++;
	}
}

/* A cell's setting: its value of every key but the axis, a missing flag axis read as its default. */
static char *setting_of(const struct recommend *r, const struct runfile_cell *c)
{
	struct strbuf sb = { 0 };

	for (size_t k = 0; k < r->nkeys; k++) {
		const char *v = runfile_cell_axis(c, r->keys[k]);

		if (!v)
			v = plan_axis_default(r->keys[k]);
		/* \x1f separates; \x1e marks a key the cell lacks (never a value's byte in a matrix). */
		strbuf_addstr(&sb, v ? v : "\x1e");
		strbuf_addch(&sb, '\x1f');
	}
	return strbuf_detach(&sb);
}

struct setting_ref {
	char *setting;
	size_t value, cell;
};

static int cmp_setting(const void *pa, const void *pb)
{
	const struct setting_ref *a = pa, *b = pb;
	int c = strcmp(a->setting, b->setting);

	if (c == 0)
		c = a->value < b->value ? -1 : a->value > b->value;
	return c;
}

static int tested(enum cell_status s)
{
	return runfile_status_ok(s) || s == CELL_FAIL || s == CELL_TIMEOUT;
}

/* Counts the settings, the shared ones, and each value's cells on them (recommend.h). */
static void find_settings(struct recommend *r)
{
	struct setting_ref *refs = xcalloc(r->ncells + 1, sizeof(*refs));
	size_t n = 0;

	for (size_t v = 0; v < r->nvalues; v++) {
		r->values[v].shared = xcalloc(r->values[v].cells + 1, 1);
		for (size_t c = 0; c < r->values[v].cells; c++) {
			refs[n].setting = setting_of(r, r->values[v].cellv[c]);
			refs[n].value = v;
			refs[n++].cell = c;
		}
	}
	qsort(refs, n, sizeof(*refs), cmp_setting);
	for (size_t i = 0, j; i < n; i = j) {
		size_t values = 0;

		for (j = i; j < n && strcmp(refs[j].setting, refs[i].setting) == 0; j++)
			;
		/* refs[i..j) share one setting, sorted by value: one run per value. */
		for (size_t k = i, e; k < j; k = e, values++) {
			struct recommend_value *v = &r->values[refs[k].value];
			int t = 0;

			for (e = k; e < j && refs[e].value == refs[k].value; e++)
				t |= tested(v->cellv[refs[e].cell]->status);
			v->settings += t;
		}
		r->nsettings++;
		if (values < r->nvalues)
			continue;
		r->nshared++;
		for (size_t k = i; k < j; k++) {
			struct recommend_value *v = &r->values[refs[k].value];
			const struct runfile_cell *c = v->cellv[refs[k].cell];

			v->shared[refs[k].cell] = 1;
			v->shared_cells++;
			v->shared_pass += runfile_status_ok(c->status);
			v->shared_fail += c->status == CELL_FAIL || c->status == CELL_TIMEOUT;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(refs[i].setting);
	free(refs);
}

int recommend_rank(struct recommend *r, const struct runfile *runs, size_t n, const char *axis,
		   const struct matrix_only *only, size_t nonly, const char *const *order, size_t norder)
{
	struct pick *p = NULL;
	size_t np = 0, cap = 0, kept = 0;

	memset(r, 0, sizeof(*r));
	r->axis = axis;
	for (size_t i = 0; i < nonly; i++) {
		int known = 0;

		for (size_t k = 0; k < n && !known; k++)
			for (size_t c = 0; c < runs[k].ncells && !known; c++)
				known = runfile_cell_axis(&runs[k].cells[c], only[i].key) != NULL;
		if (!known)
			return error(EC_EXIT_INPUT, "--only %s=%s: no cell of the runs has a key \"%s\"", only[i].key,
				     only[i].value, only[i].key);
	}
	for (size_t k = 0; k < n; k++)
		for (size_t c = 0; c < runs[k].ncells; c++) {
			const struct runfile_cell *cell = &runs[k].cells[c];

			if (!runfile_cell_axis(cell, axis) || !matches(cell, only, nonly))
				continue;
			xgrow(&p, &cap, np + 1, sizeof(*p));
			p[np].c = cell;
			p[np].started = runs[k].started ? runs[k].started : "";
			p[np].run = k;
			p[np++].pos = c;
		}
	if (np == 0)
		return error(EC_EXIT_INPUT, "no cell of the runs has the axis \"%s\"%s", axis,
			     nonly ? " and matches the --only constraints" : "");
	/* One cell per id: the newest run's. */
	qsort(p, np, sizeof(*p), cmp_pick_id);
	for (size_t i = 0; i < np; i++)
		if (i + 1 == np || strcmp(p[i].c->id, p[i + 1].c->id) != 0)
			p[kept++] = p[i];
	qsort(p, kept, sizeof(*p), cmp_pick_seq);
	r->ncells = kept;
	find_keys(r, p, kept);

	cap = 0;
	for (size_t i = 0; i < kept; i++) {
		const char *value = runfile_cell_axis(p[i].c, axis);
		struct recommend_value *v = NULL;

		for (size_t j = 0; j < r->nvalues && !v; j++)
			if (strcmp(r->values[j].value, value) == 0)
				v = &r->values[j];
		if (!v) {
			xgrow(&r->values, &cap, r->nvalues + 1, sizeof(*r->values));
			v = &r->values[r->nvalues++];
			memset(v, 0, sizeof(*v));
			v->value = value;
			v->cellv = xcalloc(kept, sizeof(*v->cellv));
		}
		v->cellv[v->cells++] = p[i].c;
		if (runfile_status_ok(p[i].c->status))
			v->pass++;
		else if (p[i].c->status == CELL_FAIL || p[i].c->status == CELL_TIMEOUT)
			v->fail++;
		else
			v->untested++;
	}
	free(p);
	find_settings(r);
	if (order) {
		place_values(r, order, norder);
	} else {
		char **found = NULL;
		size_t nfound = 0;

		matrix_order(r, runs, n, &found, &nfound);
		place_values(r, (const char *const *)found, nfound);
		for (size_t j = 0; j < nfound; j++)
			free(found[j]);
		free(found);
	}
	qsort(r->values, r->nvalues, sizeof(*r->values), cmp_rank);
	return 0;
}

int recommend_all_pass(const struct recommend_value *v)
{
	return all_pass(v);
}

/* The value of varying key K that the N cells all have, or NULL (K is common to all cells, or they differ). */
static const char *agreed_value(const struct recommend *r, const struct runfile_cell *const *cells, size_t n, size_t k)
{
	const char *v = n && !r->common[k] ? runfile_cell_axis(cells[0], r->keys[k]) : NULL;

	for (size_t i = 1; i < n && v; i++) {
		const char *o = runfile_cell_axis(cells[i], r->keys[k]);

		if (!o || strcmp(o, v) != 0)
			v = NULL;
	}
	return v;
}

/*
 * "probe=panic, loader=emcc-main": the varying keys on which the N cells
 * all agree (for one cell, all its varying keys); a flag axis at its
 * default (opt=O0) is what a cell without that flag is, so it is left out.
 */
static void add_where(const struct recommend *r, const struct runfile_cell *const *cells, size_t n, struct strbuf *sb)
{
	size_t start = sb->len;

	for (size_t k = 0; k < r->nkeys; k++) {
		const char *v = agreed_value(r, cells, n, k), *dflt = plan_axis_default(r->keys[k]);

		if (v && !(dflt && strcmp(v, dflt) == 0))
			strbuf_addf(sb, "%s%s=%s", sb->len > start ? ", " : "", r->keys[k], v);
	}
}

/* {"key": value} for the varying keys the N cells agree on. */
static cJSON *where_json(const struct recommend *r, const struct runfile_cell *const *cells, size_t n)
{
	cJSON *where = cJSON_CreateObject();

	for (size_t k = 0; k < r->nkeys; k++) {
		const char *v = agreed_value(r, cells, n, k);

		if (v)
			cJSON_AddStringToObject(where, r->keys[k], v);
	}
	return where;
}

/* Whether two cells that did not pass failed the same way: status, class and stage. */
static int same_failure(const struct runfile_cell *c, const struct runfile_cell *d)
{
	return !runfile_status_ok(d->status) && d->status == c->status &&
	       strcmp(d->cls ? d->cls : "", c->cls ? c->cls : "") == 0 &&
	       strcmp(d->stage ? d->stage : "", c->stage ? c->stage : "") == 0;
}

/* V's cells that did not pass, grouped by same_failure: the largest groups first, then first seen. */
struct failure_group {
	const struct runfile_cell **cells;   /* owned array */
	size_t n;
};

static int cmp_group(const void *pa, const void *pb)
{
	const struct failure_group *a = pa, *b = pb;

	return a->n != b->n ? (a->n > b->n ? -1 : 1) : 0;
}

static size_t group_failures(const struct recommend_value *v, struct failure_group **out)
{
	struct failure_group *g = NULL;
	size_t ng = 0, cap = 0;

	for (size_t i = 0; i < v->cells; i++) {
		const struct runfile_cell *c = v->cellv[i];
		size_t j;

		if (runfile_status_ok(c->status))
			continue;
		for (j = 0; j < ng && !same_failure(g[j].cells[0], c); j++)
			;
		if (j == ng) {
			xgrow(&g, &cap, ng + 1, sizeof(*g));
			g[ng].cells = xcalloc(v->cells, sizeof(*g[ng].cells));
			g[ng++].n = 0;
		}
		g[j].cells[g[j].n++] = c;
	}
	/* Groups were made in first-seen order; a stable sort by size keeps it among equals. */
	for (size_t i = 1; i < ng; i++)
		for (size_t j = i; j > 0 && cmp_group(&g[j - 1], &g[j]) > 0; j--) {
			struct failure_group t = g[j];

			g[j] = g[j - 1];
			g[j - 1] = t;
		}
	*out = g;
	return ng;
}

static void free_groups(struct failure_group *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g[i].cells);
	free(g);
}

/* The failure groups shown in a line; the rest are counted. */
#define SHOWN_GROUPS 3

void recommend_explain(const struct recommend *r, const struct recommend_value *v, struct strbuf *sb)
{
	struct failure_group *g;
	size_t ng;

	if (recommend_all_pass(v)) {
		size_t start;

		strbuf_addf(sb, v->cells == 1 ? "its cell passes" : "all %zu cells pass", v->cells);
		start = sb->len;
		/* Which cells those are: the values of each varying key. */
		for (size_t k = 0; k < r->nkeys; k++) {
			struct strbuf vals = { 0 };

			for (size_t i = 0; i < v->cells && !r->common[k]; i++) {
				const char *val = runfile_cell_axis(v->cellv[i], r->keys[k]);
				int seen = 0;

				for (size_t j = 0; j < i && val && !seen; j++) {
					const char *o = runfile_cell_axis(v->cellv[j], r->keys[k]);

					seen = o && strcmp(o, val) == 0;
				}
				if (val && !seen)
					strbuf_addf(&vals, "%s%s", vals.len ? ", " : "", val);
			}
			if (vals.len)
				strbuf_addf(sb, "%s%s %s", sb->len > start ? "; " : " (", r->keys[k],
					    strbuf_str(&vals));
			strbuf_release(&vals);
		}
		if (sb->len > start)
			strbuf_addch(sb, ')');
		return;
	}
	if (r->nshared && r->nshared < r->nsettings)
		strbuf_addf(sb, "%zu of %zu pass on the shared settings, %zu of %zu in all", v->shared_pass,
			    v->shared_cells, v->pass, v->cells);
	else
		strbuf_addf(sb, "%zu of %zu pass", v->pass, v->cells);
	ng = group_failures(v, &g);
	for (size_t i = 0; i < ng && i < SHOWN_GROUPS; i++) {
		const struct runfile_cell *c = g[i].cells[0];
		struct strbuf where = { 0 };

		strbuf_addf(sb, "; %s", c->status == CELL_FAIL || c->status == CELL_TIMEOUT ? "fails" : "untested");
		strbuf_addf(sb, ": %s", c->cls ? c->cls : cell_status_name(c->status));
		if (c->stage)
			strbuf_addf(sb, " at %s", c->stage);
		add_where(r, g[i].cells, g[i].n, &where);
		if (!where.len && g[i].n == 1)
			strbuf_addstr(&where, c->summary);
		if (g[i].n > 1)
			strbuf_addf(sb, " (%zu cells%s%s)", g[i].n, where.len ? ": " : "", strbuf_str(&where));
		else
			strbuf_addf(sb, " (%s)", strbuf_str(&where));
		strbuf_release(&where);
	}
	if (ng > SHOWN_GROUPS)
		strbuf_addf(sb, "; +%zu more kinds of failure", ng - SHOWN_GROUPS);
	free_groups(g, ng);
}

void recommend_coverage(const struct recommend *r, const struct recommend_value *v, struct strbuf *sb)
{
	if (v->settings < r->nsettings)
		strbuf_addf(sb, "; tested on %zu of %zu settings", v->settings, r->nsettings);
}

int recommend_alternative(const struct recommend *r, struct strbuf *sb)
{
	const struct recommend_value *b = &r->values[0], *alt = NULL;
	const struct runfile_cell **bad;
	char **bad_setting;
	size_t nbad = 0, best = 0;

	if (recommend_all_pass(b))
		return 0;
	bad = xcalloc(b->cells, sizeof(*bad));
	bad_setting = xcalloc(b->cells, sizeof(*bad_setting));
	for (size_t i = 0; i < b->cells; i++)
		if (!runfile_status_ok(b->cellv[i]->status)) {
			bad[nbad] = b->cellv[i];
			bad_setting[nbad++] = setting_of(r, b->cellv[i]);
		}
	/* The value that passes the most of those settings; ties go to the better ranked. */
	for (size_t w = 1; w < r->nvalues; w++) {
		const struct recommend_value *v = &r->values[w];
		size_t passes = 0;

		for (size_t i = 0; i < nbad; i++) {
			int ok = 0;

			for (size_t c = 0; c < v->cells && !ok; c++)
				if (runfile_status_ok(v->cellv[c]->status)) {
					char *s = setting_of(r, v->cellv[c]);

					ok = strcmp(s, bad_setting[i]) == 0;
					free(s);
				}
			passes += ok;
		}
		if (passes > best) {
			best = passes;
			alt = v;
		}
	}
	strbuf_addf(sb, "%s=%s fails ", r->axis, b->value);
	{
		size_t before = sb->len;

		add_where(r, bad, nbad, sb);
		if (sb->len == before)
			strbuf_addf(sb, "%zu cell%s", nbad, nbad == 1 ? "" : "s");
		else
			strbuf_addf(sb, " (%zu cell%s)", nbad, nbad == 1 ? "" : "s");
	}
	if (!alt)
		strbuf_addstr(sb, "; no other value passes those settings");
	else if (best == nbad)
		strbuf_addf(sb, "; %s passes %s", alt->value, nbad == 1 ? "it" : "them");
	else
		strbuf_addf(sb, "; %s passes %zu of them", alt->value, best);
	for (size_t i = 0; i < nbad; i++)
		free(bad_setting[i]);
	free(bad_setting);
	free(bad);
	return 1;
}

void recommend_list_cells(const struct recommend_value *v, struct strbuf *sb)
{
	for (size_t i = 0; i < v->cells; i++) {
		const struct runfile_cell *c = v->cellv[i];

		strbuf_addf(sb, "    %s: %s", c->id, cell_status_name(c->status));
		if (!runfile_status_ok(c->status))
			strbuf_addf(sb, ": %s%s%s", c->cls ? c->cls : c->summary, c->stage ? " at " : "",
				    c->stage ? c->stage : "");
		strbuf_addch(sb, '\n');
	}
}

/* [{"status","class","stage","cells","where"}]: V's failures grouped as in recommend_explain, all of them. */
static cJSON *groups_json(const struct recommend *r, const struct recommend_value *v)
{
	cJSON *a = cJSON_CreateArray();
	struct failure_group *g;
	size_t ng = group_failures(v, &g);

	for (size_t i = 0; i < ng; i++) {
		const struct runfile_cell *c = g[i].cells[0];
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "status", cell_status_name(c->status));
		if (c->cls)
			cJSON_AddStringToObject(e, "class", c->cls);
		if (c->stage)
			cJSON_AddStringToObject(e, "stage", c->stage);
		cJSON_AddNumberToObject(e, "cells", (double)g[i].n);
		cJSON_AddItemToObject(e, "where", where_json(r, g[i].cells, g[i].n));
		cJSON_AddItemToArray(a, e);
	}
	free_groups(g, ng);
	return a;
}

cJSON *recommend_json(const struct recommend *r)
{
	cJSON *o = cJSON_CreateObject(), *with = cJSON_CreateObject(), *values = cJSON_CreateArray();

	cJSON_AddStringToObject(o, "axis", r->axis);
	cJSON_AddStringToObject(o, "order", r->order_source ? "matrix" : "version");
	if (r->order_source)
		cJSON_AddStringToObject(o, "matrix", r->order_source);
	else
		cJSON_AddNullToObject(o, "matrix");
	cJSON_AddNumberToObject(o, "cells", (double)r->ncells);
	cJSON_AddNumberToObject(o, "settings", (double)r->nsettings);
	cJSON_AddNumberToObject(o, "shared_settings", (double)r->nshared);
	for (size_t k = 0; k < r->nkeys; k++)
		if (r->common[k])
			cJSON_AddStringToObject(with, r->keys[k], r->common[k]);
	cJSON_AddItemToObject(o, "with", with);
	cJSON_AddStringToObject(o, "recommended", r->values[0].value);
	cJSON_AddBoolToObject(o, "all_pass", recommend_all_pass(&r->values[0]));
	{
		struct strbuf alt = { 0 };

		if (recommend_alternative(r, &alt))
			cJSON_AddStringToObject(o, "alternative", strbuf_str(&alt));
		else
			cJSON_AddNullToObject(o, "alternative");
		strbuf_release(&alt);
	}
	for (size_t i = 0; i < r->nvalues; i++) {
		const struct recommend_value *v = &r->values[i];
		cJSON *e = cJSON_CreateObject(), *bad = cJSON_CreateArray();
		struct strbuf why = { 0 };

		cJSON_AddStringToObject(e, "value", v->value);
		cJSON_AddNumberToObject(e, "rank", (double)(i + 1));
		cJSON_AddNumberToObject(e, "cells", (double)v->cells);
		cJSON_AddNumberToObject(e, "pass", (double)v->pass);
		cJSON_AddNumberToObject(e, "fail", (double)v->fail);
		cJSON_AddNumberToObject(e, "untested", (double)v->untested);
		cJSON_AddNumberToObject(e, "shared_cells", (double)v->shared_cells);
		cJSON_AddNumberToObject(e, "shared_pass", (double)v->shared_pass);
		cJSON_AddNumberToObject(e, "shared_fail", (double)v->shared_fail);
		cJSON_AddNumberToObject(e, "settings", (double)v->settings);
		cJSON_AddBoolToObject(e, "all_pass", recommend_all_pass(v));
		recommend_explain(r, v, &why);
		cJSON_AddStringToObject(e, "why", strbuf_str(&why));
		strbuf_release(&why);
		for (size_t c = 0; c < v->cells; c++) {
			const struct runfile_cell *cell = v->cellv[c];
			cJSON *f;

			if (runfile_status_ok(cell->status))
				continue;
			f = cJSON_CreateObject();
			cJSON_AddStringToObject(f, "cell", cell->id);
			cJSON_AddStringToObject(f, "status", cell_status_name(cell->status));
			if (cell->cls)
				cJSON_AddStringToObject(f, "class", cell->cls);
			if (cell->stage)
				cJSON_AddStringToObject(f, "stage", cell->stage);
			cJSON_AddStringToObject(f, "summary", cell->summary);
			cJSON_AddItemToObject(f, "where", where_json(r, &cell, 1));
			cJSON_AddItemToArray(bad, f);
		}
		cJSON_AddItemToObject(e, "failures", bad);
		cJSON_AddItemToObject(e, "groups", groups_json(r, v));
		cJSON_AddItemToArray(values, e);
	}
	cJSON_AddItemToObject(o, "values", values);
	return o;
}

void recommend_release(struct recommend *r)
{
	for (size_t i = 0; i < r->nvalues; i++) {
		free(r->values[i].cellv);
		free(r->values[i].shared);
	}
	free(r->values);
	free(r->keys);
	free(r->common);
	free(r->order_source);
	memset(r, 0, sizeof(*r));
}
