#include <stdlib.h>
#include <string.h>

#include "emcompat/summary_md.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

/* At most this many rows in a table; the rest are counted, report.html has them all. */
#define MAX_ROWS 50

/*
 * Trusted S (a class title of the signature table) fit for one cell of a
 * Markdown table: no newlines, no column breaks, at most MAX bytes. What a
 * run read or a child printed goes through untrusted_md_add instead.
 */
static void add_md_cell(struct strbuf *sb, const char *s, size_t max)
{
	size_t n = 0;

	for (; s && *s && n < max; s++, n++) {
		if (*s == '|')
			strbuf_addstr(sb, "\\|");
		else if (*s == '\n' || *s == '\r' || *s == '\t')
			strbuf_addch(sb, ' ');
		else
			strbuf_addch(sb, *s);
	}
	if (s && *s) {
		/* Cut inside a character: drop the part of it already added. */
		if (((unsigned char)*s & 0xC0) == 0x80) {
			while (sb->len && ((unsigned char)sb->buf[sb->len - 1] & 0xC0) == 0x80)
				sb->len--;
			if (sb->len)
				sb->len--;
			sb->buf[sb->len] = '\0';
		}
		strbuf_addstr(sb, "…");
	}
}

static void add_counts(struct strbuf *sb, const struct runfile *rf)
{
	int first = 1;

	for (int s = 0; s < CELL_STATUS_COUNT; s++) {
		if (!rf->counts[s])
			continue;
		strbuf_addf(sb, "%s%zu %s", first ? "" : ", ", rf->counts[s], cell_status_name(s));
		first = 0;
	}
}

static const char *status_mark(enum cell_status s)
{
	return runfile_status_ok(s) ? "✅" : s == CELL_FAIL || s == CELL_TIMEOUT ? "❌" : "⚠️";
}

static void add_baseline(struct strbuf *sb, const struct report_input *in)
{
	static const enum diff_kind shown[] = { DIFF_REGRESSED, DIFF_FIXED, DIFF_CHANGED, DIFF_NEW, DIFF_REMOVED };
	const struct diff *d = in->baseline;
	size_t rows = 0, listed = 0;

	strbuf_addstr(sb, in->baseline_night ? "\n### Changed since last night:" : "\n### Against the baseline");
	if (in->baseline_dir) {
		strbuf_addch(sb, ' ');
		untrusted_md_add(sb, in->baseline_dir, 200);
	}
	strbuf_addstr(sb, "\n\n");
	for (int k = 0; k < DIFF_KIND_COUNT; k++)
		strbuf_addf(sb, "%s%zu %s", k ? " · " : "", d->counts[k], diff_kind_name(k));
	strbuf_addf(sb, " · %zu flaky\n", d->flaky);
	for (size_t k = 0; k < sizeof(shown) / sizeof(shown[0]); k++)
		listed += d->counts[shown[k]];
	if (!listed)
		return;
	strbuf_addstr(sb, "\n| Change | Cell | Was | Now | Class | Stage |\n|---|---|---|---|---|---|\n");
	for (size_t k = 0; k < sizeof(shown) / sizeof(shown[0]); k++) {
		for (size_t i = 0; i < d->n; i++) {
			const struct diff_entry *e = &d->entries[i];

			if (e->kind != shown[k] || rows++ >= MAX_ROWS)
				continue;
			strbuf_addf(sb, "| %s%s | ", diff_kind_name(e->kind), e->flaky ? " (flaky)" : "");
			untrusted_md_code_add(sb, e->cur ? e->cur->id : e->base->id, 200);
			strbuf_addf(sb, " | %s | %s | ", e->base ? cell_status_name(e->base->status) : "—",
				    e->cur ? cell_status_name(e->cur->status) : "—");
			untrusted_md_add(sb, e->cur && e->cur->cls ? e->cur->cls : "", 80);
			strbuf_addstr(sb, " | ");
			untrusted_md_add(sb, e->cur && e->cur->stage ? e->cur->stage : "", 20);
			strbuf_addstr(sb, " |\n");
		}
	}
	if (rows > MAX_ROWS)
		strbuf_addf(sb, "\n%zu more changed cells: see report.html.\n", rows - MAX_ROWS);
}

struct still {
	const struct runfile_cell *c;
	const struct history_streak *sk;
};

/* The longest streak first. */
static int cmp_still(const void *a, const void *b)
{
	const struct still *x = a, *y = b;
	int d = strcmp(x->sk->since, y->sk->since);

	return d ? d : strcmp(x->c->id, y->c->id);
}

/* With a history: the cells that failed in its last run and fail now, since when. */
static void add_still_failing(struct strbuf *sb, const struct report_input *in)
{
	const struct runfile *rf = in->run;
	struct still *v = xcalloc(rf->ncells + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < rf->ncells; i++) {
		const struct runfile_cell *c = &rf->cells[i];
		const struct history_streak *sk;

		if (!runfile_status_ok(c->status) && (sk = history_nights_streak(in->nights, c->id)))
			v[n++] = (struct still){ c, sk };
	}
	if (n) {
		qsort(v, n, sizeof(*v), cmp_still);
		strbuf_addf(sb,
			    "\n### Still failing\n\n%zu cell%s failed in the last recorded run too"
			    " (runs counted with this one).\n\n| Cell | Since | Runs | Status | Class | Stage |\n"
			    "|---|---|---|---|---|---|\n",
			    n, n == 1 ? "" : "s");
	}
	for (size_t i = 0; i < n && i < MAX_ROWS; i++) {
		char day[16];

		strbuf_addstr(sb, "| ");
		untrusted_md_code_add(sb, v[i].c->id, 200);
		snprintf(day, sizeof(day), "%.10s", v[i].sk->since);
		strbuf_addstr(sb, " | ");
		untrusted_md_add(sb, day, 16);
		strbuf_addf(sb, " | %zu | %s | ", v[i].sk->runs + 1, cell_status_name(v[i].c->status));
		untrusted_md_add(sb, v[i].c->cls ? v[i].c->cls : "", 80);
		strbuf_addstr(sb, " | ");
		untrusted_md_add(sb, v[i].c->stage ? v[i].c->stage : "", 20);
		strbuf_addstr(sb, " |\n");
	}
	if (n > MAX_ROWS)
		strbuf_addf(sb, "\n%zu more still failing cells: see report.html.\n", n - MAX_ROWS);
	free(v);
}

/* The distinct classes of failed cells, in order of first appearance. */
static void add_classes(struct strbuf *sb, const struct report_input *in)
{
	const struct runfile *rf = in->run;
	const char **seen = xcalloc(rf->ncells + 1, sizeof(*seen));
	size_t nseen = 0;

	for (size_t i = 0; i < rf->ncells; i++) {
		const char *cls = rf->cells[i].cls;
		size_t j;

		if (!cls)
			continue;
		for (j = 0; j < nseen && strcmp(seen[j], cls) != 0; j++)
			;
		if (j == nseen)
			seen[nseen++] = cls;
	}
	if (nseen) {
		strbuf_addstr(sb, "\n### Failures by class\n\n| Class | Cells | Stage | What | Example cell |\n"
				  "|---|---|---|---|---|\n");
	}
	for (size_t j = 0; j < nseen && j < MAX_ROWS; j++) {
		const struct classify_class *cc = in->classes ? classify_find(in->classes, seen[j]) : NULL;
		const struct runfile_cell *example = NULL;
		size_t n = 0;

		for (size_t i = 0; i < rf->ncells; i++) {
			if (!rf->cells[i].cls || strcmp(rf->cells[i].cls, seen[j]) != 0)
				continue;
			if (!example)
				example = &rf->cells[i];
			n++;
		}
		strbuf_addstr(sb, "| ");
		untrusted_md_code_add(sb, seen[j], 80);
		strbuf_addf(sb, " | %zu | ", n);
		untrusted_md_add(sb, example->stage ? example->stage : "", 20);
		strbuf_addstr(sb, " | ");
		if (cc)
			add_md_cell(sb, cc->title, 160);
		else
			untrusted_md_add(sb, example->summary, 160);
		strbuf_addstr(sb, " | ");
		untrusted_md_code_add(sb, example->id, 200);
		strbuf_addstr(sb, " |\n");
	}
	free(seen);
}

/*
 * Distinct strings in order of first appearance, with a hash index: the
 * grid looks up every cell's values once, so 10,000 cells cost 10,000
 * look-ups, not cells x table entries.
 */
struct strset {
	const char **v;           /* borrowed */
	size_t n, cap;
	size_t *slot, nslots;     /* open addressing: index + 1, 0 empty */
};

static size_t str_hash(const char *s)
{
	size_t h = 14695981039346656037u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The index of S in SET, adding it when ADD; (size_t)-1 when absent and not added. */
static size_t strset_index(struct strset *set, const char *s, int add)
{
	size_t i;

	if (add && set->n * 2 >= set->nslots) {
		size_t *old = set->slot;

		set->nslots = set->nslots ? set->nslots * 2 : 64;
		set->slot = xcalloc(set->nslots, sizeof(*set->slot));
		for (size_t k = 0; k < set->n; k++) {
			for (i = str_hash(set->v[k]) & (set->nslots - 1); set->slot[i]; i = (i + 1) & (set->nslots - 1))
				;
			set->slot[i] = k + 1;
		}
		free(old);
	}
	if (!set->nslots)
		return (size_t)-1;
	for (i = str_hash(s) & (set->nslots - 1); set->slot[i]; i = (i + 1) & (set->nslots - 1))
		if (strcmp(set->v[set->slot[i] - 1], s) == 0)
			return set->slot[i] - 1;
	if (!add)
		return (size_t)-1;
	xgrow(&set->v, &set->cap, set->n + 1, sizeof(*set->v));
	set->v[set->n] = s;
	set->slot[i] = ++set->n;
	return set->n - 1;
}

static void strset_release(struct strset *set)
{
	free(set->v);
	free(set->slot);
}

/* The column label of cell C: its values of the column axes, joined. */
static char *column_of(const struct runfile_cell *c, const char *const *cols, size_t ncols)
{
	struct strbuf sb = { NULL, 0, 0 };

	for (size_t k = 0; k < ncols; k++) {
		const char *v = runfile_cell_axis(c, cols[k]);

		strbuf_addf(&sb, "%s%s", k ? " · " : "", v ? v : "—");
	}
	return strbuf_detach(&sb);
}

/* A cell's place in the grid: table (probe), row, column; then its position, so the first comes first. */
struct grid_pos {
	size_t p, r, c, cell;
};

static int cmp_grid_pos(const void *a, const void *b)
{
	const struct grid_pos *x = a, *y = b;

	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	if (x->c != y->c)
		return x->c < y->c ? -1 : 1;
	return (x->cell > y->cell) - (x->cell < y->cell);
}

/*
 * One table per probe: rows are Rust toolchains, columns emscripten x
 * loader; each entry counts the working cells over the remaining (flag)
 * axes and names the first failure's class. The cells are placed once
 * and sorted by place, and the tables read them in that order.
 */
static void add_grid(struct strbuf *sb, const struct runfile *rf)
{
	static const char *const col_axes[] = { "emscripten", "loader" };
	struct strset probes = { 0 }, rows = { 0 }, colv = { 0 };
	char **labels = NULL;
	struct grid_pos *pos = NULL;
	const char *cols[2], *row_axis = "rust";
	size_t ncols = 0, npos = 0, k = 0, ntables;

	if (!rf->ncells)
		return;
	for (size_t a = 0; a < 2; a++)
		if (runfile_cell_axis(&rf->cells[0], col_axes[a]))
			cols[ncols++] = col_axes[a];
	if (!runfile_cell_axis(&rf->cells[0], row_axis))
		row_axis = rf->cells[0].naxes ? rf->cells[0].axis_keys[0] : NULL;
	if (!row_axis || !ncols)
		return;
	labels = xcalloc(rf->ncells, sizeof(*labels));
	for (size_t i = 0; i < rf->ncells; i++) {
		const char *pv = runfile_cell_axis(&rf->cells[i], "probe");
		const char *rv = runfile_cell_axis(&rf->cells[i], row_axis);

		if (pv)
			strset_index(&probes, pv, 1);
		if (rv)
			strset_index(&rows, rv, 1);
		labels[i] = column_of(&rf->cells[i], cols, ncols);
		strset_index(&colv, labels[i], 1);
	}
	/* No probe axis: one table of every cell. A cell without the row axis counts in a row "" only. */
	ntables = probes.n ? probes.n : 1;
	pos = xcalloc(rf->ncells, sizeof(*pos));
	for (size_t i = 0; i < rf->ncells; i++) {
		const char *pv = runfile_cell_axis(&rf->cells[i], "probe");
		const char *rv = runfile_cell_axis(&rf->cells[i], row_axis);
		struct grid_pos g = { 0, 0, 0, i };

		if (probes.n && (!pv || (g.p = strset_index(&probes, pv, 0)) == (size_t)-1))
			continue;
		if ((g.r = strset_index(&rows, rv ? rv : "", 0)) == (size_t)-1)
			continue;
		g.c = strset_index(&colv, labels[i], 0);
		pos[npos++] = g;
	}
	qsort(pos, npos, sizeof(*pos), cmp_grid_pos);
	strbuf_addstr(sb,
		      "\n### Grid\n\nWorking cells of each entry (over the other axes); the first failure's class.\n");
	for (size_t p = 0; p < ntables; p++) {
		if (probes.n) {
			strbuf_addstr(sb, "\n**");
			untrusted_md_add(sb, probes.v[p], 80);
			strbuf_addstr(sb, "**\n");
		}
		strbuf_addstr(sb, "\n| ");
		untrusted_md_add(sb, row_axis, 80);
		strbuf_addstr(sb, " |");
		for (size_t j = 0; j < colv.n; j++) {
			strbuf_addch(sb, ' ');
			untrusted_md_add(sb, colv.v[j], 80);
			strbuf_addstr(sb, " |");
		}
		strbuf_addstr(sb, "\n|---|");
		for (size_t j = 0; j < colv.n; j++)
			strbuf_addstr(sb, "---|");
		strbuf_addch(sb, '\n');
		for (size_t r = 0; r < rows.n; r++) {
			strbuf_addstr(sb, "| ");
			untrusted_md_add(sb, rows.v[r], 40);
			strbuf_addstr(sb, " |");
			for (size_t j = 0; j < colv.n; j++) {
				const struct runfile_cell *worst = NULL;
				size_t ok = 0, n = 0;

				for (; k < npos && pos[k].p == p && pos[k].r == r && pos[k].c == j; k++) {
					const struct runfile_cell *c = &rf->cells[pos[k].cell];

					n++;
					if (runfile_status_ok(c->status))
						ok++;
					else if (!worst)
						worst = c;
				}
				if (!n)
					strbuf_addstr(sb, " |");
				else if (!worst)
					strbuf_addf(sb, " ✅ %zu/%zu |", ok, n);
				else {
					strbuf_addf(sb, " %s %zu/%zu ", status_mark(worst->status), ok, n);
					untrusted_md_add(sb, worst->cls ? worst->cls : cell_status_name(worst->status),
							 40);
					strbuf_addstr(sb, " |");
				}
			}
			strbuf_addch(sb, '\n');
		}
	}
	for (size_t i = 0; i < rf->ncells; i++)
		free(labels[i]);
	free(labels);
	free(pos);
	strset_release(&probes);
	strset_release(&rows);
	strset_release(&colv);
}

int summary_md_write(const char *path, const struct report_input *in)
{
	const struct runfile *rf = in->run;
	struct strbuf sb = { NULL, 0, 0 };
	int rc;

	strbuf_addstr(&sb, "## emcompat: ");
	untrusted_md_add(&sb, rf->name ? rf->name : rf->matrix, 120);
	strbuf_addf(&sb, " — %zu cells: ", rf->ncells);
	add_counts(&sb, rf);
	strbuf_addstr(&sb, "\n\nRun ");
	untrusted_md_code_add(&sb, rf->id, 64);
	strbuf_addstr(&sb, ", finished ");
	untrusted_md_add(&sb, rf->finished, 64);
	strbuf_addf(&sb, ", %.0f s wall, -j %d. Details: report.html, junit.xml, results.json.\n", rf->wall_seconds,
		    rf->jobs);
	if (in->baseline)
		add_baseline(&sb, in);
	if (in->nights)
		add_still_failing(&sb, in);
	add_classes(&sb, in);
	add_grid(&sb, rf);
	rc = write_file_atomic(path, sb.buf ? sb.buf : "", sb.len, 0644);
	strbuf_release(&sb);
	return rc;
}
