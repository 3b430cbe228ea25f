/*
 * wasm_internal: what the readers (wasm.c, bitcode.c, ar.c, wasm_inspect.c)
 * share through wasm_module.c, and the pieces of the wasm reader that the
 * checks (wasm_check.c) and the JSON form (wasm_json.c) use. Not part of
 * the library's interface: include/emcompat/wasm.h is the manual.
 */
#ifndef EMCOMPAT_WASM_INTERNAL_H
#define EMCOMPAT_WASM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "emcompat/wasm.h"

/* Zeroed memory owned by M's arena, freed by wasm_module_release(). */
void *wasm_arena_alloc(struct wasm_module *m, size_t n);
/* COUNT zeroed items of SIZE bytes in M's arena. */
void *wasm_arena_array(struct wasm_module *m, size_t count, size_t size);
/* A NUL-terminated copy of N bytes at S in M's arena. */
char *wasm_arena_strndup(struct wasm_module *m, const void *s, size_t n);
char *wasm_arena_printf(struct wasm_module *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Zeroes *M and names it LABEL (a copy), LEN bytes long: before any reader. */
void wasm_module_init(struct wasm_module *m, const char *label, size_t len);

/* error(EC_EXIT_INPUT, "LABEL: offset 0x..: ..."), OFFSET absolute; -1. */
int wasm_error_at(const char *label, size_t offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * The wasm reader: reads the wasm binary in the LEN bytes at P into M (set
 * up by wasm_module_init()); BASE is the absolute offset of P[0]. Returns
 * 0, or -1 with error(EC_EXIT_INPUT, "LABEL: offset 0x..: ...").
 */
int wasm_read(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base);

struct strbuf;

/* Appends VT as signatures print it: "i32", "funcref", "(ref null func)". */
void wasm_append_valtype(struct strbuf *sb, const struct wasm_valtype *vt);

/* The function type index of function FUNCIDX (imports first), or -1. */
long wasm_func_type(const struct wasm_module *m, uint32_t funcidx);

#endif
