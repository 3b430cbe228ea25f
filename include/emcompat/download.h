/*
 * download: HTTP(S) downloads with libcurl, several at once on one multi
 * handle, for the toolchain store (fetch.h).
 *
 * Every transfer: HTTPS with the peer and host verified (libcurl's
 * defaults, set explicitly), http and https only (also across redirects,
 * which are followed), the proxy variables libcurl reads (http_proxy,
 * https_proxy, HTTPS_PROXY, no_proxy, ALL_PROXY) honoured, a connect
 * timeout and a stall timeout (less than 1 byte/s for that long ends the
 * attempt), retries with exponential backoff (0.5 s, 1 s, 2 s, ... at most
 * 8 s) after a network error, a stall, HTTP 408, 429 or 5xx. Other HTTP
 * errors are final: 404 and 410 are bad input (EC_EXIT_INPUT: the version
 * asked for does not exist there), the rest EC_EXIT_INTERNAL.
 *
 * A download to a file goes to PATH.part first. A later attempt, or a
 * later process, resumes a .part with a Range request; when the server
 * cannot send a range (200 instead of 206), or answers 416 (the .part is
 * no prefix of the file), the .part is discarded and the next attempt
 * starts over.
 * On success PATH.part is renamed to PATH. A failed download leaves its
 * .part for the next attempt to resume.
 *
 * On a terminal (opts.progress) one line on stderr shows the bytes of all
 * running transfers; it is cleared when they end.
 */
#ifndef EMCOMPAT_DOWNLOAD_H
#define EMCOMPAT_DOWNLOAD_H

#include <stddef.h>

struct download_opts {
	long connect_timeout;  /* seconds */
	long stall_timeout;    /* seconds below 1 byte/s */
	int retries;           /* attempts after the first */
	int progress;          /* draw the progress line */
};

/*
 * The defaults: connect 30 s, stall $EMCOMPAT_FETCH_TIMEOUT or 60 s,
 * retries $EMCOMPAT_FETCH_RETRIES or 3, progress when stderr is a TTY.
 */
void download_opts_default(struct download_opts *o);

struct download {
	const char *url;    /* borrowed */
	const char *path;   /* borrowed: where the body goes; NULL: into DATA */
	char *data;         /* owned by the caller after the run: the body when PATH is NULL */
	size_t len;
	long status;        /* the last HTTP status (0: none) */
	int failed;         /* set when this one failed */
};

/*
 * Runs the N downloads of D concurrently. Returns 0 when all succeeded;
 * -1 with error() naming the URL of the first that failed ("URL: HTTP 404",
 * "URL: Timeout was reached (no data for 60 s)", ...) after all ended.
 */
int download_run(struct download *d, size_t n, const struct download_opts *o);

/* One download of URL into memory (*OUT NUL-terminated, caller frees). 0 or -1. */
int download_get(const char *url, const struct download_opts *o, char **out, size_t *len);

#endif
