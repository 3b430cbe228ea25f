/*
 * wasm_inspect: the readers' entry point. Tells a wasm file, an ar archive
 * and LLVM bitcode apart by their magic and hands the bytes to that
 * reader. See include/emcompat/wasm.h.
 */
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "bitcode.h"
#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "wasm_internal.h"

static int read_module(struct wasm_module *m, const char *label, const uint8_t *p, size_t len)
{
	wasm_module_init(m, label, len);
	if (len >= 4 && memcmp(p, "\0asm", 4) == 0)
		return wasm_read(m, m->path, p, len, 0);
	if (len >= 8 && memcmp(p, "!<arch>\n", 8) == 0)
		return ar_read(m, m->path, p, len, 0);
	if (len >= 8 && memcmp(p, "!<thin>\n", 8) == 0)
		return error(EC_EXIT_INPUT,
			     "%s: offset 0x0: a thin archive (its members are separate files): not supported", label);
	if (bitcode_is_raw(p, len) || bitcode_is_wrapped(p, len))
		return bitcode_read_file(m, m->path, p, len, 0);
	return error(EC_EXIT_INPUT,
		     "%s: offset 0x0: not a wasm file, LLVM bitcode or ar archive "
		     "(expected \"\\0asm\", 'BC' 0xC0DE, 0x0B17C0DE or \"!<arch>\")",
		     label);
}

int wasm_inspect_buffer(const char *label, const uint8_t *data, size_t len, struct wasm_module *out)
{
	int rc = read_module(out, label, data, len);

	if (rc)
		wasm_module_release(out);
	return rc;
}

int wasm_inspect_file(const char *path, struct wasm_module *out)
{
	char *data;
	size_t len;
	int rc;

	memset(out, 0, sizeof(*out));
	if (read_file(path, &data, &len))
		return -1;
	rc = wasm_inspect_buffer(path, (const uint8_t *)data, len, out);
	free(data);
	return rc;
}
