/*
 * bitcode: the LLVM bitcode reader, for the other readers (wasm.c reads an
 * object's .llvmbc section with it, ar.c bitcode members, wasm_inspect.c
 * bitcode files). Not part of the library's interface:
 * include/emcompat/wasm.h is the manual (struct wasm_bitcode).
 */
#ifndef EMCOMPAT_BITCODE_H
#define EMCOMPAT_BITCODE_H

#include <stddef.h>
#include <stdint.h>

#include "emcompat/wasm.h"

/* Whether the LEN bytes at P start with 'BC' 0xC0DE (raw bitcode). */
int bitcode_is_raw(const uint8_t *p, size_t len);

/* Whether the LEN bytes at P start with the wrapper magic 0x0B17C0DE. */
int bitcode_is_wrapped(const uint8_t *p, size_t len);

/*
 * Reads the bitcode (raw or wrapped) in the LEN bytes at P into
 * m->bitcode; BASE is the absolute offset of P[0] and LABEL names the
 * file in messages. Returns 0, or -1 with error(EC_EXIT_INPUT, "LABEL:
 * offset 0x..: ...").
 */
int bitcode_read(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base);

/*
 * The same for a whole bitcode file or archive member: also sets m->kind
 * to WASM_KIND_BITCODE and m->kind_reason. M was set up by
 * wasm_module_init().
 */
int bitcode_read_file(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base);

#endif
