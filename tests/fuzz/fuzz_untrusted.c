/*
 * fuzz_untrusted: libFuzzer target over the sanitiser of untrusted text
 * (untrusted.c), with each sink's promise checked on its output:
 *   terminal  UTF-8, no C0 control but tab and newline, no DEL, no C1
 *             (so no ESC or BEL: no escape sequence can reach a terminal);
 *   Markdown  one line, no control; either text of the plain set with no
 *             "www." or "://", or one code span whose fence is longer than
 *             any backtick run inside and in which every "|" is escaped
 *             (so no link, image, HTML, emphasis or column break forms);
 *   XML       UTF-8 of XML 1.0 characters only, no DEL or C1;
 *   UTF-8     valid UTF-8; JSON on a terminal: no DEL or C1.
 * A crash, a sanitizer report, a leak or a broken promise is a bug.
 *
 *   build-fuzz/tests/fuzz_untrusted -dict=tests/fuzz/untrusted.dict tests/fuzz/corpus/untrusted
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/untrusted.h"
#include "emcompat/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ELLIPSIS "…"

/* The code point of the UTF-8 character at S (N bytes) into *CP and its length; aborts when invalid. */
static size_t next_char(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len = s[0] < 0x80             ? 1
		     : (s[0] & 0xE0) == 0xC0 ? 2
		     : (s[0] & 0xF0) == 0xE0 ? 3
		     : (s[0] & 0xF8) == 0xF0 ? 4
					     : 0;
	static const unsigned long min[] = { 0, 0, 0x80, 0x800, 0x10000 };

	if (!len || len > n)
		abort();
	*cp = len == 1 ? s[0] : s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			abort();
		*cp = *cp << 6 | (s[i] & 0x3F);
	}
	if (*cp < min[len] || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		abort();
	return len;
}

/* S (N bytes) is UTF-8 without C1 or DEL, and without C0 unless ALLOWED lists it. */
static void check_text(const char *s, size_t n, const char *allowed)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		unsigned long cp;

		i += next_char(p + i, n - i, &cp);
		if ((cp < 0x20 && !(cp && strchr(allowed, (int)cp))) || (cp >= 0x7F && cp <= 0x9F))
			abort();
	}
}

static int has_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

static int alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* S is one Markdown inline run that forms nothing: see the top. */
static void check_md(const char *s)
{
	size_t n = strlen(s), fence = 0, run = 0;

	check_text(s, n, "");
	if (n >= strlen(ELLIPSIS) && strcmp(s + n - strlen(ELLIPSIS), ELLIPSIS) == 0)
		n -= strlen(ELLIPSIS);
	if (!n)
		return;
	if (s[0] != '`') {
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];

			if (!(alnum((char)c) || c >= 0x80 || strchr(" .,-+=/:", c) ||
			      (c == '_' && i && i + 1 < n && alnum(s[i - 1]) && alnum(s[i + 1]))))
				abort();
		}
		if (has_ci(s, n, "www.") || has_ci(s, n, "://"))
			abort();
		return;
	}
	while (fence < n && s[fence] == '`')
		fence++;
	if (n < 2 * fence + 1 || strspn(s + n - fence, "`") != fence || s[n - fence - 1] == '`')
		abort();
	for (size_t i = fence; i < n - fence; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run >= fence)
			abort();
		if (s[i] == '|' && s[i - 1] != '\\')
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	char *str = xstrndup(text, size);  /* up to the first NUL, for the string forms */
	struct strbuf sb = { 0 };

	untrusted_term_add(&sb, text, size);
	check_text(sb.buf ? sb.buf : "", sb.len, "\t\n");
	check_text(untrusted_term(&sb, str), strlen(untrusted_term(&sb, str)), "\t\n");
	strbuf_release(&sb);

	for (int code = 0; code < 2; code++)
		for (size_t max = 1; max <= 4096; max *= 8) {
			if (code)
				untrusted_md_code_add(&sb, str, max);
			else
				untrusted_md_add(&sb, str, max);
			check_md(strbuf_str(&sb));
			strbuf_release(&sb);
		}

	untrusted_xml_add(&sb, text, size);
	check_text(sb.buf ? sb.buf : "", sb.len, "\t\n\r");
	strbuf_release(&sb);

	untrusted_utf8_add(&sb, text, size);
	for (size_t i = 0; i < sb.len;) {
		unsigned long cp;

		i += next_char((const unsigned char *)sb.buf + i, sb.len - i, &cp);
	}
	strbuf_release(&sb);

	untrusted_json_add(&sb, str);
	check_text(strbuf_str(&sb), sb.len,
		   "\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
		   "\x1b\x1c\x1d\x1e\x1f");
	strbuf_release(&sb);
	free(str);
	return 0;
}
