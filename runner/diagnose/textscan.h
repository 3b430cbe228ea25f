/*
 * textscan: the small text helpers the classifier's readers share (evidence.c,
 * failword.c, logline.c, wasmfeature.c). Every one is bounded by END: logs may hold NUL bytes.
 */
#ifndef EMCOMPAT_TEXTSCAN_H
#define EMCOMPAT_TEXTSCAN_H

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The bytes of a name a tool prints (a crate, a module, a CI section). */
#define NAME_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"

static inline int starts_with(const char *s, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);

	return (size_t)(end - s) >= n && memcmp(s, prefix, n) == 0;
}

/* starts_with in any case */
static inline int starts_with_ci(const char *s, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);

	return (size_t)(end - s) >= n && strncasecmp(s, prefix, n) == 0;
}

/* Whether [S, END) starts with one of the N texts of LIST. */
static inline int starts_with_any(const char *s, const char *end, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (starts_with(s, end, list[i]))
			return 1;
	return 0;
}

static inline const char *find_in(const char *s, const char *end, const char *needle)
{
	return s < end ? memmem(s, (size_t)(end - s), needle, strlen(needle)) : NULL;
}

static inline int is_ident(int c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* The end of the run of bytes of SET at S within END. */
static inline const char *span_of(const char *s, const char *end, const char *set)
{
	while (s < end && *s && strchr(set, *s))
		s++;
	return s;
}

/* Whether [S, END) starts with a source listing's gutter ("12 | ", "| "): quoted source, not a message. */
static inline int is_listing_gutter(const char *s, const char *end)
{
	s = span_of(span_of(s, end, "0123456789"), end, " ");
	return s < end && *s == '|';
}

/* Whether the word [S, S+N) is W, in any case. */
static inline int word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

/* Whether [S, END) ends with TEXT. */
static inline int ends_with(const char *s, const char *end, const char *text)
{
	size_t n = strlen(text);

	return (size_t)(end - s) >= n && memcmp(end - n, text, n) == 0;
}

#endif
