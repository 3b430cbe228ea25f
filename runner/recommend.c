#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
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

static int cmp_rank(const void *pa, const void *pb)
{
	const struct recommend_value *a = pa, *b = pb;

	if (a->pass != b->pass)
		return a->pass > b->pass ? -1 : 1;
	if (a->fail != b->fail)
		return a->fail < b->fail ? -1 : 1;
	return a->order > b->order ? -1 : a->order < b->order;
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
	return v->pass == v->cells;
}

/* "probe=panic, loader=emcc-main": the varying keys of cell C. */
static void add_where(const struct recommend *r, const struct runfile_cell *c, struct strbuf *sb)
{
	size_t start = sb->len;

	for (size_t k = 0; k < r->nkeys; k++) {
		const char *v = runfile_cell_axis(c, r->keys[k]);

		if (!r->common[k] && v)
			strbuf_addf(sb, "%s%s=%s", sb->len > start ? ", " : "", r->keys[k], v);
	}
}

/* Whether two cells that did not pass failed the same way: status, class and stage. */
static int same_failure(const struct runfile_cell *c, const struct runfile_cell *d)
{
	return !runfile_status_ok(d->status) && d->status == c->status &&
	       strcmp(d->cls ? d->cls : "", c->cls ? c->cls : "") == 0 &&
	       strcmp(d->stage ? d->stage : "", c->stage ? c->stage : "") == 0;
}

void recommend_explain(const struct recommend *r, const struct recommend_value *v, struct strbuf *sb)
{
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
				strbuf_addf(sb, "%s%s %s", sb->len > start ? "; " : " (", r->keys[k], strbuf_str(&vals));
			strbuf_release(&vals);
		}
		if (sb->len > start)
			strbuf_addch(sb, ')');
		return;
	}
	strbuf_addf(sb, "%zu of %zu pass", v->pass, v->cells);
	/* Failures grouped by class and stage, in the order first seen. */
	for (size_t i = 0; i < v->cells; i++) {
		const struct runfile_cell *c = v->cellv[i];
		int first = 1;

		if (runfile_status_ok(c->status))
			continue;
		for (size_t j = 0; j < i && first; j++)
			first = !same_failure(c, v->cellv[j]);
		if (!first)
			continue;
		strbuf_addf(sb, "; %s", c->status == CELL_FAIL || c->status == CELL_TIMEOUT ? "fails" : "untested");
		strbuf_addf(sb, ": %s", c->cls ? c->cls : cell_status_name(c->status));
		if (c->stage)
			strbuf_addf(sb, " at %s", c->stage);
		strbuf_addstr(sb, " (");
		for (size_t j = i, n = 0; j < v->cells; j++) {
			const struct runfile_cell *d = v->cellv[j];
			size_t before = sb->len;

			if (!same_failure(c, d))
				continue;
			if (n++)
				strbuf_addstr(sb, "; ");
			add_where(r, d, sb);
			if (sb->len == before)
				strbuf_addstr(sb, c->summary);
		}
		strbuf_addch(sb, ')');
	}
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
	for (size_t k = 0; k < r->nkeys; k++)
		if (r->common[k])
			cJSON_AddStringToObject(with, r->keys[k], r->common[k]);
	cJSON_AddItemToObject(o, "with", with);
	cJSON_AddStringToObject(o, "recommended", r->values[0].value);
	cJSON_AddBoolToObject(o, "all_pass", recommend_all_pass(&r->values[0]));
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
		cJSON_AddBoolToObject(e, "all_pass", recommend_all_pass(v));
		recommend_explain(r, v, &why);
		cJSON_AddStringToObject(e, "why", strbuf_str(&why));
		strbuf_release(&why);
		for (size_t c = 0; c < v->cells; c++) {
			const struct runfile_cell *cell = v->cellv[c];
			cJSON *f, *where;

			if (runfile_status_ok(cell->status))
				continue;
			f = cJSON_CreateObject();
			where = cJSON_CreateObject();
			cJSON_AddStringToObject(f, "cell", cell->id);
			cJSON_AddStringToObject(f, "status", cell_status_name(cell->status));
			if (cell->cls)
				cJSON_AddStringToObject(f, "class", cell->cls);
			if (cell->stage)
				cJSON_AddStringToObject(f, "stage", cell->stage);
			cJSON_AddStringToObject(f, "summary", cell->summary);
			for (size_t k = 0; k < r->nkeys; k++) {
				const char *val = runfile_cell_axis(cell, r->keys[k]);

				if (!r->common[k] && val)
					cJSON_AddStringToObject(where, r->keys[k], val);
			}
			cJSON_AddItemToObject(f, "where", where);
			cJSON_AddItemToArray(bad, f);
		}
		cJSON_AddItemToObject(e, "failures", bad);
		cJSON_AddItemToArray(values, e);
	}
	cJSON_AddItemToObject(o, "values", values);
	return o;
}

void recommend_release(struct recommend *r)
{
	for (size_t i = 0; i < r->nvalues; i++)
		free(r->values[i].cellv);
	free(r->values);
	free(r->keys);
	free(r->common);
	free(r->order_source);
	memset(r, 0, sizeof(*r));
}
