#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emcompat/cache.h"
#include "emcompat/error.h"
#include "emcompat/journal.h"
#include "emcompat/json.h"
#include "emcompat/util.h"

static const char *const streams[] = { "stdout", "stderr" };

static int copy_file(const char *from, const char *to)
{
	char *data;
	size_t len;
	int rc;

	if (access(from, F_OK) != 0)
		return 0;
	if (read_file(from, &data, &len)) {
		error_clear();
		return error(EC_EXIT_INTERNAL, "%s: cannot read", from);
	}
	rc = write_file_atomic(to, data, len, 0644);
	free(data);
	return rc;
}

int cache_lookup(const char *dir, const char *fingerprint, struct cache_record *r)
{
	char *path = xasprintf("%s/node.json", dir), *text;
	const cJSON *fp, *st, *ex, *att, *secs;
	size_t len;
	cJSON *o;
	int status, hit = 0;

	r->seconds = -1;
	if (access(path, F_OK) != 0 || read_file(path, &text, &len)) {
		error_clear();
		free(path);
		return 0;
	}
	free(path);
	o = cJSON_ParseWithLength(text, len);
	free(text);
	fp = cJSON_GetObjectItemCaseSensitive(o, "fingerprint");
	st = cJSON_GetObjectItemCaseSensitive(o, "status");
	ex = cJSON_GetObjectItemCaseSensitive(o, "exit");
	att = cJSON_GetObjectItemCaseSensitive(o, "attempts");
	secs = cJSON_GetObjectItemCaseSensitive(o, "seconds");
	if (cJSON_IsNumber(secs) && secs->valuedouble >= 0)
		r->seconds = secs->valuedouble;
	if (cJSON_IsString(fp) && strcmp(fp->valuestring, fingerprint) == 0 && cJSON_IsString(st) &&
	    ((status = job_status_from_name(st->valuestring)) == JOB_PASS || status == JOB_FAIL) &&
	    cJSON_IsNumber(ex) && cJSON_IsNumber(att) && cJSON_IsNumber(secs)) {
		r->status = (enum job_status)status;
		r->exit_code = ex->valueint;
		r->attempts = att->valueint;
		r->seconds = secs->valuedouble;
		hit = 1;
	}
	cJSON_Delete(o);
	return hit;
}

int cache_store(const char *dir, const char *fingerprint, const struct sched_job *job, const char *log_dir)
{
	char finished[32], *path, *text;
	cJSON *o;
	int rc = 0;

	for (int i = 0; i < 2 && rc == 0; i++) {
		char *from = xasprintf("%s/%s.%s.log", log_dir, job->name, streams[i]);
		char *to = xasprintf("%s/%s.log", dir, streams[i]);

		rc = copy_file(from, to);
		free(from);
		free(to);
	}
	if (rc)
		return -1;
	journal_format_time(job->started + job->seconds, finished);
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "v", 1);
	cJSON_AddStringToObject(o, "node", job->name);
	cJSON_AddStringToObject(o, "fingerprint", fingerprint);
	cJSON_AddStringToObject(o, "status", job_status_name(job->status));
	cJSON_AddNumberToObject(o, "exit", job->exit_code);
	cJSON_AddNumberToObject(o, "attempts", job->attempts);
	cJSON_AddNumberToObject(o, "seconds", (double)(long long)(job->seconds * 1000) / 1000);
	cJSON_AddStringToObject(o, "finished", finished);
	text = json_print(o, 0);
	cJSON_Delete(o);
	path = xasprintf("%s/node.json", dir);
	rc = write_file_atomic(path, text, strlen(text), 0644);
	free(path);
	free(text);
	return rc;
}

int cache_restore_logs(const char *dir, const char *name, const char *log_dir)
{
	int rc = 0;

	for (int i = 0; i < 2 && rc == 0; i++) {
		char *from = xasprintf("%s/%s.log", dir, streams[i]);
		char *to = xasprintf("%s/%s.%s.log", log_dir, name, streams[i]);

		rc = copy_file(from, to);
		free(from);
		free(to);
	}
	return rc;
}

int cache_lock(const char *nodes_dir, int *fd, void (*waiting)(void *ctx, const char *nodes_dir), void *ctx)
{
	char *path = xasprintf("%s/.lock", nodes_dir);

	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (*fd < 0) {
		error(EC_EXIT_INTERNAL, "%s: cannot open: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
		if (waiting)
			waiting(ctx, nodes_dir);
		while (flock(*fd, LOCK_EX) != 0 && errno == EINTR)
			;
	}
	free(path);
	return 0;
}

int cache_trylock(const char *nodes_dir, int *fd)
{
	char *path = xasprintf("%s/.lock", nodes_dir);
	int rc = 0;

	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (*fd < 0)
		rc = error(EC_EXIT_INTERNAL, "%s: cannot open: %s", path, strerror(errno));
	else if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
		close(*fd);
		*fd = -1;
		rc = 1;
	}
	free(path);
	return rc;
}

unsigned long cache_runs(const char *nodes_dir)
{
	char *path = xasprintf("%s/.runs", nodes_dir), *text;
	unsigned long n = 0;
	size_t len;

	if (access(path, F_OK) == 0 && read_file(path, &text, &len) == 0) {
		n = strtoul(text, NULL, 10);
		free(text);
	}
	error_clear();
	free(path);
	return n;
}

int cache_count_run(const char *nodes_dir, unsigned long *run)
{
	char *path = xasprintf("%s/.runs", nodes_dir), *text;
	int rc;

	*run = cache_runs(nodes_dir) + 1;
	text = xasprintf("%lu\n", *run);
	rc = write_file_atomic(path, text, strlen(text), 0644);
	free(text);
	free(path);
	return rc;
}

int cache_mark_used(const char *dir, unsigned long run, double now)
{
	char *path = xasprintf("%s/used", dir),
	     *text = xasprintf("{\"v\":1,\"run\":%lu,\"time\":%lld}\n", run, (long long)now);
	/* Not through a link: a run follows none where it writes (cache_check_links). */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644), rc = 0;
	size_t len = strlen(text);

	if (fd < 0 || write(fd, text, len) != (ssize_t)len)
		rc = error(EC_EXIT_INTERNAL, "%s: cannot write: %s", path, strerror(errno));
	if (fd >= 0 && close(fd) && rc == 0)
		rc = error(EC_EXIT_INTERNAL, "%s: cannot write: %s", path, strerror(errno));
	free(text);
	free(path);
	return rc;
}

void cache_last_used(const char *dir, unsigned long *run, double *time)
{
	char *path = xasprintf("%s/used", dir), *text;
	struct stat st;
	size_t len;
	cJSON *o = NULL;
	const cJSON *r, *t;

	*run = 0;
	*time = 0;
	if (access(path, F_OK) == 0 && read_file(path, &text, &len) == 0) {
		o = cJSON_ParseWithLength(text, len);
		free(text);
	}
	error_clear();
	r = cJSON_GetObjectItemCaseSensitive(o, "run");
	t = cJSON_GetObjectItemCaseSensitive(o, "time");
	if (cJSON_IsNumber(r) && cJSON_IsNumber(t) && r->valuedouble >= 0) {
		*run = (unsigned long)r->valuedouble;
		*time = t->valuedouble;
	} else {
		free(path);
		path = xasprintf("%s/node.json", dir);
		if (stat(path, &st) == 0 || stat(dir, &st) == 0)
			*time = (double)st.st_mtime;
	}
	cJSON_Delete(o);
	free(path);
}

int cache_drop(const char *dir, const char *const *paths)
{
	int rc = 0;

	for (size_t i = 0; paths && paths[i] && rc == 0; i++) {
		char *path = xasprintf("%s/%s", dir, paths[i]);

		rc = remove_tree(path);
		free(path);
	}
	return rc;
}

/*
 * Toolchain dirs are only read, and may link wherever they are installed:
 * they are not checked.
 */
int cache_check_links(const char *cache_dir)
{
	static const struct {
		const char *sub;
		int depth;
	} parts[] = {
		{ "nodes", 2 },
		{ "src", 16 },
		{ "cargo-home", 1 },
		{ "cargo-target", 1 },
	};
	int rc = 0;

	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts) && rc == 0; i++) {
		char *path = xasprintf("%s/%s", cache_dir, parts[i].sub);

		rc = path_check_no_links(path, parts[i].depth);
		free(path);
	}
	return rc;
}
