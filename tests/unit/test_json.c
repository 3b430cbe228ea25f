/* JSON parsing: exact error positions, UTF-8, duplicate keys, locating items. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/json.h"

static const char *parse_error(const char *text)
{
	struct json_doc d;

	error_clear();
	if (json_doc_parse(&d, "f.json", text, strlen(text)) == 0) {
		json_doc_release(&d);
		return "ok";
	}
	return error_message();
}

static void test_syntax_errors(void)
{
	CHECK_STR(parse_error("{\"a\": [1, 2,]}"),
		  "f.json:1:13: invalid JSON: unexpected ']' (expected another value (no trailing comma))");
	CHECK_STR(parse_error("{\"a\": 1,\n}"),
		  "f.json:2:1: invalid JSON: unexpected '}' (expected another key (no trailing comma))");
	CHECK_STR(parse_error("{\"a\" 1}"), "f.json:1:6: invalid JSON: unexpected '1' (expected ':' after the key)");
	CHECK_STR(parse_error("{a: 1}"), "f.json:1:2: invalid JSON: unexpected 'a' (expected '\"' to start a key)");
	CHECK_STR(parse_error("[1 2]"), "f.json:1:4: invalid JSON: unexpected '2' (expected ',' or ']')");
	CHECK_STR(parse_error("[\"\\x\"]"), "f.json:1:4: invalid JSON: unexpected 'x' (expected an escape: \\\" \\\\ "
					    "\\/ \\b \\f \\n \\r \\t or \\uXXXX)");
	CHECK_STR(parse_error("[01]"), "f.json:1:3: invalid JSON: unexpected '1' (expected ',' or ']')");
	CHECK_STR(parse_error("[tru]"), "f.json:1:2: invalid JSON: unexpected 't' (expected a value)");
	CHECK_STR(parse_error("{} {}"), "f.json:1:4: invalid JSON: unexpected '{' (expected the end of the text)");
	CHECK_STR(parse_error("  "), "f.json:1:3: invalid JSON: unexpected end of text (expected a value)");
	CHECK_STR(parse_error("[\"abc"),
		  "f.json:1:6: invalid JSON: unexpected end of text (expected '\"' to close the string)");
	/* Columns count characters, not bytes. */
	CHECK_STR(parse_error("[\"\xc3\xa9\xc3\xa9\", x]"),
		  "f.json:1:8: invalid JSON: unexpected 'x' (expected a value)");
	CHECK_STR(parse_error("[1, 2.5e-3, -0, true, false, null, \"\\u00e9\"]"), "ok");
}

static void test_deep_nesting(void)
{
	static char deep[2048];

	memset(deep, '[', 600);
	deep[600] = '\0';
	CHECK_HAS(parse_error(deep),
		  "f.json:1:513: invalid JSON: unexpected '[' (expected nesting no deeper than 512 levels)");
}

static void test_utf8_and_nul(void)
{
	struct json_doc d;

	CHECK_STR(parse_error("[\"\xed\xa0\x80\"]"),
		  "f.json:1:3: invalid UTF-8 (JSON text must be UTF-8)");  /* surrogate */
	CHECK_STR(parse_error("[\"\xc0\xaf\"]"), "f.json:1:3: invalid UTF-8 (JSON text must be UTF-8)"); /* overlong */
	error_clear();
	CHECK_INT(json_doc_parse(&d, "f.json", "[1]\0[2]", 7), -1);
	CHECK_STR(error_message(), "f.json:1:4: NUL byte in JSON text");
	CHECK_INT(utf8_valid_prefix("ab\xf4\x90\x80\x80", 6), 2); /* past U+10FFFF */
	CHECK_INT(utf8_valid_prefix("\xf0\x9f\x98\x80", 4), 4);
}

static void test_duplicates_and_locate(void)
{
	const char *text = "{\n \"a\": {\"x\": 1},\n \"b\": [10, {\"y\": 2, \"y\": 3}]\n}";
	struct json_doc d;
	cJSON *b;

	CHECK_STR(parse_error(text), "f.json:3:21: duplicate key \"y\"");
	error_clear();
	CHECK_INT(json_doc_parse(&d, "f.json", "{\n \"a\": {\"x\": 1},\n \"b\": [10, 20]\n}", 34), 0);
	b = cJSON_GetObjectItem(d.root, "b");
	CHECK_INT(json_doc_error(&d, cJSON_GetArrayItem(b, 1), "here"), -1);
	CHECK_STR(error_message(), "f.json:3:12: here");
	error_clear();
	json_doc_error(&d, b, "key");
	CHECK_STR(error_message(), "f.json:3:2: key");
	error_clear();
	json_doc_error(&d, cJSON_GetObjectItem(cJSON_GetObjectItem(d.root, "a"), "x"), "inner");
	CHECK_STR(error_message(), "f.json:2:8: inner");
	json_doc_release(&d);
}

/* Values found in the text, parsed one at a time, with positions counted in the whole text. */
static void test_spans(void)
{
	const char *text = "{\"c\\u0065lls\": 1, \"x\": {\"cells\": []},\n"
			   " \"cells\": [ {\"id\": \"a\"}, [1, \"]\"], \"s\\\"\" , -2.5e3,\n"
			   "  {\"k\": 1, \"k\": 2} ], \"end\": null}";
	struct json_span v, *e;
	struct json_doc d;
	size_t n;

	error_clear();
	CHECK_INT(json_doc_check("f.json", text, strlen(text)), 0);
	/* Keys are compared as written: the escaped "cells" and the nested one are not it. */
	CHECK_INT(json_span_member(text, 0, "cells", &v), 1);
	CHECK(text[v.off] == '[' && text[v.off + v.len - 1] == ']');
	CHECK_INT(json_span_member(text, 0, "end", &v), 1);
	CHECK_INT(v.len, 4);
	CHECK_INT(json_span_member(text, 0, "nope", &v), 0);
	CHECK_INT(json_span_member("[1]", 0, "cells", &v), 0);
	json_span_member(text, 0, "cells", &v);
	n = json_span_elements(text, v.off, &e);
	CHECK_INT(n, 5);
	CHECK(strncmp(text + e[0].off, "{\"id\": \"a\"}", e[0].len) == 0 && e[0].len == 11);
	CHECK(strncmp(text + e[1].off, "[1, \"]\"]", e[1].len) == 0 && e[1].len == 8);
	CHECK_INT(e[2].len, 5);
	CHECK(strncmp(text + e[3].off, "-2.5e3", e[3].len) == 0 && e[3].len == 6);
	CHECK_INT(json_doc_parse_span(&d, "f.json", text, e[0]), 0);
	CHECK_STR(cJSON_GetObjectItem(d.root, "id")->valuestring, "a");
	CHECK_INT(json_doc_error(&d, cJSON_GetObjectItem(d.root, "id"), "here"), -1);
	CHECK_STR(error_message(), "f.json:2:14: here");
	json_doc_release(&d);
	error_clear();
	CHECK_INT(json_doc_parse_span(&d, "f.json", text, e[4]), -1);
	CHECK_STR(error_message(), "f.json:3:12: duplicate key \"k\"");
	free(e);
	CHECK_INT(json_span_elements("[ ]", 0, &e), 0);
	free(e);
	error_clear();
	CHECK_INT(json_doc_check("f.json", "{\"a\": [1,]}", 11), -1);
	CHECK_HAS(error_message(), "f.json:1:10:");
	error_clear();
}

int main(void)
{
	test_syntax_errors();
	test_deep_nesting();
	test_utf8_and_nul();
	test_duplicates_and_locate();
	test_spans();
	return check_done();
}
