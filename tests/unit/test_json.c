/* JSON parsing: exact error positions, UTF-8, duplicate keys, locating items. */
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
	CHECK_STR(parse_error("[\"\\x\"]"), "f.json:1:4: invalid JSON: unexpected 'x' (expected an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
	CHECK_STR(parse_error("[01]"), "f.json:1:3: invalid JSON: unexpected '1' (expected ',' or ']')");
	CHECK_STR(parse_error("[tru]"), "f.json:1:2: invalid JSON: unexpected 't' (expected a value)");
	CHECK_STR(parse_error("{} {}"), "f.json:1:4: invalid JSON: unexpected '{' (expected the end of the text)");
	CHECK_STR(parse_error("  "), "f.json:1:3: invalid JSON: unexpected end of text (expected a value)");
	CHECK_STR(parse_error("[\"abc"), "f.json:1:6: invalid JSON: unexpected end of text (expected '\"' to close the string)");
	/* Columns count characters, not bytes. */
	CHECK_STR(parse_error("[\"\xc3\xa9\xc3\xa9\", x]"), "f.json:1:8: invalid JSON: unexpected 'x' (expected a value)");
	CHECK_STR(parse_error("[1, 2.5e-3, -0, true, false, null, \"\\u00e9\"]"), "ok");
}

static void test_deep_nesting(void)
{
	static char deep[2048];

	memset(deep, '[', 600);
	deep[600] = '\0';
	CHECK_HAS(parse_error(deep), "f.json:1:513: invalid JSON: unexpected '[' (expected nesting no deeper than 512 levels)");
}

static void test_utf8_and_nul(void)
{
	struct json_doc d;

	CHECK_STR(parse_error("[\"\xed\xa0\x80\"]"), "f.json:1:3: invalid UTF-8 (JSON text must be UTF-8)");  /* surrogate */
	CHECK_STR(parse_error("[\"\xc0\xaf\"]"), "f.json:1:3: invalid UTF-8 (JSON text must be UTF-8)");      /* overlong */
	error_clear();
	CHECK_INT(json_doc_parse(&d, "f.json", "[1]\0[2]", 7), -1);
	CHECK_STR(error_message(), "f.json:1:4: NUL byte in JSON text");
	CHECK_INT(utf8_valid_prefix("ab\xf4\x90\x80\x80", 6), 2);  /* past U+10FFFF */
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

int main(void)
{
	test_syntax_errors();
	test_deep_nesting();
	test_utf8_and_nul();
	test_duplicates_and_locate();
	return check_done();
}
