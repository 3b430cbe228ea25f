/*
 * wasm_module: what the wasm, bitcode and ar readers share: the module's
 * arena and lifecycle, the error that names a file and an offset, and the
 * names of the module's kinds and facts. include/emcompat/wasm.h is the
 * manual.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "wasm_internal.h"

/* ---- arena ------------------------------------------------------------ */

struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
};

#define CHUNK_MIN (64 * 1024)

void *wasm_arena_alloc(struct wasm_module *m, size_t n)
{
	struct chunk *c = m->arena_;
	size_t a = sizeof(max_align_t);

	n = (n + a - 1) / a * a;
	if (!n)
		n = a;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK_MIN ? n : CHUNK_MIN;
		struct chunk *fresh = xmalloc(sizeof(*fresh) + cap);

		fresh->used = 0;
		fresh->cap = cap;
		/* A big block gets its own chunk behind the current one, so the
		 * current one's free space is not wasted. */
		if (c && cap == n) {
			fresh->next = c->next;
			c->next = fresh;
		} else {
			fresh->next = c;
			m->arena_ = fresh;
		}
		c = fresh;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *wasm_arena_strndup(struct wasm_module *m, const void *s, size_t n)
{
	char *p = wasm_arena_alloc(m, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *wasm_arena_printf(struct wasm_module *m, const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	va_list ap;
	char *p;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	p = wasm_arena_strndup(m, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return p;
}

void *wasm_arena_array(struct wasm_module *m, size_t count, size_t size)
{
	/* Counts were checked against the bytes left, so this cannot overflow
	 * for any input that fits in memory; keep the check anyway. */
	if (size && count > ((size_t)-1) / size / 2)
		abort();
	return wasm_arena_alloc(m, count * size);
}

void wasm_module_release(struct wasm_module *m)
{
	struct chunk *c = m->arena_;

	for (size_t i = 0; i < m->nmembers; i++) {
		if (m->members[i].module) {
			wasm_module_release(m->members[i].module);
			free(m->members[i].module);
		}
	}
	while (c) {
		struct chunk *next = c->next;

		free(c);
		c = next;
	}
	memset(m, 0, sizeof(*m));
}

void wasm_module_init(struct wasm_module *m, const char *label, size_t len)
{
	memset(m, 0, sizeof(*m));
	m->path = wasm_arena_strndup(m, label, strlen(label));
	m->file_size = len;
}

int wasm_error_at(const char *label, size_t offset, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return error(EC_EXIT_INPUT, "%s: offset 0x%zx: %s", label, offset, msg);
}

/* ---- names of things -------------------------------------------------- */

const char *wasm_kind_name(enum wasm_kind kind)
{
	static const char *const names[] = {
		"object", "side_module", "main_module", "module", "bitcode", "archive",
	};

	return (unsigned)kind < sizeof(names) / sizeof(*names) ? names[kind] : "unknown";
}

const char *wasm_eh_name(enum wasm_eh eh)
{
	static const char *const names[] = { "none", "js", "wasm", "mixed" };

	return (unsigned)eh < sizeof(names) / sizeof(*names) ? names[eh] : "unknown";
}

const char *wasm_bigint_name(enum wasm_bigint b)
{
	static const char *const names[] = { "unknown", "on", "off" };

	return (unsigned)b < sizeof(names) / sizeof(*names) ? names[b] : "unknown";
}
