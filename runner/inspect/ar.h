/*
 * ar: the ar archive reader, for wasm_inspect.c. Not part of the library's
 * interface: include/emcompat/wasm.h is the manual (struct wasm_member).
 */
#ifndef EMCOMPAT_AR_H
#define EMCOMPAT_AR_H

#include <stddef.h>
#include <stdint.h>

#include "emcompat/wasm.h"

/*
 * Reads the ar archive (after its "!<arch>\n" magic) in the LEN bytes at P
 * into M (set up by wasm_module_init()): its members, and the wasm and
 * bitcode ones as modules of their own. BASE is the absolute offset of
 * P[0] and LABEL names the file in messages. Returns 0, or -1 with
 * error(EC_EXIT_INPUT, "LABEL: offset 0x..: ...") and the members read so
 * far left in M (wasm_module_release() frees them).
 */
int ar_read(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base);

#endif
