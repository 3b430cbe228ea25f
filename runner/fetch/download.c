#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "emcompat/download.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

/* A metadata document larger than this is not one. */
#define MAX_MEMORY_BODY (256u << 20)

struct xfer {
	struct download *d;
	CURL *easy;
	FILE *fp;            /* the .part file, or NULL for memory */
	char *part;
	struct strbuf body;
	curl_off_t resume_from;
	int attempts;
	double next_start;   /* monotonic seconds; 0 while running or done */
	int running, done;
	char errbuf[CURL_ERROR_SIZE];
	curl_off_t now, total;
	enum ec_exit code;
	char *message;
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init_once(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

static long env_long(const char *name, long def)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return def;
	n = strtol(v, &end, 10);
	return *end || n < 0 ? def : n;
}

void download_opts_default(struct download_opts *o)
{
	o->connect_timeout = 30;
	o->stall_timeout = env_long("EMCOMPAT_FETCH_TIMEOUT", 60);
	if (o->stall_timeout < 1)
		o->stall_timeout = 1;
	o->retries = (int)env_long("EMCOMPAT_FETCH_RETRIES", 3);
	o->progress = isatty(STDERR_FILENO);
}

static size_t on_write(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct xfer *x = arg;
	size_t n = size * nmemb;

	if (!x->fp) {
		if (x->body.len + n > MAX_MEMORY_BODY)
			return 0;
		strbuf_add(&x->body, ptr, n);
		return n;
	}
	return fwrite(ptr, 1, n, x->fp);
}

static int on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	struct xfer *x = arg;

	(void)ultotal;
	(void)ulnow;
	x->now = x->resume_from + dlnow;
	x->total = dltotal ? x->resume_from + dltotal : 0;
	return 0;
}

static int start(struct xfer *x, CURLM *multi, const struct download_opts *o)
{
	struct stat st;

	x->attempts++;
	x->resume_from = 0;
	x->errbuf[0] = '\0';
	if (x->d->path) {
		x->fp = fopen(x->part, "ab");
		if (!x->fp)
			return error(EC_EXIT_INTERNAL, "%s: cannot open: %s", x->part, strerror(errno));
		if (fstat(fileno(x->fp), &st) == 0)
			x->resume_from = st.st_size;
	} else {
		strbuf_release(&x->body);
	}
	x->easy = curl_easy_init();
	if (!x->easy)
		return error(EC_EXIT_INTERNAL, "cannot create a curl handle");
	curl_easy_setopt(x->easy, CURLOPT_URL, x->d->url);
	curl_easy_setopt(x->easy, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(x->easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(x->easy, CURLOPT_MAXREDIRS, 10L);
	curl_easy_setopt(x->easy, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(x->easy, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(x->easy, CURLOPT_USERAGENT, "emcompat/" EMCOMPAT_VERSION);
	curl_easy_setopt(x->easy, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(x->easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(x->easy, CURLOPT_LOW_SPEED_TIME, o->stall_timeout);
	curl_easy_setopt(x->easy, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(x->easy, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(x->easy, CURLOPT_XFERINFODATA, x);
	curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(x->easy, CURLOPT_PRIVATE, x);
	/* Compressed transfer only for documents: a Range is about the stored bytes. */
	if (!x->d->path)
		curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, "");
	if (x->resume_from > 0)
		curl_easy_setopt(x->easy, CURLOPT_RESUME_FROM_LARGE, x->resume_from);
	if (curl_multi_add_handle(multi, x->easy) != CURLM_OK)
		return error(EC_EXIT_INTERNAL, "%s: cannot start the transfer", x->d->url);
	x->running = 1;
	x->next_start = 0;
	return 0;
}

static int retriable(CURLcode rc, long status)
{
	if (rc == CURLE_HTTP_RETURNED_ERROR)
		return status == 408 || status == 429 || status >= 500;
	return rc == CURLE_COULDNT_CONNECT || rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_RANGE_ERROR ||
	       rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR ||
	       rc == CURLE_GOT_NOTHING || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_SSL_CONNECT_ERROR;
}

static void set_failure(struct xfer *x, enum ec_exit code, char *message)
{
	free(x->message);
	x->code = code;
	x->message = message;
}

/* One attempt ended with RC: finish it, or schedule the next attempt. */
static int finish(struct xfer *x, CURLM *multi, CURLcode rc, const struct download_opts *o)
{
	long status = 0;
	int fclose_failed = 0;
	struct stat st;

	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
	x->d->status = status;
	curl_multi_remove_handle(multi, x->easy);
	curl_easy_cleanup(x->easy);
	x->easy = NULL;
	x->running = 0;
	if (x->fp) {
		fclose_failed = fclose(x->fp) != 0;
		x->fp = NULL;
	}
	if (rc == CURLE_OK && fclose_failed)
		return error(EC_EXIT_INTERNAL, "%s: cannot write: %s", x->part, strerror(errno));
	if (rc == CURLE_OK) {
		if (x->d->path && rename(x->part, x->d->path) != 0)
			return error(EC_EXIT_INTERNAL, "%s: cannot rename: %s", x->part, strerror(errno));
		if (!x->d->path) {
			x->d->len = x->body.len;
			x->d->data = strbuf_detach(&x->body);
		}
		x->done = 1;
		return 0;
	}
	if ((rc == CURLE_HTTP_RETURNED_ERROR && status == 416) || rc == CURLE_RANGE_ERROR) {
		/* The .part is no prefix of this file, or the server cannot send a
		 * range: start over, as a retry. */
		unlink(x->part);
		rc = CURLE_RANGE_ERROR;
	}
	if (rc == CURLE_HTTP_RETURNED_ERROR)
		set_failure(x, status == 404 || status == 410 ? EC_EXIT_INPUT : EC_EXIT_INTERNAL,
			    xasprintf("%s: HTTP %ld%s", x->d->url, status,
				      status == 404 || status == 410 ? " (not found)" : ""));
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		set_failure(x, EC_EXIT_INTERNAL,
			    xasprintf("%s: %s (no data for %ld s; EMCOMPAT_FETCH_TIMEOUT sets it)", x->d->url,
				      x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc), o->stall_timeout));
	else
		set_failure(x, EC_EXIT_INTERNAL,
			    xasprintf("%s: %s", x->d->url, x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc)));
	if (x->attempts <= o->retries && retriable(rc, status)) {
		double delay = 0.5 * (double)(1 << (x->attempts - 1 < 4 ? x->attempts - 1 : 4));

		x->next_start = time_monotonic() + delay;
		return 0;
	}
	x->d->failed = 1;
	x->done = 1;
	/* Keep a .part only when it holds something to resume. */
	if (x->d->path && stat(x->part, &st) == 0 && st.st_size == 0)
		unlink(x->part);
	return 0;
}

static void draw_progress(const struct xfer *x, size_t n, int *drawn)
{
	double now = 0, total = 0;
	size_t running = 0;

	for (size_t i = 0; i < n; i++) {
		if (!x[i].d->path)
			continue;
		now += (double)x[i].now;
		total += (double)(x[i].total > x[i].now ? x[i].total : x[i].now);
		running += !x[i].done;
	}
	if (!running)
		return;
	fprintf(stderr, "\r\033[Kdownloading %zu file%s: %.1f of %.1f MiB", running, running == 1 ? "" : "s",
		now / 1048576.0, total / 1048576.0);
	*drawn = 1;
}

int download_run(struct download *d, size_t n, const struct download_opts *o)
{
	struct xfer *x = xcalloc(n ? n : 1, sizeof(*x));
	CURLM *multi;
	size_t left = n;
	int rc = 0, drawn = 0;
	double last_draw = 0;

	pthread_once(&curl_once, curl_init_once);
	multi = curl_multi_init();
	if (!multi) {
		free(x);
		return error(EC_EXIT_INTERNAL, "cannot create a curl multi handle");
	}
	for (size_t i = 0; i < n; i++) {
		x[i].d = &d[i];
		d[i].failed = 0;
		d[i].status = 0;
		if (d[i].path)
			x[i].part = xasprintf("%s.part", d[i].path);
		x[i].next_start = 1;  /* due now */
	}
	while (left && rc == 0) {
		double now = time_monotonic(), wait = 1.0;
		int still;
		CURLMsg *msg;

		for (size_t i = 0; i < n && rc == 0; i++) {
			if (x[i].done || x[i].running)
				continue;
			if (x[i].next_start <= now)
				rc = start(&x[i], multi, o);
			else if (x[i].next_start - now < wait)
				wait = x[i].next_start - now;
		}
		if (rc)
			break;
		if (curl_multi_perform(multi, &still) != CURLM_OK) {
			rc = error(EC_EXIT_INTERNAL, "curl_multi_perform failed");
			break;
		}
		while ((msg = curl_multi_info_read(multi, &still))) {
			struct xfer *t;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
			if (finish(t, multi, msg->data.result, o))
				rc = -1;
			if (t->done)
				left--;
		}
		if (o->progress && now - last_draw >= 0.2) {
			draw_progress(x, n, &drawn);
			last_draw = now;
		}
		if (left && rc == 0)
			curl_multi_poll(multi, NULL, 0, (int)(wait * 1000) + 1, NULL);
	}
	if (drawn)
		fputs("\r\033[K", stderr);
	for (size_t i = 0; i < n; i++) {
		if (x[i].easy) {
			curl_multi_remove_handle(multi, x[i].easy);
			curl_easy_cleanup(x[i].easy);
		}
		if (x[i].fp)
			fclose(x[i].fp);
		if (rc == 0 && d[i].failed && x[i].message)
			rc = error(x[i].code, "%s", x[i].message);
		free(x[i].message);
		free(x[i].part);
		strbuf_release(&x[i].body);
	}
	curl_multi_cleanup(multi);
	free(x);
	return rc;
}

int download_get(const char *url, const struct download_opts *o, char **out, size_t *len)
{
	struct download d = { .url = url };

	if (download_run(&d, 1, o)) {
		free(d.data);
		return -1;
	}
	*out = d.data ? d.data : xstrdup("");
	*len = d.len;
	return 0;
}
