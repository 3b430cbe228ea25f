/*
 * bench: what every benchmark needs. Header only: the benchmarks are
 * separate programs linked with the library, and this is not the library's.
 */
#ifndef EMCOMPAT_BENCH_H
#define EMCOMPAT_BENCH_H

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

#endif
