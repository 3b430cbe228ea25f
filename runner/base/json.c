#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/util.h"

/* Serialises cJSON's use of localeconv() and of its parse-error global (json.h). */
static pthread_mutex_t cjson_lock = PTHREAD_MUTEX_INITIALIZER;

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t len;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		if (n - i < len)
			return i;
		for (size_t k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += len;
	}
	return n;
}

void json_line_col(const char *text, size_t off, int *line, int *col)
{
	int l = 1, c = 1;

	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static int error_at(const struct json_doc *d, size_t off, const char *msg)
{
	int line, col;

	json_line_col(d->text, off, &line, &col);
	return error(EC_EXIT_INPUT, "%s:%d:%d: %s", d->path, line, col, msg);
}

/*
 * A scanner over text already known to be valid JSON, walking it in step
 * with the cJSON tree so that a tree item can be mapped back to its offset.
 */
static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static const char *skip_string(const char *p)
{
	for (p++; *p && *p != '"'; p++)
		if (*p == '\\' && p[1])
			p++;
	return *p ? p + 1 : p;
}

/* The end of the value at P in valid JSON text. */
static const char *skip_value(const char *p)
{
	int depth = 0;

	do {
		p = skip_ws(p);
		if (*p == '"') {
			p = skip_string(p);
		} else if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			depth--;
			p++;
		} else if (*p == ',' || *p == ':') {
			p++;
		} else {
			while (*p && !strchr(",:]} \t\r\n", *p))
				p++;
		}
	} while (depth > 0 && *p);
	return p;
}

/* Scans the value at *P for NODE; stores the offset of TARGET in *FOUND. */
static int locate(const struct json_doc *d, const char **pp, const cJSON *node, const cJSON *target, size_t *found)
{
	const char *p = skip_ws(*pp);

	if (node == target && !node->string) {
		*found = (size_t)(p - d->text);
		return 1;
	}
	if (*p == '{' || *p == '[') {
		int obj = *p == '{';
		const cJSON *child = node->child;

		p = skip_ws(p + 1);
		while (child && *p && *p != '}' && *p != ']') {
			if (obj) {
				if (child == target) {
					*found = (size_t)(p - d->text);
					return 1;
				}
				p = skip_string(p);
				p = skip_ws(p);
				if (*p == ':')
					p++;
			}
			if (locate(d, &p, child, target, found))
				return 1;
			p = skip_ws(p);
			if (*p == ',')
				p = skip_ws(p + 1);
			child = child->next;
		}
		if (*p)
			p++;
	} else {
		p = skip_value(p);
	}
	*pp = p;
	return 0;
}

/*
 * A strict syntax check ahead of cJSON, which reports no reason and often
 * a position past the fault: this one stops at the first wrong byte and
 * says what was expected there.
 */
#define MAX_DEPTH 512

struct syntax {
	const struct json_doc *d;
	const char *p;
	int depth;
};

static int syntax_fail(struct syntax *s, const char *expected)
{
	char msg[160];

	if (!*s->p) {
		snprintf(msg, sizeof(msg), "invalid JSON: unexpected end of text (expected %s)", expected);
	} else {
		/* The one character there (the text is valid UTF-8, but may end within 4 bytes). */
		unsigned char c = (unsigned char)s->p[0];
		size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

		if (strnlen(s->p, n) < n || utf8_valid_prefix(s->p, n) != n)
			n = 1;
		snprintf(msg, sizeof(msg), "invalid JSON: unexpected '%.*s' (expected %s)", (int)n, s->p, expected);
	}
	return error_at(s->d, (size_t)(s->p - s->d->text), msg);
}

static int syntax_value(struct syntax *s);

/* The four hex digits after "\u" at S->P (on the 'u'), as a code unit; -1 on a bad digit. */
static long syntax_hex4(struct syntax *s)
{
	long v = 0;

	for (int i = 0; i < 4; i++) {
		s->p++;
		if (!*s->p || !strchr("0123456789abcdefABCDEF", *s->p)) {
			syntax_fail(s, "four hex digits after \\u");
			return -1;
		}
		v = v * 16 + (*s->p <= '9' ? *s->p - '0' : (*s->p | 0x20) - 'a' + 10);
	}
	return v;
}

/*
 * A \uXXXX escape, S->P on the 'u'. Strings become C strings and must be
 * UTF-8: \u0000 would cut one short, and a lone surrogate has no UTF-8
 * form (cJSON would refuse the document without saying why).
 */
static int syntax_escape_u(struct syntax *s)
{
	const char *at = s->p - 1;
	long v = syntax_hex4(s);

	if (v < 0)
		return -1;
	if (v == 0) {
		s->p = at;
		return syntax_fail(s, "an escape other than \\u0000 (a NUL cannot be carried in a string)");
	}
	if (v >= 0xdc00 && v <= 0xdfff) {
		s->p = at;
		return syntax_fail(s, "a character, not a lone low surrogate \\uDC00-\\uDFFF");
	}
	if (v >= 0xd800 && v <= 0xdbff) {
		long lo;

		if (s->p[1] != '\\' || s->p[2] != 'u') {
			s->p = at;
			return syntax_fail(s, "a low surrogate \\uDC00-\\uDFFF after a high one");
		}
		s->p += 2;
		if ((lo = syntax_hex4(s)) < 0)
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff) {
			s->p = at;
			return syntax_fail(s, "a low surrogate \\uDC00-\\uDFFF after a high one");
		}
	}
	return 0;
}

static int syntax_string(struct syntax *s)
{
	if (*s->p != '"')
		return syntax_fail(s, "a string");
	for (s->p++; *s->p != '"'; s->p++) {
		if (!*s->p)
			return syntax_fail(s, "'\"' to close the string");
		if ((unsigned char)*s->p < 0x20)
			return syntax_fail(s, "no control character inside a string (escape it)");
		if (*s->p != '\\')
			continue;
		s->p++;
		if (*s->p == 'u') {
			if (syntax_escape_u(s))
				return -1;
		} else if (!*s->p || !strchr("\"\\/bfnrt", *s->p)) {
			return syntax_fail(s, "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
		}
	}
	s->p++;
	return 0;
}

static int syntax_digits(struct syntax *s)
{
	if (*s->p < '0' || *s->p > '9')
		return syntax_fail(s, "a digit");
	while (*s->p >= '0' && *s->p <= '9')
		s->p++;
	return 0;
}

static int syntax_number(struct syntax *s)
{
	if (*s->p == '-')
		s->p++;
	if (*s->p == '0')
		s->p++;
	else if (syntax_digits(s))
		return -1;
	if (*s->p == '.') {
		s->p++;
		if (syntax_digits(s))
			return -1;
	}
	if (*s->p == 'e' || *s->p == 'E') {
		s->p++;
		if (*s->p == '+' || *s->p == '-')
			s->p++;
		if (syntax_digits(s))
			return -1;
	}
	return 0;
}

static int syntax_container(struct syntax *s, char close)
{
	if (++s->depth > MAX_DEPTH)
		return syntax_fail(s, "nesting no deeper than 512 levels");
	s->p = skip_ws(s->p + 1);
	if (*s->p == close) {
		s->p++;
		s->depth--;
		return 0;
	}
	for (;;) {
		if (close == '}') {
			if (*s->p != '"')
				return syntax_fail(s, "'\"' to start a key");
			if (syntax_string(s))
				return -1;
			s->p = skip_ws(s->p);
			if (*s->p != ':')
				return syntax_fail(s, "':' after the key");
			s->p = skip_ws(s->p + 1);
		}
		if (syntax_value(s))
			return -1;
		s->p = skip_ws(s->p);
		if (*s->p == close)
			break;
		if (*s->p != ',')
			return syntax_fail(s, close == '}' ? "',' or '}'" : "',' or ']'");
		s->p = skip_ws(s->p + 1);
		if (*s->p == close)
			return syntax_fail(s, close == '}' ? "another key (no trailing comma)"
							   : "another value (no trailing comma)");
	}
	s->p++;
	s->depth--;
	return 0;
}

static int syntax_value(struct syntax *s)
{
	static const char *const words[] = { "true", "false", "null" };

	switch (*s->p) {
	case '{':
		return syntax_container(s, '}');
	case '[':
		return syntax_container(s, ']');
	case '"':
		return syntax_string(s);
	case '-':
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	case '8':
	case '9':
		return syntax_number(s);
	}
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(words[i]);

		if (strncmp(s->p, words[i], n) == 0) {
			s->p += n;
			return 0;
		}
	}
	return syntax_fail(s, "a value");
}

static int check_syntax(const struct json_doc *d)
{
	struct syntax s = { d, skip_ws(d->text), 0 };

	if (syntax_value(&s))
		return -1;
	s.p = skip_ws(s.p);
	if (*s.p)
		return syntax_fail(&s, "the end of the text");
	return 0;
}

int json_doc_error(const struct json_doc *d, const cJSON *at, const char *fmt, ...)
{
	char msg[1024];
	const char *p = d->text + d->off;
	size_t off = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!at || !d->root || !locate(d, &p, d->root, at, &off))
		return error(EC_EXIT_INPUT, "%s: %s", d->path, msg);
	return error_at(d, off, msg);
}

static int cmp_names(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
	int c = strcmp(x->string, y->string);

	/* Equal names: keep document order, so the later one is reported. */
	if (c == 0)
		return x < y ? -1 : 0;
	return c;
}

/* Finds a duplicate key anywhere in the tree; reports the second one. */
static int check_duplicates(const struct json_doc *d, const cJSON *node)
{
	size_t n = 0, i = 0;
	const cJSON **v;
	const cJSON *c;
	int rc = 0;

	for (c = node->child; c; c = c->next) {
		if (check_duplicates(d, c))
			return -1;
		n++;
	}
	if (!cJSON_IsObject(node) || n < 2)
		return 0;
	v = xmalloc(n * sizeof(*v));
	for (c = node->child; c; c = c->next)
		v[i++] = c;
	/* Node addresses are not in document order, so sort by name, then
	 * find the later of each equal pair by walking the list. */
	qsort(v, n, sizeof(*v), cmp_names);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i - 1]->string, v[i]->string) == 0) {
			const cJSON *second = NULL;

			for (c = node->child; c; c = c->next)
				if (c == v[i - 1] || c == v[i])
					second = c;
			rc = json_doc_error(d, second, "duplicate key \"%s\"", second->string);
			break;
		}
	}
	free(v);
	return rc;
}

int json_doc_check(const char *path, const char *text, size_t len)
{
	struct json_doc d = { path, text, len, NULL, 0 };
	size_t valid = utf8_valid_prefix(text, len);

	if (valid < len)
		return error_at(&d, valid, "invalid UTF-8 (JSON text must be UTF-8)");
	if (memchr(text, '\0', len))
		return error_at(&d, (size_t)((const char *)memchr(text, '\0', len) - text), "NUL byte in JSON text");
	return check_syntax(&d);
}

int json_span_member(const char *text, size_t off, const char *key, struct json_span *val)
{
	const char *p = skip_ws(text + off);
	size_t klen = strlen(key);

	if (*p != '{')
		return 0;
	for (p = skip_ws(p + 1); *p == '"'; p = skip_ws(p + 1)) {
		const char *name = p + 1, *v;
		size_t nlen;

		p = skip_string(p);
		nlen = (size_t)(p - 1 - name);
		v = skip_ws(skip_ws(p) + 1);
		p = skip_value(v);
		if (nlen == klen && memcmp(name, key, klen) == 0) {
			*val = (struct json_span){ (size_t)(v - text), (size_t)(p - v) };
			return 1;
		}
		p = skip_ws(p);
		if (*p != ',')
			break;
	}
	return 0;
}

size_t json_span_elements(const char *text, size_t off, struct json_span **elems)
{
	const char *p = skip_ws(text + off);
	size_t n = 0, cap = 0;

	*elems = NULL;
	if (*p != '[')
		return 0;
	for (p = skip_ws(p + 1); *p && *p != ']'; p = skip_ws(p + 1)) {
		const char *v = p;

		p = skip_value(v);
		xgrow(elems, &cap, n + 1, sizeof(**elems));
		(*elems)[n++] = (struct json_span){ (size_t)(v - text), (size_t)(p - v) };
		p = skip_ws(p);
		if (*p != ',')
			break;
	}
	return n;
}

int json_doc_parse_span(struct json_doc *d, const char *path, const char *text, struct json_span span)
{
	*d = (struct json_doc){ path, text, span.off + span.len, NULL, span.off };
	pthread_mutex_lock(&cjson_lock);
	d->root = cJSON_ParseWithLengthOpts(text + span.off, span.len, NULL, 0);
	pthread_mutex_unlock(&cjson_lock);
	if (!d->root)
		return error(EC_EXIT_INTERNAL,
			     "%s: cJSON rejected JSON that passed the syntax check "
			     "(out of memory?)",
			     path);
	if (check_duplicates(d, d->root)) {
		json_doc_release(d);
		return -1;
	}
	return 0;
}

int json_doc_parse(struct json_doc *d, const char *path, const char *text, size_t len)
{
	*d = (struct json_doc){ path, text, len, NULL, 0 };
	if (json_doc_check(path, text, len))
		return -1;
	return json_doc_parse_span(d, path, text, (struct json_span){ 0, len });
}

char *json_print(const cJSON *item, int formatted)
{
	char *text;

	pthread_mutex_lock(&cjson_lock);
	text = formatted ? cJSON_Print(item) : cJSON_PrintUnformatted(item);
	pthread_mutex_unlock(&cjson_lock);
	return text;
}

void json_doc_release(struct json_doc *d)
{
	cJSON_Delete(d->root);
	d->root = NULL;
}
