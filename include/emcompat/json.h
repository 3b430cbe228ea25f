/*
 * json: parse a JSON document with cJSON and report errors at their
 * position, as FILE:LINE:COLUMN: message (line and column 1-based, the
 * column counted in characters).
 *
 * On top of cJSON it rejects what cJSON would accept silently: invalid
 * UTF-8, NUL bytes (raw, or \u0000, which would cut a C string short),
 * lone surrogate escapes (no UTF-8 form), nesting deeper than 512 levels,
 * trailing content, and duplicate keys in an object (cJSON keeps both,
 * and the second would be ignored without a word).
 */
#ifndef EMCOMPAT_JSON_H
#define EMCOMPAT_JSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct json_doc {
	const char *path;  /* borrowed: the name used in messages */
	const char *text;  /* borrowed: must outlive the doc; text[len] == '\0' */
	size_t len;
	cJSON *root;       /* owned */
	size_t off;        /* where the parsed value starts in TEXT: 0 but for json_doc_parse_span */
};

/*
 * Parses TEXT (LEN bytes, NUL-terminated at TEXT[LEN]) into D->root.
 * Returns 0, or -1 with error(EC_EXIT_INPUT, "PATH:LINE:COL: ...").
 * PATH and TEXT are borrowed for the life of D.
 */
int json_doc_parse(struct json_doc *d, const char *path, const char *text, size_t len);

/*
 * A large document can be taken apart without one tree for all of it:
 * json_doc_check makes json_doc_parse's checks (UTF-8, NUL, syntax, depth)
 * over TEXT without building anything; after that, spans locate values in
 * the text and json_doc_parse_span builds the tree of one of them, with
 * positions in messages still counted in the whole TEXT.
 */
struct json_span {
	size_t off, len;   /* bytes of the value in the text */
};

/* Checks TEXT as json_doc_parse does, building no tree: 0, or -1 with error() as json_doc_parse. */
int json_doc_check(const char *path, const char *text, size_t len);

/*
 * In checked TEXT, the value of member KEY of the object at offset OFF
 * (keys compared byte for byte as written, without unescaping; the first
 * one wins): 1 with *VAL set, or 0 when there is no object at OFF or no
 * such member.
 */
int json_span_member(const char *text, size_t off, const char *key, struct json_span *val);

/* The spans of the elements of the array at offset OFF of checked TEXT: their count; *ELEMS is the caller's. */
size_t json_span_elements(const char *text, size_t off, struct json_span **elems);

/*
 * As json_doc_parse, for the value at SPAN of TEXT, which json_doc_check
 * has passed (so only the duplicate-key check is made again). D->text is
 * the whole TEXT: json_doc_error counts positions in it.
 */
int json_doc_parse_span(struct json_doc *d, const char *path, const char *text, struct json_span span);

/*
 * Reports a message about item AT of the document (an object member is
 * located at its key, anything else at its value) as
 * "PATH:LINE:COL: message" with EC_EXIT_INPUT. Always returns -1.
 */
int json_doc_error(const struct json_doc *d, const cJSON *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * cJSON_Print (FORMATTED) or cJSON_PrintUnformatted of ITEM, under one
 * process-wide lock that json_doc_parse takes too. cJSON reads the decimal
 * point with localeconv(), which glibc fills into one static struct on
 * every call, and its parser records errors in a global: two threads
 * printing or parsing at once would race there. So code on a pool thread
 * (pool.h), and the loop thread while a pool job may run (cache_store),
 * print and parse through this module, never cJSON_Print or cJSON_Parse
 * directly. Returns what cJSON returns (the caller frees).
 */
char *json_print(const cJSON *item, int formatted);

/* Frees the tree; the borrowed path and text are left alone. */
void json_doc_release(struct json_doc *d);

/* Byte offset OFF of TEXT as a 1-based line and character column. */
void json_line_col(const char *text, size_t off, int *line, int *col);

/*
 * Length of the valid UTF-8 prefix of S (N bytes): N when all of it is
 * valid. Overlong forms, surrogates and code points past U+10FFFF are
 * invalid.
 */
size_t utf8_valid_prefix(const char *s, size_t n);

#endif
