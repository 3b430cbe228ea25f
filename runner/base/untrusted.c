#include <string.h>

#include "emcompat/untrusted.h"

#define REPLACEMENT "\xEF\xBF\xBD"

/* The length of the UTF-8 character at S (N bytes left) and its code point, or 0 when invalid. */
static size_t utf8_char(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len;
	unsigned long min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, min = 0x80, *cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, min = 0x800, *cp = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, min = 0x10000, *cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return len;
}

size_t untrusted_csi_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 2;

	if (n < 3 || p[0] != 0x1B || p[1] != '[')
		return 0;
	while (i < n && p[i] >= 0x30 && p[i] <= 0x3F)
		i++;
	while (i < n && p[i] >= 0x20 && p[i] <= 0x2F)
		i++;
	return i < n && p[i] >= 0x40 && p[i] <= 0x7E ? i + 1 : 0;
}

static void add_hex(struct strbuf *sb, const char *prefix, unsigned c)
{
	static const char hex[] = "0123456789abcdef";

	strbuf_addstr(sb, prefix);
	strbuf_addch(sb, hex[c >> 4 & 0xF]);
	strbuf_addch(sb, hex[c & 0xF]);
}

/* The visible form of C0 control or DEL C. */
static void add_control(struct strbuf *sb, unsigned c)
{
	static const char named[][3] = {
		[0x07] = "\\a", [0x08] = "\\b", [0x0B] = "\\v", [0x0C] = "\\f", [0x0D] = "\\r", [0x1B] = "\\e",
	};

	if (c < sizeof(named) / sizeof(*named) && named[c][0])
		strbuf_addstr(sb, named[c]);
	else
		add_hex(sb, "\\x", c);
}

/*
 * Whether CP is a bidirectional control or an invisible format character:
 * shown raw, it reorders or hides the text around it ("Trojan Source"), so
 * a log line could read as something it is not.
 */
static int hidden_format(unsigned long cp)
{
	return cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

/* Whether code point CP is shown on a terminal as it is (tab and newline aside). */
static int shown_raw(unsigned long cp)
{
	return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && !hidden_format(cp));
}

/*
 * The terminal form of S (N bytes); SPACES: tab, CR and newline become
 * spaces (one line of a table), else tab and newline stay.
 */
static void add_escaped(struct strbuf *sb, const char *s, size_t n, int spaces)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_char(p + i, n - i, &cp);

		if (!len) {
			add_hex(sb, "\\x", p[i]);
			i++;
			continue;
		}
		if (spaces && (cp == '\t' || cp == '\n' || cp == '\r'))
			strbuf_addch(sb, ' ');
		else if (cp == '\t' || cp == '\n' || shown_raw(cp))
			strbuf_add(sb, p + i, len);
		else if (cp < 0x80)
			add_control(sb, (unsigned)cp);
		else if (cp < 0x100)
			add_hex(sb, "\\u00", (unsigned)cp);
		else {
			add_hex(sb, "\\u", (unsigned)(cp >> 8));
			add_hex(sb, "", (unsigned)(cp & 0xFF));
		}
		i += len;
	}
}

void untrusted_term_add(struct strbuf *sb, const char *s, size_t n)
{
	add_escaped(sb, s, n, 0);
}

/* Whether S (N bytes) is shown on a terminal as it is. */
static int term_plain(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		unsigned long cp;
		size_t len = utf8_char(p + i, n - i, &cp);

		if (!len || !(cp == '\t' || cp == '\n' || shown_raw(cp)))
			return 0;
		i += len;
	}
	return 1;
}

const char *untrusted_term(struct strbuf *sb, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (!s || term_plain(s, n))
		return s ? s : "";
	sb->len = 0;
	strbuf_add(sb, "", 0);
	untrusted_term_add(sb, s, n);
	return strbuf_str(sb);
}

int untrusted_term_fputs(const char *s, FILE *out)
{
	struct strbuf sb = { 0 };
	int rc = fputs(untrusted_term(&sb, s), out);

	strbuf_release(&sb);
	return rc;
}

/* How many bytes of S (N bytes) are shown when at most MAX are: never a part of a character. */
static size_t shown_len(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int has_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;

		while (j < k && (s[i + j] | 0x20) == needle[j])
			j++;
		if (j == k)
			return 1;
	}
	return 0;
}

/*
 * Whether the one-line, escaped text T (N bytes) forms nothing in
 * Markdown: see the header. "www." and "://" start GitHub's autolinks; "_"
 * between letters or digits never opens emphasis.
 */
static int md_plain(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if (is_alnum(c) || c >= 0x80 || strchr(" .,-+=/:", c))
			continue;
		if (c == '_' && i > 0 && i + 1 < n && is_alnum((unsigned char)t[i - 1]) &&
		    is_alnum((unsigned char)t[i + 1]))
			continue;
		return 0;
	}
	return !has_ci(t, n, "www.") && !has_ci(t, n, "://");
}

static void md_add(struct strbuf *sb, const char *s, size_t max, int code)
{
	struct strbuf t = { 0 };
	size_t n = s ? strlen(s) : 0, shown = shown_len(s ? s : "", n, max), fence = 1, run = 0;
	int pad;

	add_escaped(&t, s ? s : "", shown, 1);
	if (t.len && (code || !md_plain(t.buf, t.len))) {
		for (size_t i = 0; i < t.len; i++) {
			run = t.buf[i] == '`' ? run + 1 : 0;
			if (run >= fence)
				fence = run + 1;
		}
		/* A space on each side keeps a backtick at an end off the fence; CommonMark strips them. */
		pad = t.buf[0] == '`' || t.buf[0] == ' ' || t.buf[t.len - 1] == '`' || t.buf[t.len - 1] == ' ';
		for (size_t i = 0; i < fence; i++)
			strbuf_addch(sb, '`');
		if (pad)
			strbuf_addch(sb, ' ');
		for (size_t i = 0; i < t.len; i++)
			if (t.buf[i] == '|')
				strbuf_addstr(sb, "\\|");
			else
				strbuf_addch(sb, t.buf[i]);
		if (pad)
			strbuf_addch(sb, ' ');
		for (size_t i = 0; i < fence; i++)
			strbuf_addch(sb, '`');
	} else {
		strbuf_add(sb, t.buf ? t.buf : "", t.len);
	}
	if (shown < n)
		strbuf_addstr(sb, "…");
	strbuf_release(&t);
}

void untrusted_md_add(struct strbuf *sb, const char *s, size_t max)
{
	md_add(sb, s, max, 0);
}

void untrusted_md_code_add(struct strbuf *sb, const char *s, size_t max)
{
	md_add(sb, s, max, 1);
}

/* Whether XML 1.0 carries code point CP (its Char production), DEL and C1 left out. */
static int xml_char(unsigned long cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xD7FF) ||
	       (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
}

void untrusted_xml_add(struct strbuf *sb, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = untrusted_csi_len(s + i, n - i);

		if (len) {
			i += len;
			continue;
		}
		len = utf8_char(p + i, n - i, &cp);
		if (!len) {
			strbuf_addstr(sb, REPLACEMENT);
			i++;
		} else if (!xml_char(cp)) {
			strbuf_addstr(sb, REPLACEMENT);
			i += len;
		} else {
			strbuf_add(sb, p + i, len);
			i += len;
		}
	}
}

void untrusted_utf8_add(struct strbuf *sb, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_char(p + i, n - i, &cp);

		if (!len) {
			strbuf_addstr(sb, REPLACEMENT);
			i++;
		} else {
			strbuf_add(sb, p + i, len);
			i += len;
		}
	}
}

void untrusted_json_add(struct strbuf *sb, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = strlen(text), i = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_char(p + i, n - i, &cp);

		if (!len) {
			strbuf_addstr(sb, "\\ufffd");
			i++;
			continue;
		}
		if (cp >= 0x7F && cp <= 0x9F)
			add_hex(sb, "\\u00", (unsigned)cp);
		else
			strbuf_add(sb, p + i, len);
		i += len;
	}
}
