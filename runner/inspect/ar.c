/*
 * ar: the reader of ar archives (.a, .rlib): GNU and BSD member names, the
 * symbol table and Rust metadata by name, and wasm and bitcode members
 * read as modules of their own by the wasm and bitcode readers. See
 * include/emcompat/wasm.h.
 */
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "bitcode.h"
#include "emcompat/json.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "wasm_internal.h"

const char *wasm_member_kind_name(enum wasm_member_kind kind)
{
	static const char *const names[] = { "symtab", "rmeta", "wasm", "bitcode", "other" };

	return (unsigned)kind < sizeof(names) / sizeof(*names) ? names[kind] : "unknown";
}

static int parse_decimal(const uint8_t *p, size_t n, size_t *out)
{
	size_t v = 0, i = 0;

	while (i < n && p[i] == ' ')
		i++;
	if (i == n || p[i] < '0' || p[i] > '9')
		return -1;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
		if (v > ((size_t)-1 - 9) / 10)
			return -1;
		v = v * 10 + (size_t)(p[i] - '0');
	}
	for (; i < n; i++)
		if (p[i] != ' ')
			return -1;
	*out = v;
	return 0;
}

static int has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* AT: the absolute offset of the member's header. */
static int member_name_ok(const char *label, size_t at, const uint8_t *name, size_t n)
{
	if (n == 0)
		return wasm_error_at(label, at, "archive member with an empty name");
	if (utf8_valid_prefix((const char *)name, n) < n || memchr(name, 0, n))
		return wasm_error_at(label, at, "archive member name is not valid UTF-8");
	return 0;
}

/* A wasm or bitcode member, read as a module of its own. */
static int read_member(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base)
{
	wasm_module_init(m, label, len);
	if (p[0] == 0)
		return wasm_read(m, m->path, p, len, base);
	return bitcode_read_file(m, m->path, p, len, base);
}

int ar_read(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base)
{
	size_t pos = 8;
	const uint8_t *longnames = NULL;
	size_t nlongnames = 0, cap = 0;
	struct wasm_member *list = NULL;
	size_t nlist = 0;
	int rc = -1;

	m->kind = WASM_KIND_ARCHIVE;
	m->kind_reason = "starts with the ar magic \"!<arch>\"";
	m->file_size = len;
	while (pos < len) {
		const uint8_t *h = p + pos, *name;
		size_t at = pos, size, data, nname;
		struct wasm_member *mb;
		const char *mname;

		if (len - pos == 1 && p[pos] == '\n')
			break;  /* a final padding byte */
		if (len - pos < 60) {
			wasm_error_at(label, base + at, "truncated archive member header: %zu of 60 bytes", len - pos);
			goto out;
		}
		if (h[58] != '`' || h[59] != '\n') {
			wasm_error_at(label, base + at + 58, "archive member header does not end with \"`\\n\"");
			goto out;
		}
		if (parse_decimal(h + 48, 10, &size)) {
			wasm_error_at(label, base + at + 48, "archive member size \"%.10s\" is not a decimal number",
				      (const char *)h + 48);
			goto out;
		}
		data = at + 60;
		if (size > len - data) {
			wasm_error_at(
				label, base + at,
				"archive member \"%.16s\" runs past the end of the file (size 0x%zx, 0x%zx bytes left)",
				(const char *)h, size, len - data);
			goto out;
		}
		pos = data + size + (size & 1);
		if (pos > len)
			pos = len;  /* some tools leave out the last padding byte */
		name = h;
		nname = 16;
		while (nname && name[nname - 1] == ' ')
			nname--;
		if (nname == 2 && memcmp(name, "//", 2) == 0) {  /* GNU long name table */
			longnames = p + data;
			nlongnames = size;
			continue;
		}
		if (nname > 3 && memcmp(name, "#1/", 3) == 0) {  /* BSD: the name opens the data */
			size_t n;

			if (parse_decimal(name + 3, nname - 3, &n) || n > size) {
				wasm_error_at(
					label, base + at,
					"BSD archive member name length \"%.*s\" is not a number within the member",
					(int)(nname - 3), (const char *)name + 3);
				goto out;
			}
			name = p + data;
			nname = n;
			while (nname && name[nname - 1] == '\0')
				nname--;
			data += n;
			size -= n;
		} else if (nname > 1 && name[0] == '/' && name[1] >= '0' && name[1] <= '9') {
			size_t off, end;

			if (parse_decimal(name + 1, nname - 1, &off)) {
				wasm_error_at(label, base + at,
					      "GNU archive long name reference \"%.*s\" is not a number", (int)nname,
					      (const char *)name);
				goto out;
			}
			if (!longnames || off >= nlongnames) {
				wasm_error_at(label, base + at,
					      "GNU archive long name /%zu is outside the name table (%zu bytes)", off,
					      nlongnames);
				goto out;
			}
			for (end = off; end < nlongnames && longnames[end] != '\n'; end++)
				;
			name = longnames + off;
			nname = end - off;
			if (nname && name[nname - 1] == '/')
				nname--;
		} else if (!(nname == 1 && name[0] == '/') && !(nname == 7 && memcmp(name, "/SYM64/", 7) == 0)) {
			if (nname > 1 && name[nname - 1] == '/')
				nname--;  /* GNU short names end with '/' */
		}
		if (member_name_ok(label, base + at, name, nname))
			goto out;
		mname = wasm_arena_strndup(m, name, nname);
		xgrow(&list, &cap, nlist + 1, sizeof(*list));
		mb = &list[nlist++];
		memset(mb, 0, sizeof(*mb));
		mb->name = mname;
		mb->offset = base + data;
		mb->size = size;
		if (strcmp(mname, "/") == 0 || strcmp(mname, "/SYM64/") == 0 || has_prefix(mname, "__.SYMDEF")) {
			mb->kind = WASM_MEMBER_SYMTAB;
		} else if (strcmp(mname, "lib.rmeta") == 0 || strcmp(mname, "rust.metadata.bin") == 0) {
			mb->kind = WASM_MEMBER_RMETA;
		} else if ((size >= 4 && memcmp(p + data, "\0asm", 4) == 0) || bitcode_is_raw(p + data, size) ||
			   bitcode_is_wrapped(p + data, size)) {
			char *mlabel = wasm_arena_printf(m, "%s(%s)", label, mname);

			mb->kind = p[data] == 0 ? WASM_MEMBER_WASM : WASM_MEMBER_BITCODE;
			mb->module = xcalloc(1, sizeof(*mb->module));
			if (read_member(mb->module, mlabel, p + data, size, base + data))
				goto out;
		} else {
			mb->kind = WASM_MEMBER_OTHER;
		}
	}
	rc = 0;
out:
	m->members = wasm_arena_array(m, nlist, sizeof(*m->members));
	if (nlist)
		memcpy(m->members, list, nlist * sizeof(*list));
	m->nmembers = nlist;
	free(list);
	return rc;
}
