/*
 * check.h: the unit tests' assertions. A failed check prints where and
 * why and marks the test failed; the test goes on, so one run shows every
 * failure. main() ends with `return check_done();`.
 */
#ifndef EMCOMPAT_CHECK_H
#define EMCOMPAT_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		check_count++;                                                                   \
		if (!(cond)) {                                                                   \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			check_failures++;                                                        \
		}                                                                                \
	} while (0)

#define CHECK_INT(a, b)                                                                                        \
	do {                                                                                                   \
		long long a_ = (long long)(a), b_ = (long long)(b);                                            \
		check_count++;                                                                                 \
		if (a_ != b_) {                                                                                \
			fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_); \
			check_failures++;                                                                      \
		}                                                                                              \
	} while (0)

#define CHECK_STR(a, b)                                                                                   \
	do {                                                                                              \
		const char *a_ = (a), *b_ = (b);                                                          \
		check_count++;                                                                            \
		if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                  \
			fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
				a_ ? a_ : "(null)", b_ ? b_ : "(null)");                                  \
			check_failures++;                                                                 \
		}                                                                                         \
	} while (0)

/* HAYSTACK contains NEEDLE. */
#define CHECK_HAS(haystack, needle)                                                                    \
	do {                                                                                           \
		const char *h_ = (haystack), *n_ = (needle);                                           \
		check_count++;                                                                         \
		if (!h_ || !strstr(h_, n_)) {                                                          \
			fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__, \
				h_ ? h_ : "(null)", n_);                                               \
			check_failures++;                                                              \
		}                                                                                      \
	} while (0)

static inline int check_done(void)
{
	printf("%d checks, %d failed\n", check_count, check_failures);
	return check_failures ? 1 : 0;
}

#endif
