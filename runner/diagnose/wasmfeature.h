/*
 * wasmfeature: which WebAssembly features a message names (wasmfeature.c):
 * their names in prose and in flags, and what engines, decoders and binaryen
 * print for an opcode, a type byte or a limits flag they refuse. Internal to
 * the classifier (runner/diagnose/).
 */
#ifndef EMCOMPAT_WASMFEATURE_H
#define EMCOMPAT_WASMFEATURE_H

#include <stddef.h>

/* The most features one message is taken to name. */
#define WASMFEATURE_MAX 16

/*
 * Stores in NAMES[0..WASMFEATURE_MAX) the features the NUL-terminated TEXT
 * (one line of a log) names, each once, as the classifier's feature names
 * ("exception-handling", "simd128", "gc", ...; static strings) and returns
 * how many.
 */
size_t wasmfeature_names(const char *text, const char **names);

#endif
