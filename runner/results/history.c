#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "emcompat/error.h"
#include "emcompat/history.h"
#include "emcompat/journal.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"

#define APPLICATION "emcompat-history"
#define APPLICATION_ID 0x656d6370

static const char schema_v1[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE runs(id INTEGER PRIMARY KEY, run_id TEXT NOT NULL UNIQUE, matrix_key TEXT NOT NULL,"
	" matrix TEXT, name TEXT, matrix_digest TEXT, started TEXT NOT NULL, finished TEXT,"
	" wall_seconds REAL, cells INTEGER NOT NULL, recorded TEXT NOT NULL);"
	"CREATE INDEX runs_by_matrix ON runs(matrix_key, started);"
	"CREATE TABLE toolchains(run INTEGER NOT NULL REFERENCES runs(id), kind TEXT NOT NULL,"
	" version TEXT NOT NULL, identity TEXT, entry TEXT NOT NULL, PRIMARY KEY(run, kind, version)) WITHOUT ROWID;"
	"CREATE TABLE cell_ids(id INTEGER PRIMARY KEY, cell TEXT NOT NULL UNIQUE);"
	"CREATE TABLE texts(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
	"CREATE TABLE cells(cell INTEGER NOT NULL, run INTEGER NOT NULL, status TEXT NOT NULL, class TEXT,"
	" stage TEXT, summary INTEGER, PRIMARY KEY(cell, run)) WITHOUT ROWID;"
	"INSERT INTO meta VALUES('application', '" APPLICATION "'), ('schema', '1');"
	"PRAGMA application_id = 1701667696;"
	"PRAGMA user_version = 1;";

/* Reports what SQLite says about H's file: corruption is bad input, a lock held too long is busy. */
static int db_error(struct history *h, const char *what)
{
	int rc = sqlite3_extended_errcode(h->db) & 0xff;

	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return error(EC_EXIT_BUSY, "%s: %s: another emcompat is writing it (waited %s s)", h->path, what,
			     getenv("EMCOMPAT_HISTORY_WAIT") ? getenv("EMCOMPAT_HISTORY_WAIT") : "60");
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return error(EC_EXIT_INPUT, "%s: not a usable emcompat history: %s", h->path, sqlite3_errmsg(h->db));
	return error(EC_EXIT_INTERNAL, "%s: %s: %s", h->path, what, sqlite3_errmsg(h->db));
}

static int exec(struct history *h, const char *sql, const char *what)
{
	return sqlite3_exec(h->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : db_error(h, what);
}

static sqlite3_stmt *prepare(struct history *h, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(h, "reading");
		return NULL;
	}
	return st;
}

/* The first integer SQL gives, or -1 with error(). */
static long long query_int(struct history *h, const char *sql)
{
	sqlite3_stmt *st = prepare(h, sql);
	long long v = -1;

	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		db_error(h, "reading");
	sqlite3_finalize(st);
	return v;
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? xstrdup((const char *)s) : NULL;
}

/*
 * When a file does not look like a history: whether SQLite finds it
 * corrupt, which is said apart from another application's database. Only
 * then, since checking reads the whole file.
 */
static int corrupt(struct history *h)
{
	sqlite3_stmt *st = NULL;
	int bad = 1;

	if (sqlite3_prepare_v2(h->db, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		bad = strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0;
	sqlite3_finalize(st);
	if (bad)
		error(EC_EXIT_INPUT,
		      "%s: not a usable emcompat history: SQLite finds it corrupt: refused, left as it is", h->path);
	return bad;
}

/* Checks that H is a history this emcompat reads: its meta, then its schema version. */
static int check_schema(struct history *h)
{
	sqlite3_stmt *st;
	long long version;
	int ours = 0;

	if (query_int(h, "SELECT count(*) FROM sqlite_master") < 0)
		return -1;
	if (query_int(h, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") != 1)
		return corrupt(h) ? -1
				  : error(EC_EXIT_INPUT,
					  "%s: an SQLite database of another application, not an emcompat history "
					  "(no meta table): refused, left as it is",
					  h->path);
	if (!(st = prepare(h, "SELECT value FROM meta WHERE key = 'application'")))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		ours = strcmp((const char *)sqlite3_column_text(st, 0), APPLICATION) == 0;
	sqlite3_finalize(st);
	if (!ours)
		return corrupt(h) ? -1
				  : error(EC_EXIT_INPUT,
					  "%s: an SQLite database of another application, not an emcompat history "
					  "(meta names no \"" APPLICATION "\"): refused, left as it is",
					  h->path);
	if ((version = query_int(h, "PRAGMA user_version")) < 0)
		return -1;
	if (version > HISTORY_SCHEMA)
		return error(EC_EXIT_INPUT,
			     "%s: history schema %lld is newer than this emcompat's (%d): use a newer emcompat",
			     h->path, version, HISTORY_SCHEMA);
	if (version < HISTORY_SCHEMA)
		return error(EC_EXIT_INPUT, "%s: history schema %lld is older than %d and has no migration", h->path,
			     version, HISTORY_SCHEMA);
	return 0;
}

/* Creates the schema in an empty database, unless another process did it first. */
static int create_schema(struct history *h)
{
	long long n;

	if (exec(h, "BEGIN IMMEDIATE", "creating"))
		return -1;
	if ((n = query_int(h, "SELECT count(*) FROM sqlite_master")) < 0 ||
	    (n == 0 && exec(h, schema_v1, "creating")) || exec(h, "COMMIT", "creating")) {
		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int history_open(struct history *h, const char *path)
{
	char head[16];
	struct stat sb;
	int fresh = 0, flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW;
	const char *wait = getenv("EMCOMPAT_HISTORY_WAIT");

	memset(h, 0, sizeof(*h));
	if (lstat(path, &sb) != 0) {
		if (errno != ENOENT)
			return error(EC_EXIT_INPUT, "%s: %s", path, strerror(errno));
		fresh = 1;
	} else if (!S_ISREG(sb.st_mode)) {
		/* A link is not followed where emcompat writes (README, "Security"). */
		return error(EC_EXIT_INPUT, "%s: not a regular file (a link?): refused", path);
	} else if (sb.st_size == 0) {
		fresh = 1;
	} else {
		/* Read before SQLite opens it: a foreign file must not be touched at all. */
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd < 0 ? -1 : read(fd, head, sizeof(head));

		if (fd >= 0)
			close(fd);
		if (n < 0)
			return error(EC_EXIT_INPUT, "%s: %s", path, strerror(errno));
		if (n != (ssize_t)sizeof(head) || memcmp(head, "SQLite format 3", 16) != 0)
			return error(EC_EXIT_INPUT,
				     "%s: not an emcompat history (not an SQLite database): refused, "
				     "left as it is",
				     path);
	}
	if (fresh)
		flags |= SQLITE_OPEN_CREATE;
	h->path = xstrdup(path);
	if (sqlite3_open_v2(path, &h->db, flags, NULL) != SQLITE_OK) {
		db_error(h, "opening");
		history_close(h);
		return -1;
	}
	sqlite3_busy_timeout(h->db, (wait ? atoi(wait) : 60) * 1000);
	sqlite3_extended_result_codes(h->db, 1);
	if (exec(h, "PRAGMA synchronous = FULL", "opening") ||
	    (fresh && query_int(h, "SELECT count(*) FROM sqlite_master") == 0 && create_schema(h)) || check_schema(h)) {
		history_close(h);
		return -1;
	}
	return 0;
}

void history_close(struct history *h)
{
	if (h->db)
		sqlite3_close(h->db);
	free(h->path);
	memset(h, 0, sizeof(*h));
}

static int bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

/* The id of TEXT as FIND finds it (in cell_ids or texts), added by ADD when new; -1 with error(). */
static long long intern(struct history *h, sqlite3_stmt *find, sqlite3_stmt *add, const char *text)
{
	long long id = -1;

	sqlite3_reset(find);
	bind_text(find, 1, text);
	if (sqlite3_step(find) == SQLITE_ROW)
		return sqlite3_column_int64(find, 0);
	sqlite3_reset(add);
	bind_text(add, 1, text);
	if (sqlite3_step(add) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(h->db);
	else
		db_error(h, "writing");
	return id;
}

static int add_toolchains(struct history *h, const struct runfile *rf, long long run)
{
	sqlite3_stmt *st = prepare(h, "INSERT INTO toolchains VALUES(?, ?, ?, ?, ?)");
	const cJSON *kind, *ver;
	int rc = 0;

	if (!st)
		return -1;
	cJSON_ArrayForEach (kind, rf->toolchains) {
		cJSON_ArrayForEach (ver, kind) {
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(ver, "identity");
			char *entry = cJSON_PrintUnformatted(ver);

			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, run);
			bind_text(st, 2, kind->string);
			bind_text(st, 3, ver->string);
			bind_text(st, 4, cJSON_IsString(id) ? id->valuestring : NULL);
			bind_text(st, 5, entry ? entry : "{}");
			free(entry);
			if (sqlite3_step(st) != SQLITE_DONE) {
				rc = db_error(h, "writing");
				break;
			}
		}
		if (rc)
			break;
	}
	sqlite3_finalize(st);
	return rc;
}

static int add_cells(struct history *h, const struct runfile *rf, long long run)
{
	sqlite3_stmt *find_cell = prepare(h, "SELECT id FROM cell_ids WHERE cell = ?");
	sqlite3_stmt *add_cell = prepare(h, "INSERT INTO cell_ids(cell) VALUES(?)");
	sqlite3_stmt *find_text = prepare(h, "SELECT id FROM texts WHERE text = ?");
	sqlite3_stmt *add_text = prepare(h, "INSERT INTO texts(text) VALUES(?)");
	sqlite3_stmt *add = prepare(h, "INSERT INTO cells VALUES(?, ?, ?, ?, ?, ?)");
	int rc = find_cell && add_cell && find_text && add_text && add ? 0 : -1;

	for (size_t i = 0; !rc && i < rf->ncells; i++) {
		const struct runfile_cell *c = &rf->cells[i];
		long long cell = intern(h, find_cell, add_cell, c->id), summary = 0;

		/* A passing cell's summary says nothing ("passed"): not stored. */
		if (cell < 0 ||
		    (!runfile_status_ok(c->status) && (summary = intern(h, find_text, add_text, c->summary)) < 0)) {
			rc = -1;
			break;
		}
		sqlite3_reset(add);
		sqlite3_bind_int64(add, 1, cell);
		sqlite3_bind_int64(add, 2, run);
		bind_text(add, 3, cell_status_name(c->status));
		bind_text(add, 4, c->cls);
		bind_text(add, 5, c->stage);
		if (summary)
			sqlite3_bind_int64(add, 6, summary);
		else
			sqlite3_bind_null(add, 6);
		if (sqlite3_step(add) != SQLITE_DONE)
			rc = db_error(h, "writing");
	}
	sqlite3_finalize(find_cell);
	sqlite3_finalize(add_cell);
	sqlite3_finalize(find_text);
	sqlite3_finalize(add_text);
	sqlite3_finalize(add);
	return rc;
}

static int add_run(struct history *h, const struct runfile *rf)
{
	sqlite3_stmt *st = prepare(h, "SELECT id FROM runs WHERE run_id = ?");
	char *key, recorded[32];
	long long run;
	int found, rc;

	if (!st)
		return -1;
	bind_text(st, 1, rf->id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (found)
		return 0;
	if (!(st = prepare(h, "INSERT INTO runs(run_id, matrix_key, matrix, name, matrix_digest, started, finished,"
			      " wall_seconds, cells, recorded) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
		return -1;
	key = rf->matrix_digest ? xstrdup(rf->matrix_digest) : xasprintf("path:%s", rf->matrix);
	journal_format_time((double)time(NULL), recorded);
	bind_text(st, 1, rf->id);
	bind_text(st, 2, key);
	bind_text(st, 3, rf->matrix);
	bind_text(st, 4, rf->name);
	bind_text(st, 5, rf->matrix_digest);
	bind_text(st, 6, rf->started);
	bind_text(st, 7, rf->finished);
	sqlite3_bind_double(st, 8, rf->wall_seconds);
	sqlite3_bind_int64(st, 9, (long long)rf->ncells);
	bind_text(st, 10, recorded);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_error(h, "writing");
	run = sqlite3_last_insert_rowid(h->db);
	sqlite3_finalize(st);
	free(key);
	if (rc || add_toolchains(h, rf, run) || add_cells(h, rf, run))
		return -1;
	return 1;
}

int history_add(struct history *h, const struct runfile *rf)
{
	int rc;

	if (rf->shard.count)
		return error(EC_EXIT_INPUT,
			     "%s: the run of one shard (%zu of %zu): record the merged run "
			     "('emcompat merge --history')",
			     rf->path, rf->shard.index, rf->shard.count);
	if (exec(h, "BEGIN IMMEDIATE", "writing"))
		return -1;
	rc = add_run(h, rf);
	if (rc < 0 || exec(h, "COMMIT", "writing")) {
		int saved = errno;

		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
		errno = saved;
		return -1;
	}
	return rc;
}

int history_add_dir(struct history *h, const char *dir)
{
	struct runfile rf;
	int rc;

	if (runfile_load(&rf, dir))
		return -1;
	rc = history_add(h, &rf);
	runfile_release(&rf);
	return rc;
}

struct last_cells {
	sqlite3_stmt *st;
	struct history *h;
	long index;
};

/* The next cell of the run LAST_CELLS reads, as results.json has it; NULL with error() at the end or on failure. */
static cJSON *next_cell(void *arg, size_t i)
{
	struct last_cells *lc = arg;
	sqlite3_stmt *st = lc->st;
	cJSON *c, *axes;
	const char *id, *p;

	(void)i;
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(lc->h, "reading");
		return NULL;
	}
	id = (const char *)sqlite3_column_text(st, 0);
	c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "id", id);
	cJSON_AddNumberToObject(c, "index", (double)lc->index++);
	axes = cJSON_AddObjectToObject(c, "axes");
	for (p = id; *p;) {
		size_t len = strcspn(p, ","), eq = strcspn(p, "=");

		if (eq < len) {
			char *k = xstrndup(p, eq), *v = xstrndup(p + eq + 1, len - eq - 1);

			cJSON_AddStringToObject(axes, k, v);
			free(k);
			free(v);
		}
		p += len + (p[len] == ',');
	}
	cJSON_AddStringToObject(c, "status", (const char *)sqlite3_column_text(st, 1));
	if (sqlite3_column_text(st, 2))
		cJSON_AddStringToObject(c, "class", (const char *)sqlite3_column_text(st, 2));
	if (sqlite3_column_text(st, 3))
		cJSON_AddStringToObject(c, "stage", (const char *)sqlite3_column_text(st, 3));
	cJSON_AddStringToObject(c, "summary",
				sqlite3_column_text(st, 4) ? (const char *)sqlite3_column_text(st, 4) : "passed");
	return c;
}

/*
 * Writes DIR/results.json for the run RUN's row holds (the columns of
 * RUN_COLUMNS) with the NCELLS cells CELLS_SQL selects for its row id.
 */
static int write_run(struct history *h, const char *dir, sqlite3_stmt *run, long long id, long long ncells,
		     const char *cells_sql)
{
	sqlite3_stmt *st = NULL;
	cJSON *root = cJSON_CreateObject(), *r, *tc;
	struct last_cells lc = { NULL, h, 0 };
	char *path = xasprintf("%s/results.json", dir);
	int rc = -1;

	cJSON_AddStringToObject(root, "schema", "emcompat-results/1");
	r = cJSON_AddObjectToObject(root, "run");
	cJSON_AddStringToObject(r, "id", (const char *)sqlite3_column_text(run, 1));
	cJSON_AddStringToObject(r, "matrix",
				sqlite3_column_text(run, 2) ? (const char *)sqlite3_column_text(run, 2) : "");
	if (sqlite3_column_text(run, 3))
		cJSON_AddStringToObject(r, "name", (const char *)sqlite3_column_text(run, 3));
	cJSON_AddStringToObject(r, "started", (const char *)sqlite3_column_text(run, 4));
	cJSON_AddStringToObject(r, "finished",
				sqlite3_column_text(run, 5) ? (const char *)sqlite3_column_text(run, 5) : "");
	cJSON_AddStringToObject(r, "matrix_digest", (const char *)sqlite3_column_text(run, 6));
	tc = cJSON_AddObjectToObject(root, "toolchains");
	if (!(st = prepare(h, "SELECT kind, version, entry FROM toolchains WHERE run = ?")))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		cJSON *k = cJSON_GetObjectItemCaseSensitive(tc, kind), *e;

		if (!k)
			k = cJSON_AddObjectToObject(tc, kind);
		if ((e = cJSON_Parse((const char *)sqlite3_column_text(st, 2))))
			cJSON_AddItemToObject(k, (const char *)sqlite3_column_text(st, 1), e);
	}
	sqlite3_finalize(st);
	cJSON_AddArrayToObject(root, "cells");
	if (!(lc.st = prepare(h, cells_sql)))
		goto out;
	sqlite3_bind_int64(lc.st, 1, id);
	rc = results_write_file(path, root, (size_t)ncells, next_cell, &lc);
	root = NULL;
out:
	sqlite3_finalize(lc.st);
	cJSON_Delete(root);
	free(path);
	return rc;
}

#define RUN_COLUMNS "id, run_id, matrix, name, started, finished, matrix_digest, cells"

/* A run's cells, as results.json has them. */
static const char all_cells_sql[] =
	"SELECT i.cell, c.status, c.class, c.stage, t.text FROM cells c"
	" JOIN cell_ids i ON i.id = c.cell LEFT JOIN texts t ON t.id = c.summary WHERE c.run = ? ORDER BY i.id";

int history_write_last(struct history *h, const char *matrix_digest, const char *dir, char **run_id, char **started)
{
	sqlite3_stmt *run;
	int rc = 0;

	*run_id = *started = NULL;
	if (exec(h, "BEGIN", "reading"))
		return -1;
	run = prepare(h,
		      "SELECT " RUN_COLUMNS " FROM runs WHERE matrix_key = ? ORDER BY started DESC, id DESC LIMIT 1");
	if (!run)
		rc = -1;
	else
		bind_text(run, 1, matrix_digest);
	if (run && sqlite3_step(run) == SQLITE_ROW) {
		rc = write_run(h, dir, run, sqlite3_column_int64(run, 0), sqlite3_column_int64(run, 7), all_cells_sql)
			     ? -1
			     : 1;
		if (rc == 1) {
			*run_id = column_dup(run, 1);
			*started = column_dup(run, 4);
		}
	}
	sqlite3_finalize(run);
	sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/* A new temp dir under $TMPDIR named emcompat-NAME-XXXXXX, or NULL with error(). */
static char *temp_dir(const char *name)
{
	char *dir = xasprintf("%s/emcompat-%s-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name);

	if (!mkdtemp(dir)) {
		error(EC_EXIT_INTERNAL, "%s: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* Removes DIR (a temp dir of ours) and frees it, keeping a pending error and errno. */
static void drop_temp_dir(char *dir)
{
	int saved = errno, had = error_pending();

	if (remove_tree(dir) && !had)
		error_clear();
	free(dir);
	errno = saved;
}

int history_last_run_dir(struct history *h, const char *matrix_key, char **dir, char **label)
{
	char *id, *started;
	int rc;

	*label = NULL;
	if (!(*dir = temp_dir("baseline")))
		return -1;
	rc = history_write_last(h, matrix_key, *dir, &id, &started);
	if (rc == 1)
		*label = xasprintf("the last recorded run %s (%.10s) in %s", id, started, h->path);
	free(id);
	free(started);
	if (rc != 1) {
		/* Nothing to diff against, or an error: the dir goes, the first error stays. */
		drop_temp_dir(*dir);
		*dir = NULL;
	}
	return rc;
}

/* Runs read one by one, newest first, before the rest of the cells are looked up each alone. */
#define NEWEST_RUNS "16"

/*
 * Fills temp.newest. The newest runs first, each with one look-up per
 * cell (a nightly history's newest run usually holds every cell); a cell
 * in none of them then gets its newest row from its own rows.
 */
static int newest_cells(struct history *h)
{
	sqlite3_stmt *runs = prepare(h, "SELECT id FROM runs ORDER BY started DESC, id DESC LIMIT " NEWEST_RUNS);
	sqlite3_stmt *add = prepare(h, "INSERT OR IGNORE INTO temp.newest(cell, run) SELECT c.cell, c.run"
				       " FROM cell_ids i JOIN cells c ON c.cell = i.id AND c.run = ?");
	long long ncells = query_int(h, "SELECT count(*) FROM cell_ids");
	int rc = runs && add && ncells >= 0 ? 0 : -1, step = SQLITE_DONE;

	while (!rc && (step = sqlite3_step(runs)) == SQLITE_ROW) {
		sqlite3_reset(add);
		sqlite3_bind_int64(add, 1, sqlite3_column_int64(runs, 0));
		if (sqlite3_step(add) != SQLITE_DONE)
			rc = db_error(h, "reading");
		else if (query_int(h, "SELECT count(*) FROM temp.newest") == ncells)
			break;
	}
	if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
		rc = db_error(h, "reading");
	sqlite3_finalize(runs);
	sqlite3_finalize(add);
	if (!rc && query_int(h, "SELECT count(*) FROM temp.newest") != ncells)
		rc = exec(h,
			  "INSERT INTO temp.newest SELECT id, run FROM (SELECT i.id, (SELECT c.run FROM cells c"
			  " JOIN runs r ON r.id = c.run WHERE c.cell = i.id ORDER BY r.started DESC, r.id DESC LIMIT 1)"
			  " AS run FROM cell_ids i WHERE i.id NOT IN (SELECT cell FROM temp.newest)) WHERE run IS NOT "
			  "NULL",
			  "reading");
	return rc;
}

int history_newest_dir(struct history *h, char **dir, size_t *n)
{
	sqlite3_stmt *run = NULL;
	int rc = 0, step = SQLITE_DONE;

	*n = 0;
	if (!(*dir = temp_dir("history")))
		return -1;
	if (exec(h, "BEGIN", "reading")) {
		drop_temp_dir(*dir);
		*dir = NULL;
		return -1;
	}
	/* Per cell, its row of the run that started last (then was recorded last). */
	if (exec(h,
		 "DROP TABLE IF EXISTS temp.newest;"
		 "CREATE TEMP TABLE newest(cell INTEGER PRIMARY KEY, run INTEGER NOT NULL);",
		 "reading") ||
	    newest_cells(h) || exec(h, "CREATE INDEX temp.newest_by_run ON newest(run);", "reading") ||
	    !(run = prepare(h, "SELECT r.id, r.run_id, r.matrix, r.name, r.started, r.finished, r.matrix_digest,"
			       " (SELECT count(*) FROM temp.newest n WHERE n.run = r.id) FROM runs r"
			       " WHERE r.id IN (SELECT run FROM temp.newest) ORDER BY r.started, r.id")))
		rc = -1;
	while (!rc && (step = sqlite3_step(run)) == SQLITE_ROW) {
		char *sub = xasprintf("%s/%zu", *dir, *n);

		if (mkdir(sub, 0700) != 0)
			rc = error(EC_EXIT_INTERNAL, "%s: %s", sub, strerror(errno));
		else if (write_run(h, sub, run, sqlite3_column_int64(run, 0), sqlite3_column_int64(run, 7),
				   "SELECT i.cell, c.status, c.class, c.stage, t.text FROM temp.newest n"
				   " JOIN cells c ON c.cell = n.cell AND c.run = n.run JOIN cell_ids i ON i.id = n.cell"
				   " LEFT JOIN texts t ON t.id = c.summary WHERE n.run = ? ORDER BY i.id"))
			rc = -1;
		else
			++*n;
		free(sub);
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_error(h, "reading");
	sqlite3_finalize(run);
	sqlite3_exec(h->db, "DROP TABLE IF EXISTS temp.newest", NULL, NULL, NULL);
	sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL);
	if (rc) {
		drop_temp_dir(*dir);
		*dir = NULL;
		*n = 0;
	}
	return rc;
}

/* A recorded toolchain of one run, for comparing runs. */
struct tool {
	char *kind, *version, *identity, *entry;
};

struct run_tools {
	size_t n, cap;
	struct tool *v;
};

struct query {
	struct history *h;
	struct history_report *r;
	struct run_tools *tools;   /* per run of r->runs */
	size_t *order;             /* r->runs' indexes by row id */
	long long window_from;     /* the least row id of the runs shown */
};

static int load_runs(struct query *qy, const struct history_query *q)
{
	struct history_report *r = qy->r;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = 0;

	if (!(st = prepare(qy->h, q->matrix ? "SELECT matrix_key FROM runs WHERE name = ?1 OR matrix_key LIKE ?1 || '%'"
					      " ORDER BY started DESC, id DESC LIMIT 1"
					    : "SELECT matrix_key FROM runs ORDER BY started DESC, id DESC LIMIT 1")))
		return -1;
	if (q->matrix)
		bind_text(st, 1, q->matrix);
	if (sqlite3_step(st) == SQLITE_ROW)
		r->matrix_key = column_dup(st, 0);
	sqlite3_finalize(st);
	if (!r->matrix_key)
		return q->matrix ? error(EC_EXIT_INPUT, "%s: no run of a matrix named or digested \"%s\"", qy->h->path,
					 q->matrix)
				 : error(EC_EXIT_INPUT, "%s: no run recorded yet", qy->h->path);
	if (!(st = prepare(qy->h, "SELECT id, run_id, started, matrix, name FROM runs WHERE matrix_key = ?"
				  " ORDER BY started, id")))
		return -1;
	bind_text(st, 1, r->matrix_key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_run *run;

		xgrow(&r->runs, &cap, r->nruns + 1, sizeof(*r->runs));
		run = &r->runs[r->nruns++];
		run->id = sqlite3_column_int64(st, 0);
		run->run_id = column_dup(st, 1);
		run->started = column_dup(st, 2);
		run->matrix = column_dup(st, 3);
		run->name = column_dup(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(qy->h, "reading");
	r->newest = &r->runs[r->nruns - 1];
	r->first = q->last && q->last < r->nruns ? r->nruns - q->last : 0;
	return 0;
}

static int by_row_id(const void *a, const void *b, void *arg)
{
	const struct history_run *runs = arg;
	long long x = runs[*(const size_t *)a].id, y = runs[*(const size_t *)b].id;

	return x < y ? -1 : x > y;
}

/* The index in r->runs of the run with row id ID, or SIZE_MAX (another matrix's). */
static size_t run_index(const struct query *qy, long long id)
{
	size_t lo = 0, hi = qy->r->nruns;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		long long v = qy->r->runs[qy->order[mid]].id;

		if (v == id)
			return qy->order[mid];
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

static int load_tools(struct query *qy)
{
	struct history_report *r = qy->r;
	sqlite3_stmt *st;
	int rc;

	qy->order = xcalloc(r->nruns, sizeof(*qy->order));
	for (size_t i = 0; i < r->nruns; i++)
		qy->order[i] = i;
	qsort_r(qy->order, r->nruns, sizeof(*qy->order), by_row_id, r->runs);
	qy->window_from = r->runs[r->first].id;
	for (size_t i = r->first; i < r->nruns; i++)
		if (r->runs[i].id < qy->window_from)
			qy->window_from = r->runs[i].id;
	qy->tools = xcalloc(r->nruns, sizeof(*qy->tools));
	if (!(st = prepare(qy->h, "SELECT t.run, t.kind, t.version, t.identity, t.entry FROM toolchains t"
				  " JOIN runs r ON r.id = t.run WHERE r.matrix_key = ?")))
		return -1;
	bind_text(st, 1, r->matrix_key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i = run_index(qy, sqlite3_column_int64(st, 0));
		struct run_tools *t;

		if (i == SIZE_MAX)
			continue;
		t = &qy->tools[i];
		xgrow(&t->v, &t->cap, t->n + 1, sizeof(*t->v));
		t->v[t->n].kind = column_dup(st, 1);
		t->v[t->n].version = column_dup(st, 2);
		t->v[t->n].identity = column_dup(st, 3);
		t->v[t->n].entry = column_dup(st, 4);
		t->n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(qy->h, "reading");
}

/* The toolchain KIND VERSION among a run's T: its index, or -1 when the run recorded none. */
static int find_tool(const struct run_tools *t, const char *kind, const char *version)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].kind, kind) == 0 && strcmp(t->v[i].version, version) == 0)
			return (int)i;
	return -1;
}

/* The value of axis KEY in cell id ID (axis=value pairs joined by ','), into BUF; NULL when absent. */
static const char *id_axis(const char *id, const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);

	while (*id) {
		size_t len = strcspn(id, ",");

		if (len > klen && strncmp(id, key, klen) == 0 && id[klen] == '=') {
			size_t vlen = len - klen - 1 < size - 1 ? len - klen - 1 : size - 1;

			memcpy(buf, id + klen + 1, vlen);
			buf[vlen] = 0;
			return buf;
		}
		id += len + (id[len] == ',');
	}
	return NULL;
}

static int cell_matches(const char *id, const struct history_query *q)
{
	char buf[300];

	for (size_t i = 0; i < q->nonly; i++) {
		const char *v = id_axis(id, q->only[i].key, buf, sizeof(buf));
		int any = 0;

		for (size_t j = 0; j < q->nonly; j++)
			if (strcmp(q->only[j].key, q->only[i].key) == 0 && v && strcmp(v, q->only[j].value) == 0)
				any = 1;
		if (!any)
			return 0;
	}
	return 1;
}

/*
 * Calls FN for each toolchain of cell ID that differs between runs A and B
 * (indexes into r->runs); returns how many differ.
 */
static size_t
each_change(const struct query *qy, const char *id, size_t a, size_t b,
	    void (*fn)(void *arg, const char *axis, const char *kind, const char *version, int ia, int ib), void *arg)
{
	size_t n = 0;
	const char *p = id;

	while (*p) {
		size_t len = strcspn(p, ","), eq = strcspn(p, "=");
		char *axis, *value;
		const char *kind, *version;

		if (eq < len) {
			axis = xasprintf("%.*s", (int)eq, p);
			value = xasprintf("%.*s", (int)(len - eq - 1), p + eq + 1);
			if (toolchain_axis_value(axis, value, &kind, &version)) {
				int ia = find_tool(&qy->tools[a], kind, version),
				    ib = find_tool(&qy->tools[b], kind, version);
				const char *ea = ia >= 0 ? qy->tools[a].v[ia].entry : NULL;
				const char *eb = ib >= 0 ? qy->tools[b].v[ib].entry : NULL;

				if ((ea || eb) && !(ea && eb && strcmp(ea, eb) == 0)) {
					n++;
					if (fn)
						fn(arg, axis, kind, version, ia, ib);
				}
			}
			free(axis);
			free(value);
		}
		p += len + (p[len] == ',');
	}
	return n;
}

/* The value of line "KEY: value" in IDENTITY, into BUF, or NULL. */
static const char *identity_line(const char *identity, const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);

	for (const char *l = identity; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (strncmp(l, key, klen) == 0 && l[klen] == ':') {
			const char *v = l + klen + 1;
			size_t n;

			v += strspn(v, " ");
			n = strcspn(v, "\n");
			snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), v);
			return buf;
		}
	}
	return NULL;
}

/* The "channel_date" of toolchain entry ENTRY (JSON text), YYYY-MM-DD, into DATE; NULL when it has none. */
static const char *channel_date(const char *entry, char date[16])
{
	cJSON *o = entry ? cJSON_Parse(entry) : NULL;
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(o, "channel_date");
	const char *s = cJSON_IsString(d) ? d->valuestring : "";
	int ok = strlen(s) == 10 && strspn(s, "0123456789-") == 10 && s[4] == '-' && s[7] == '-';

	if (ok)
		memcpy(date, s, 11);
	cJSON_Delete(o);
	return ok ? date : NULL;
}

/*
 * A value of KIND's axis naming the toolchain IDENTITY (its entry ENTRY)
 * is, for fetch and bisect: a Rust nightly's dated name, the date of the
 * rustup manifest it came from when recorded (channel_date), else the day
 * after its commit date, as rustup dates a nightly built from the day's
 * last commit (nightly-2024-02-01 is rustc 11f32b73e 2024-01-31); else the
 * last version number the identity names when VERSION is not one already.
 * Caller frees; NULL: none.
 */
static char *end_value(const char *kind, const char *version, const char *identity, const char *entry)
{
	char buf[64];

	if (!identity)
		return NULL;
	if (strcmp(kind, "rust") == 0 && !isdigit((unsigned char)version[0])) {
		struct tm tm = { 0 };
		char date[16];

		if (strcmp(version, "nightly") == 0 && channel_date(entry, date))
			return xasprintf("nightly-%s", date);
		if (!identity_line(identity, "commit-date", buf, sizeof(buf)) ||
		    sscanf(buf, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
			return NULL;
		if (strcmp(version, "nightly") == 0) {
			tm.tm_year -= 1900;
			tm.tm_mon -= 1;
			tm.tm_mday += 1;
			tm.tm_isdst = -1;
			if (timegm(&tm) == (time_t)-1)
				return NULL;
			strftime(date, sizeof(date), "%Y-%m-%d", &tm);
			return xasprintf("nightly-%s", date);
		}
		/* Shown inside commands to copy: a release that is not a plain version is not one. */
		if (identity_line(identity, "release", buf, sizeof(buf)) && buf[0] &&
		    strspn(buf, "0123456789.-abcdefghijklmnopqrstuvwxyz") == strlen(buf))
			return xstrdup(buf);
		return NULL;
	}
	if (isdigit((unsigned char)version[0]))
		return NULL;
	{
		const char *best = NULL;
		size_t best_len = 0;

		for (const char *p = identity; *p; p++) {
			size_t n;

			if (!isdigit((unsigned char)*p) ||
			    (p > identity && (isalnum((unsigned char)p[-1]) || p[-1] == '.')))
				continue;
			n = strspn(p, "0123456789.");
			while (n && p[n - 1] == '.')
				n--;
			if (memchr(p, '.', n)) {
				best = p;
				best_len = n;
			}
			p += n ? n - 1 : 0;
		}
		return best ? xasprintf("%.*s", (int)best_len, best) : NULL;
	}
}

struct change_ctx {
	const struct query *qy;
	struct history_cell *c;
	size_t a, b;
};

static void add_change(void *arg, const char *axis, const char *kind, const char *version, int ia, int ib)
{
	struct change_ctx *x = arg;
	struct history_cell *c = x->c;
	struct history_change *ch;
	const char *ga = ia >= 0 ? x->qy->tools[x->a].v[ia].identity : NULL;
	const char *gb = ib >= 0 ? x->qy->tools[x->b].v[ib].identity : NULL;
	size_t cap = c->nchanges;

	xgrow(&c->changes, &cap, c->nchanges + 1, sizeof(*c->changes));
	ch = &c->changes[c->nchanges++];
	ch->axis = xstrdup(axis);
	ch->kind = xstrdup(kind);
	ch->version = xstrdup(version);
	ch->good = ga ? xstrdup(ga) : NULL;
	ch->bad = gb ? xstrdup(gb) : NULL;
	ch->good_value = end_value(kind, version, ga, ia >= 0 ? x->qy->tools[x->a].v[ia].entry : NULL);
	ch->bad_value = end_value(kind, version, gb, ib >= 0 ? x->qy->tools[x->b].v[ib].entry : NULL);
	if (ch->good_value && ch->bad_value && strcmp(ch->good_value, ch->bad_value) == 0) {
		free(ch->good_value);
		free(ch->bad_value);
		ch->good_value = ch->bad_value = NULL;
	}
}

struct cell_row {
	int status;
	char *cls, *stage, *summary;
};

static void rows_clear(struct cell_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].cls);
		free(rows[i].stage);
		free(rows[i].summary);
		rows[i].cls = rows[i].stage = rows[i].summary = NULL;
		rows[i].status = -1;
	}
}

/*
 * Reads cell CELL's rows of runs with row id FROM or more into ROWS (per
 * r->runs, status -1 absent). Returns how many of the runs shown it
 * worked in, -1 with error(); *SEEN tells whether it has a row at all.
 */
static int read_rows(struct query *qy, sqlite3_stmt *st, long long cell, long long from, struct cell_row *rows,
		     int *seen)
{
	struct history_report *r = qy->r;
	int rc, ok = 0;

	rows_clear(rows, r->nruns);
	*seen = 0;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, cell);
	sqlite3_bind_int64(st, 2, from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i = run_index(qy, sqlite3_column_int64(st, 0));

		if (i == SIZE_MAX)
			continue;
		rows[i].status = cell_status_parse((const char *)sqlite3_column_text(st, 1));
		if (i >= r->first) {
			rows[i].cls = column_dup(st, 2);
			rows[i].stage = column_dup(st, 3);
			rows[i].summary = column_dup(st, 4);
			ok += rows[i].status >= 0 && runfile_status_ok((enum cell_status)rows[i].status);
		}
		*seen = 1;
	}
	return rc == SQLITE_DONE ? ok : db_error(qy->h, "reading");
}

/*
 * Reads cell ID's runs of this matrix and judges it into C. The runs
 * shown come first: when the cell worked in one of them, what is judged
 * (failing since, last passed, flips, changes) lies among them, and the
 * older rows are not read; else every row is.
 */
static int judge_cell(struct query *qy, sqlite3_stmt *st, long long cell, const char *id, struct cell_row *rows,
		      struct history_cell *c)
{
	struct history_report *r = qy->r;
	size_t last_ok = SIZE_MAX, prev = SIZE_MAX;
	long long oldest = qy->r->runs[qy->order[0]].id;
	int worked, seen;

	if ((worked = read_rows(qy, st, cell, qy->window_from, rows, &seen)) < 0 ||
	    (!worked && qy->window_from > oldest && read_rows(qy, st, cell, oldest, rows, &seen) < 0))
		return -1;
	memset(c, 0, sizeof(*c));
	if (!seen)
		return 0;
	c->id = xstrdup(id);
	c->status = xcalloc(r->nruns - r->first, sizeof(int));
	for (size_t i = r->first; i < r->nruns; i++)
		c->status[i - r->first] = rows[i].status;
	c->now = rows[r->nruns - 1].status;
	if (c->now >= 0) {
		struct cell_row *n = &rows[r->nruns - 1];

		c->cls = n->cls ? xstrdup(n->cls) : NULL;
		c->stage = n->stage ? xstrdup(n->stage) : NULL;
		c->summary = n->summary ? xstrdup(n->summary) : NULL;
	}
	for (size_t i = 0; i < r->nruns; i++) {
		int ok;

		if (rows[i].status < 0)
			continue;
		ok = runfile_status_ok((enum cell_status)rows[i].status);
		if (prev != SIZE_MAX && i >= r->first && prev >= r->first &&
		    ok != runfile_status_ok((enum cell_status)rows[prev].status)) {
			c->flips++;
			if (!each_change(qy, id, prev, i, NULL, NULL))
				c->unexplained++;
		}
		if (ok) {
			last_ok = i;
			c->failing = 0;
			c->since = NULL;
		} else if (!c->failing++) {
			c->since = &r->runs[i];
		}
		prev = i;
	}
	if (last_ok != SIZE_MAX)
		c->passed = &r->runs[last_ok];
	if (c->now >= 0 && !runfile_status_ok((enum cell_status)c->now) && c->passed) {
		struct change_ctx x = { qy, c, last_ok, (size_t)(c->since - r->runs) };

		c->bad = c->since;
		each_change(qy, id, x.a, x.b, add_change, &x);
	}
	return 1;
}

static int cell_cmp(const void *a, const void *b)
{
	const struct history_cell *x = a, *y = b;
	int fx = x->now >= 0 && !runfile_status_ok((enum cell_status)x->now);
	int fy = y->now >= 0 && !runfile_status_ok((enum cell_status)y->now);

	if (fx != fy)
		return fy - fx;
	return strcmp(x->id, y->id);
}

static int has_news(const struct history_report *r, const struct history_cell *c)
{
	if (c->now < 0 || !runfile_status_ok((enum cell_status)c->now) || c->flips)
		return 1;
	for (size_t i = 0; i < r->nruns - r->first; i++)
		if (c->status[i] >= 0 && c->status[i] != c->now)
			return 1;
	return 0;
}

static void cell_release(struct history_cell *c)
{
	for (size_t i = 0; i < c->nchanges; i++) {
		free(c->changes[i].axis);
		free(c->changes[i].kind);
		free(c->changes[i].version);
		free(c->changes[i].good);
		free(c->changes[i].bad);
		free(c->changes[i].good_value);
		free(c->changes[i].bad_value);
	}
	free(c->changes);
	free(c->id);
	free(c->status);
	free(c->cls);
	free(c->stage);
	free(c->summary);
}

static int load_cells(struct query *qy, const struct history_query *q)
{
	struct history_report *r = qy->r;
	sqlite3_stmt *ids, *st;
	struct cell_row *rows = xcalloc(r->nruns, sizeof(*rows));
	size_t cap = 0;
	int rc = 0, step;

	ids = prepare(qy->h,
		      q->cell ? "SELECT id, cell FROM cell_ids WHERE cell = ?" : "SELECT id, cell FROM cell_ids");
	st = prepare(qy->h, "SELECT c.run, c.status, c.class, c.stage, t.text FROM cells c"
			    " LEFT JOIN texts t ON t.id = c.summary WHERE c.cell = ? AND c.run >= ?");
	if (!ids || !st)
		rc = -1;
	if (!rc && q->cell)
		bind_text(ids, 1, q->cell);
	while (!rc && (step = sqlite3_step(ids)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(ids, 1);
		struct history_cell c;
		int got;

		if (!cell_matches(id, q))
			continue;
		got = judge_cell(qy, st, sqlite3_column_int64(ids, 0), id, rows, &c);
		rows_clear(rows, r->nruns);
		if (got < 0) {
			rc = -1;
			break;
		}
		if (!got)
			continue;
		if (!q->cell && !q->all && !has_news(r, &c)) {
			r->quiet++;
			cell_release(&c);
			continue;
		}
		xgrow(&r->cells, &cap, r->ncells + 1, sizeof(*r->cells));
		r->cells[r->ncells++] = c;
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_error(qy->h, "reading");
	sqlite3_finalize(ids);
	sqlite3_finalize(st);
	free(rows);
	if (!rc && q->cell && !r->ncells)
		return error(EC_EXIT_INPUT, "%s: cell %s is in no recorded run of this matrix", qy->h->path, q->cell);
	if (r->ncells)
		qsort(r->cells, r->ncells, sizeof(*r->cells), cell_cmp);
	return rc;
}

int history_report(struct history *h, const struct history_query *q, struct history_report *r)
{
	struct query qy = { h, r, NULL, NULL, 0 };
	int rc;

	memset(r, 0, sizeof(*r));
	/* One read transaction: a writer committing meanwhile changes nothing seen. */
	if (exec(h, "BEGIN", "reading"))
		return -1;
	rc = load_runs(&qy, q) || load_tools(&qy) || load_cells(&qy, q) ? -1 : 0;
	sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL);
	if (qy.tools) {
		for (size_t i = 0; i < r->nruns; i++) {
			struct run_tools *t = &qy.tools[i];

			for (size_t j = 0; j < t->n; j++) {
				free(t->v[j].kind);
				free(t->v[j].version);
				free(t->v[j].identity);
				free(t->v[j].entry);
			}
			free(t->v);
		}
	}
	free(qy.tools);
	free(qy.order);
	if (rc)
		history_report_release(r);
	return rc;
}

int history_cell_flaky(const struct history_cell *c)
{
	return c->unexplained >= 2;
}

static cJSON *run_json(const struct history_run *run)
{
	cJSON *o;

	if (!run)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", run->run_id);
	cJSON_AddStringToObject(o, "started", run->started);
	return o;
}

static void add_str_or_null(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}

cJSON *history_report_json(const struct history_report *r)
{
	cJSON *o = cJSON_CreateObject(), *runs, *cells;

	cJSON_AddStringToObject(o, "matrix", r->newest->matrix ? r->newest->matrix : "");
	add_str_or_null(o, "name", r->newest->name);
	cJSON_AddStringToObject(o, "matrix_key", r->matrix_key);
	cJSON_AddNumberToObject(o, "recorded_runs", (double)r->nruns);
	runs = cJSON_AddArrayToObject(o, "runs");
	for (size_t i = r->first; i < r->nruns; i++)
		cJSON_AddItemToArray(runs, run_json(&r->runs[i]));
	cJSON_AddNumberToObject(o, "quiet", (double)r->quiet);
	cells = cJSON_AddArrayToObject(o, "cells");
	for (size_t i = 0; i < r->ncells; i++) {
		const struct history_cell *c = &r->cells[i];
		cJSON *e = cJSON_CreateObject(), *st, *ch;

		cJSON_AddItemToArray(cells, e);
		cJSON_AddStringToObject(e, "id", c->id);
		st = cJSON_AddArrayToObject(e, "statuses");
		for (size_t j = 0; j < r->nruns - r->first; j++)
			cJSON_AddItemToArray(st, c->status[j] < 0 ? cJSON_CreateNull()
								  : cJSON_CreateString(cell_status_name(c->status[j])));
		add_str_or_null(e, "status", c->now >= 0 ? cell_status_name(c->now) : NULL);
		add_str_or_null(e, "class", c->cls);
		add_str_or_null(e, "stage", c->stage);
		add_str_or_null(e, "summary", c->summary);
		cJSON_AddNumberToObject(e, "failing_runs", (double)c->failing);
		cJSON_AddItemToObject(e, "failing_since", run_json(c->failing ? c->since : NULL));
		cJSON_AddItemToObject(e, "last_passed", run_json(c->passed));
		cJSON_AddItemToObject(e, "first_bad", run_json(c->bad));
		cJSON_AddNumberToObject(e, "flips", (double)c->flips);
		cJSON_AddNumberToObject(e, "flips_without_toolchain_change", (double)c->unexplained);
		cJSON_AddBoolToObject(e, "flaky_across_nights", history_cell_flaky(c));
		ch = cJSON_AddArrayToObject(e, "changed");
		for (size_t j = 0; j < c->nchanges; j++) {
			const struct history_change *x = &c->changes[j];
			cJSON *y = cJSON_CreateObject();

			cJSON_AddItemToArray(ch, y);
			cJSON_AddStringToObject(y, "axis", x->axis);
			cJSON_AddStringToObject(y, "kind", x->kind);
			cJSON_AddStringToObject(y, "version", x->version);
			add_str_or_null(y, "good", x->good);
			add_str_or_null(y, "bad", x->bad);
			add_str_or_null(y, "good_value", x->good_value);
			add_str_or_null(y, "bad_value", x->bad_value);
		}
	}
	return o;
}

static int streak_cmp(const void *a, const void *b)
{
	return strcmp(((const struct history_streak *)a)->id, ((const struct history_streak *)b)->id);
}

int history_nights(struct history *h, const char *matrix_key, size_t last, struct history_nights *n)
{
	struct history_query q = { .matrix = matrix_key, .last = last, .all = 1 };
	struct history_report r;
	cJSON *runs, *cells, *failing;
	long long count = -1;
	sqlite3_stmt *st = prepare(h, "SELECT count(*) FROM runs WHERE matrix_key = ?");

	memset(n, 0, sizeof(*n));
	if (!st)
		return -1;
	bind_text(st, 1, matrix_key);
	if (sqlite3_step(st) == SQLITE_ROW)
		count = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (count <= 0)
		return count < 0 ? db_error(h, "reading") : 0;
	if (history_report(h, &q, &r))
		return -1;
	n->json = cJSON_CreateObject();
	n->last_run = xstrdup(r.newest->run_id);
	n->last_started = xstrdup(r.newest->started);
	runs = cJSON_AddArrayToObject(n->json, "runs");
	for (size_t i = r.first; i < r.nruns; i++)
		cJSON_AddItemToArray(runs, run_json(&r.runs[i]));
	cells = cJSON_AddObjectToObject(n->json, "cells");
	failing = cJSON_AddObjectToObject(n->json, "failing");
	n->streaks = xcalloc(r.ncells + 1, sizeof(*n->streaks));
	for (size_t i = 0; i < r.ncells; i++) {
		const struct history_cell *c = &r.cells[i];
		cJSON *a = cJSON_AddArrayToObject(cells, c->id), *f;
		struct history_streak *sk;

		for (size_t j = 0; j < r.nruns - r.first; j++)
			cJSON_AddItemToArray(a, c->status[j] < 0 ? cJSON_CreateNull()
								 : cJSON_CreateString(cell_status_name(c->status[j])));
		if (c->now < 0 || runfile_status_ok((enum cell_status)c->now) || !c->since)
			continue;
		sk = &n->streaks[n->nstreaks++];
		sk->id = xstrdup(c->id);
		sk->since = xstrdup(c->since->started);
		sk->since_run = xstrdup(c->since->run_id);
		sk->runs = c->failing;
		f = cJSON_AddObjectToObject(failing, c->id);
		cJSON_AddStringToObject(f, "since", sk->since);
		cJSON_AddStringToObject(f, "run", sk->since_run);
		cJSON_AddNumberToObject(f, "runs", (double)sk->runs);
	}
	if (n->nstreaks)
		qsort(n->streaks, n->nstreaks, sizeof(*n->streaks), streak_cmp);
	history_report_release(&r);
	return 1;
}

const struct history_streak *history_nights_streak(const struct history_nights *n, const char *id)
{
	struct history_streak key = { 0 };

	if (!n || !n->nstreaks)
		return NULL;
	key.id = (char *)id;
	return bsearch(&key, n->streaks, n->nstreaks, sizeof(*n->streaks), streak_cmp);
}

void history_nights_release(struct history_nights *n)
{
	for (size_t i = 0; i < n->nstreaks; i++) {
		free(n->streaks[i].id);
		free(n->streaks[i].since);
		free(n->streaks[i].since_run);
	}
	free(n->streaks);
	free(n->last_run);
	free(n->last_started);
	cJSON_Delete(n->json);
	memset(n, 0, sizeof(*n));
}

void history_report_release(struct history_report *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		cell_release(&r->cells[i]);
	free(r->cells);
	for (size_t i = 0; i < r->nruns; i++) {
		free(r->runs[i].run_id);
		free(r->runs[i].started);
		free(r->runs[i].matrix);
		free(r->runs[i].name);
	}
	free(r->runs);
	free(r->matrix_key);
	memset(r, 0, sizeof(*r));
}
