/*
 * untrusted: each sink's form of hostile text (escape sequences of every
 * family, C1 controls, invalid UTF-8, Markdown and HTML), and ordinary text
 * left as it is.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/untrusted.h"

static char *term(const char *s, size_t n)
{
	struct strbuf sb = { 0 };

	untrusted_term_add(&sb, s, n);
	return strbuf_detach(&sb);
}

static char *md(const char *s, size_t max, int code)
{
	struct strbuf sb = { 0 };

	if (code)
		untrusted_md_code_add(&sb, s, max);
	else
		untrusted_md_add(&sb, s, max);
	return strbuf_detach(&sb);
}

static char *xml(const char *s, size_t n)
{
	struct strbuf sb = { 0 };

	untrusted_xml_add(&sb, s, n);
	return strbuf_detach(&sb);
}

#define CHECK_TERM(in, want)                           \
	do {                                           \
		char *got_ = term(in, sizeof(in) - 1); \
		CHECK_STR(got_, want);                 \
		free(got_);                            \
	} while (0)

#define CHECK_MD(in, max, code, want)           \
	do {                                    \
		char *got_ = md(in, max, code); \
		CHECK_STR(got_, want);          \
		free(got_);                     \
	} while (0)

static void test_csi_len(void)
{
	CHECK_INT(untrusted_csi_len("\x1b[31mred", 8), 5);
	CHECK_INT(untrusted_csi_len("\x1b[2J", 4), 4);
	CHECK_INT(untrusted_csi_len("\x1b[?25l", 6), 6);
	CHECK_INT(untrusted_csi_len("\x1b[1;2 q", 7), 7);
	CHECK_INT(untrusted_csi_len("\x1b[31", 4), 0);       /* unterminated */
	CHECK_INT(untrusted_csi_len("\x1b[3\x07m", 5), 0);   /* a control inside */
	CHECK_INT(untrusted_csi_len("\x1b]0;x\x07", 6), 0);  /* OSC: not a CSI */
	CHECK_INT(untrusted_csi_len("[31m", 4), 0);
}

static void test_term(void)
{
	struct strbuf sb = { 0 };
	const char *plain = "error: `x` failed\tat 1.2 — ok\n";

	CHECK_TERM("\x1b]0;HACKED\x07", "\\e]0;HACKED\\a");
	CHECK_TERM("\x1b[2J", "\\e[2J");
	CHECK_TERM("\x1bP+q\x1b\\", "\\eP+q\\e\\");
	CHECK_TERM("\x1b]8;;http://x", "\\e]8;;http://x");
	CHECK_TERM("\x1b_apc\x1b\\ \x1b^pm\x1b\\ \x1bXsos\x1b\\", "\\e_apc\\e\\ \\e^pm\\e\\ \\eXsos\\e\\");
	CHECK_TERM("a\x9b"
		   "31m",
		   "a\\x9b31m");           /* raw C1 byte */
	CHECK_TERM("a\xc2\x9b"
		   "31m\xc2\x9d",
		   "a\\u009b31m\\u009d");                              /* C1 in UTF-8 */
	CHECK_TERM("\r\b\f\v\x7f\x01", "\\r\\b\\f\\v\\x7f\\x01");
	CHECK_TERM("a\0b", "a\\x00b");
	CHECK_TERM("\xc3\x28 \xe2\x82 \xed\xa0\x80", "\\xc3( \\xe2\\x82 \\xed\\xa0\\x80");
	CHECK_TERM("t\tn\n", "t\tn\n");
	CHECK_TERM("é ✓ 𝄞", "é ✓ 𝄞");
	/* Bidi controls and invisible characters would reorder or hide the text around them. */
	CHECK_TERM("ok \xe2\x80\xae"
		   "gnp.exe",
		   "ok \\u202egnp.exe");
	CHECK_TERM("a\xe2\x80\x8b"
		   "b\xe2\x81\xa6"
		   "c\xef\xbb\xbf"
		   "d\xd8\x9c",
		   "a\\u200bb\\u2066c\\ufeffd\\u061c");
	CHECK_TERM("\xe2\x80\x90 \xe2\x81\xa5 \xe2\x80\xaf", "\xe2\x80\x90 \xe2\x81\xa5 \xe2\x80\xaf"); /* neighbours */
	/* Ordinary text is returned as it is, without a copy. */
	CHECK(untrusted_term(&sb, plain) == plain);
	CHECK(strcmp(untrusted_term(&sb, NULL), "") == 0);
	CHECK_STR(untrusted_term(&sb, "x\x1b[2Jy"), "x\\e[2Jy");
	CHECK_STR(untrusted_term(&sb, "z"), "z");
	strbuf_release(&sb);
}

static void test_md(void)
{
	/* What forms nothing stays as it is: ids, versions, classes, paths. */
	CHECK_MD("1.96", 80, 0, "1.96");
	CHECK_MD("3.1.6 · emcc-main", 80, 0, "3.1.6 · emcc-main");
	CHECK_MD("lib_rmeta_whole_archive", 80, 0, "lib_rmeta_whole_archive");
	CHECK_MD("tests/cli/data/fake-mixed.json", 80, 0, "tests/cli/data/fake-mixed.json");
	CHECK_MD("2026-12-05T01:11:10Z", 80, 0, "2026-12-05T01:11:10Z");
	CHECK_MD("", 80, 0, "");
	/* Anything else is a code span. */
	CHECK_MD("[click](https://evil.example) **bold** <img src=https://evil.example/t.png>", 200, 0,
		 "`[click](https://evil.example) **bold** <img src=https://evil.example/t.png>`");
	CHECK_MD("https://evil.example", 80, 0, "`https://evil.example`");
	CHECK_MD("www.evil.example", 80, 0, "`www.evil.example`");
	CHECK_MD("WWW.evil.example", 80, 0, "`WWW.evil.example`");
	CHECK_MD("_em_", 80, 0, "`_em_`");
	CHECK_MD("ok\xe2\x80\xae"
		 "x",
		 80, 0, "`ok\\u202ex`");
	CHECK_MD("a@b.example", 80, 0, "`a@b.example`");
	CHECK_MD("&amp;", 80, 0, "`&amp;`");
	/* The fence is longer than any run of backticks; a backtick at an end gets a space. */
	CHECK_MD("a `b` c", 80, 0, "``a `b` c``");
	CHECK_MD("a ``b`` c ```", 80, 0, "```` a ``b`` c ``` ````");
	CHECK_MD("`", 80, 0, "`` ` ``");
	CHECK_MD(" <x", 80, 0, "`  <x `");
	/* One line, no column break, controls escaped. */
	CHECK_MD("a|b\nc\td\re", 80, 0, "`a\\|b c d e`");
	CHECK_MD("\x1b]0;HACKED\x07", 80, 0, "`\\e]0;HACKED\\a`");
	CHECK_MD("\x9b", 80, 0, "`\\x9b`");
	/* Cut at MAX bytes, never inside a character. */
	CHECK_MD("abcdef", 3, 0, "abc…");
	CHECK_MD("ab·cd", 3, 0, "ab…");
	CHECK_MD("a<b>", 2, 0, "`a<`…");
	/* Code by look. */
	CHECK_MD("rust=1.96,probe=add", 200, 1, "`rust=1.96,probe=add`");
	CHECK_MD("", 200, 1, "");
}

static void test_xml(void)
{
	static const char in[] = "\x1b[31mred\x1b[0m \x1b]0;HACKED\x07 \x9b \xc2\x9b \x7f \xc3\x28 tab\tok\n";
	char *s = xml(in, sizeof(in) - 1);

	CHECK_STR(
		s,
		"red \xEF\xBF\xBD]0;HACKED\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD( tab\tok\n");
	free(s);
}

static void test_utf8_json(void)
{
	struct strbuf sb = { 0 };

	untrusted_utf8_add(&sb, "a\x9b\xc3\x28é", 6);
	CHECK_STR(strbuf_str(&sb), "a\xEF\xBF\xBD\xEF\xBF\xBD(é");
	strbuf_release(&sb);
	untrusted_json_add(&sb, "{\"s\":\"\\u001b]0;x\\u0007 \xc2\x9b \x7f é\"}");
	CHECK_STR(strbuf_str(&sb), "{\"s\":\"\\u001b]0;x\\u0007 \\u009b \\u007f é\"}");
	strbuf_release(&sb);
}

int main(void)
{
	test_csi_len();
	test_term();
	test_md();
	test_xml();
	test_utf8_json();
	return check_done();
}
