/*
 * wasm_internal: what wasm.c (the reader), wasm_check.c (facts and
 * findings) and wasm_json.c share. Not part of the library's interface:
 * include/emcompat/wasm.h is the manual.
 */
#ifndef EMCOMPAT_WASM_INTERNAL_H
#define EMCOMPAT_WASM_INTERNAL_H

#include <stddef.h>

#include "emcompat/wasm.h"

/* Zeroed memory owned by M's arena, freed by wasm_module_release(). */
void *wasm_arena_alloc(struct wasm_module *m, size_t n);
/* A NUL-terminated copy of N bytes at S in M's arena. */
char *wasm_arena_strndup(struct wasm_module *m, const void *s, size_t n);
char *wasm_arena_printf(struct wasm_module *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct strbuf;

/* Appends VT as signatures print it: "i32", "funcref", "(ref null func)". */
void wasm_append_valtype(struct strbuf *sb, const struct wasm_valtype *vt);

/* Sets m->facts from what was read (wasm kinds only). */
void wasm_compute_facts(struct wasm_module *m);

/* Whether type T of M has an i64 parameter or result. */
int wasm_functype_has_i64(const struct wasm_module *m, uint32_t t);

/* The function type index of function FUNCIDX (imports first), or -1. */
long wasm_func_type(const struct wasm_module *m, uint32_t funcidx);

#endif
