#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/journal.h"
#include "emcompat/json.h"
#include "emcompat/util.h"

void journal_format_time(double t, char out[32])
{
	time_t secs = (time_t)t;
	struct tm tm;

	gmtime_r(&secs, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

double journal_parse_time(const char *s)
{
	struct tm tm;
	const char *end;
	char again[32];
	double t;

	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (!end || *end)
		return -1;
	/* strptime is lenient (unpadded fields, Feb 31): only our own format round-trips. */
	t = (double)timegm(&tm);
	journal_format_time(t, again);
	return strcmp(again, s) == 0 ? t : -1;
}

static int is_hex_key(const char *s)
{
	if (strlen(s) != 2 * PLAN_KEY_SIZE)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

static int parse_line(const char *path, size_t lineno, const char *line, size_t len, struct journal_entry *e)
{
	const char *end = NULL;
	cJSON *o = cJSON_ParseWithLengthOpts(line, len, &end, 0);
	const cJSON *node, *key, *stage, *status, *ex, *att, *secs, *started;
	int rc = -1, st, sg;

	if (!o || end != line + len) {
		cJSON_Delete(o);
		return error(EC_EXIT_INPUT, "%s:%zu: not a JSON record", path, lineno);
	}
	node = cJSON_GetObjectItemCaseSensitive(o, "node");
	key = cJSON_GetObjectItemCaseSensitive(o, "key");
	stage = cJSON_GetObjectItemCaseSensitive(o, "stage");
	status = cJSON_GetObjectItemCaseSensitive(o, "status");
	ex = cJSON_GetObjectItemCaseSensitive(o, "exit");
	att = cJSON_GetObjectItemCaseSensitive(o, "attempts");
	secs = cJSON_GetObjectItemCaseSensitive(o, "seconds");
	started = cJSON_GetObjectItemCaseSensitive(o, "started");
	if (!cJSON_IsString(node) || strlen(node->valuestring) >= PLAN_ID_SIZE || !cJSON_IsString(key) ||
	    !is_hex_key(key->valuestring) || !cJSON_IsString(stage) || (sg = stage_from_name(stage->valuestring)) < 0 ||
	    !cJSON_IsString(status) || (st = job_status_from_name(status->valuestring)) < 0 ||
	    (st != JOB_PASS && st != JOB_FAIL && st != JOB_ERROR && st != JOB_TIMEOUT) || !cJSON_IsNumber(ex) ||
	    !cJSON_IsNumber(att) || !cJSON_IsNumber(secs) || !cJSON_IsString(started) ||
	    journal_parse_time(started->valuestring) < 0) {
		error(EC_EXIT_INPUT,
		      "%s:%zu: a record lacks or garbles a key "
		      "(node, key, stage, status, exit, attempts, seconds, started)",
		      path, lineno);
		goto out;
	}
	memset(e, 0, sizeof(*e));
	snprintf(e->node, sizeof(e->node), "%s", node->valuestring);
	snprintf(e->key, sizeof(e->key), "%s", key->valuestring);
	e->stage = (enum stage)sg;
	e->status = (enum job_status)st;
	e->exit_code = ex->valueint;
	e->attempts = att->valueint;
	e->seconds = secs->valuedouble;
	e->started = journal_parse_time(started->valuestring);
	rc = 0;
out:
	cJSON_Delete(o);
	return rc;
}

int journal_read(const char *path, struct journal_entry **out, size_t *n, int *torn)
{
	char *text;
	size_t len;
	int rc;

	*out = NULL;
	*n = 0;
	*torn = 0;
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return 0;
	if (read_file(path, &text, &len))
		return -1;
	rc = journal_parse(path, text, len, out, n, torn);
	free(text);
	return rc;
}

int journal_parse(const char *path, const char *text, size_t len, struct journal_entry **out, size_t *n, int *torn)
{
	size_t cap = 0, lineno = 0;
	const char *p;

	*out = NULL;
	*n = 0;
	*torn = 0;
	for (p = text; p < text + len;) {
		const char *nl = memchr(p, '\n', (size_t)(text + len - p));

		lineno++;
		if (!nl) {
			/* The last line lacks its newline: a write cut short. */
			*torn = 1;
			break;
		}
		if (nl > p) {
			xgrow(out, &cap, *n + 1, sizeof(**out));
			if (parse_line(path, lineno, p, (size_t)(nl - p), &(*out)[*n])) {
				free(*out);
				*out = NULL;
				*n = 0;
				return -1;
			}
			(*n)++;
		}
		p = nl + 1;
	}
	return 0;
}

/* By key, then by place in the journal: the sort must keep the last record of a key last. */
static int cmp_key(const void *a, const void *b)
{
	const struct journal_entry *x = *(const struct journal_entry *const *)a;
	const struct journal_entry *y = *(const struct journal_entry *const *)b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x > y) - (x < y);
}

void journal_index_init(struct journal_index *ix, struct journal_entry *e, size_t n)
{
	ix->entries = e;
	ix->n = n;
	ix->by_key = xcalloc(n + 1, sizeof(*ix->by_key));
	for (size_t i = 0; i < n; i++)
		ix->by_key[i] = &e[i];
	qsort(ix->by_key, n, sizeof(*ix->by_key), cmp_key);
}

const struct journal_entry *journal_lookup(const struct journal_index *ix, const char *key)
{
	const struct journal_entry *const *e = ix->by_key, *hit = NULL;
	size_t lo = 0, hi = ix->n;

	/* The last of the records with KEY: the first one past them, minus one. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(e[mid]->key, key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && strcmp(e[lo - 1]->key, key) == 0)
		hit = e[lo - 1];
	return hit;
}

void journal_index_release(struct journal_index *ix)
{
	free(ix->entries);
	free(ix->by_key);
	ix->entries = NULL;
	ix->by_key = NULL;
	ix->n = 0;
}

int journal_open(struct journal *j, const char *path)
{
	struct stat st;
	off_t end;

	j->path = xstrdup(path);
	j->dirty = 0;
	j->fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (j->fd < 0) {
		error(EC_EXIT_INTERNAL, "%s: cannot open the journal: %s", path, strerror(errno));
		free(j->path);
		j->path = NULL;
		return -1;
	}
	/* Cut a torn last record, so that the next one starts a line. */
	if (fstat(j->fd, &st) == 0 && st.st_size > 0) {
		char c;

		for (end = st.st_size; end > 0; end--) {
			if (pread(j->fd, &c, 1, end - 1) != 1 || c == '\n')
				break;
		}
		if (end != st.st_size && ftruncate(j->fd, end) != 0) {
			error(EC_EXIT_INTERNAL, "%s: cannot cut the torn last record: %s", path, strerror(errno));
			journal_close(j);
			return -1;
		}
	}
	return 0;
}

int journal_append(struct journal *j, const struct journal_entry *e)
{
	char started[32];
	char *line;
	size_t len, off = 0;

	journal_format_time(e->started, started);
	line = xasprintf("{\"v\":1,\"node\":\"%s\",\"key\":\"%s\",\"stage\":\"%s\",\"status\":\"%s\","
			 "\"exit\":%d,\"attempts\":%d,\"seconds\":%.3f,\"started\":\"%s\"}\n",
			 e->node, e->key, stage_name(e->stage), job_status_name(e->status), e->exit_code, e->attempts,
			 e->seconds, started);
	len = strlen(line);
	while (off < len) {
		ssize_t w = write(j->fd, line + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int saved = errno;

			free(line);
			errno = saved;
			return error(EC_EXIT_INTERNAL, "%s: cannot append to the journal: %s", j->path,
				     strerror(errno));
		}
		off += (size_t)w;
	}
	free(line);
	j->dirty = 1;
	return 0;
}

int journal_sync(struct journal *j)
{
	if (!j->dirty)
		return 0;
	if (fsync(j->fd) != 0)
		return error(EC_EXIT_INTERNAL, "%s: fsync: %s", j->path, strerror(errno));
	j->dirty = 0;
	return 0;
}

void journal_close(struct journal *j)
{
	if (j->fd >= 0) {
		/* Best effort: the run is ending or failing, and the bytes are written already. */
		if (j->dirty)
			(void)fsync(j->fd);
		close(j->fd);
	}
	j->dirty = 0;
	j->fd = -1;
	free(j->path);
	j->path = NULL;
}
