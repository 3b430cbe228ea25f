/*
 * junit: a crafted run with every status, a baseline regression and
 * XML-hostile log text, written and read back with libxml2 (and checked
 * against reports/junit.xsd).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/junit.h"
#include "emcompat/report.h"
#include "emcompat/util.h"

static char top[] = "/tmp/emcompat-test-junit-XXXXXX";

#define STAGE(st, node, status, secs, reused)                                                     \
	"{\"stage\":\"" st "\",\"node\":\"" node "\",\"status\":\"" status "\",\"seconds\":" secs \
	",\"reused\":" reused ",\"log\":\"logs/" node ".stderr.log\",\"attempts\":1,\"exit\":1}"

#define CELL(id, probe, status, rest)                                                           \
	"{\"id\":\"" id "\",\"axes\":{\"rust\":\"1.63\",\"probe\":\"" probe "\",\"case\":\"" id \
	"\"},\"status\":\"" status "\"," rest "}"

static const char run_json[] =
	"{\"schema\":\"emcompat-results/1\",\n"
	" \"run\":{\"id\":\"run-7\",\"matrix\":\"m.json\",\"name\":\"nightly\",\"started\":\"2026-11-27T10:00:00Z\","
	"\"finished\":\"2026-11-27T10:02:00Z\",\"wall_seconds\":120.5,\"jobs\":2},\n"
	" \"toolchains\":{\"rust\":{\"1.63\":{\"identity\":\"rustc 1.63.0\",\"llvm\":\"14.0.5\"}}},\n"
	" \"cells\":[\n" CELL("ok", "add", "pass", "\"summary\":\"passed\",\"stages\":[" STAGE("compile", "compile-1", "pass", "1.5", "true") "," STAGE("run", "run-1", "pass", "2.25", "false") "]") ",\n" CELL(
		"broken", "add", "fail",
		"\"stage\":\"link\",\"class\":\"lib_rmeta_whole_archive\","
		"\"summary\":\"a <b> & \\u0001 \\uFFFE end\",\"lines\":[\"x < y && z\",\"bell \\u0007\"],"
		"\"stages\":[" STAGE(
			"link", "link-1", "fail", "0.5",
			"false") "]") ",\n" CELL("slow", "add", "timeout",
						 "\"stage\":\"run\",\"class\":\"timeout\",\"summary\":\"timed "
						 "out after 60s\","
						 "\"stages\":[" STAGE(
							 "run", "run-2", "timeout", "60",
							 "false") "]") ",\n" CELL("nostart", "u128", "error",
										  "\"stage\":\"compile\","
										  "\"summary\":\"rust 1.63 is "
										  "not installed\","
										  "\"stages\":[{\"stage\":"
										  "\"compile\",\"node\":"
										  "\"compile-3\",\"status\":"
										  "\"error\",\"seconds\":0,"
										  "\"reused\":false,\"log\":\".."
										  "/secret.log\",\"attempts\":1}"
										  "]") ",\n" CELL("after", "u128",
												  "blocked",
												  "\"stage\":"
												  "\"load\","
												  "\"summary\":"
												  "\"blocked by "
												  "link-1\","
												  "\"stages\":["
												  "]") ","
												       "\n" CELL(
													       "unrea"
													       "ched",
													       "u128",
													       "skipp"
													       "ed",
													       "\"sta"
													       "ge\":"
													       "\"run"
													       "\","
													       "\"sum"
													       "mary"
													       "\":"
													       "\"not"
													       " reac"
													       "hed\""
													       ",\"st"
													       "ages"
													       "\":["
													       "]") ","
														    "\n" CELL(
															    "wobbly",
															    "u128",
															    "flaky",
															    "\"summary\":\"passed on a retry\",\"stages\":[{\"stage\":\"run\","
															    "\"node\":\"run-4\",\"status\":\"pass\",\"seconds\":1,\"reused\":false,\"log\":\"logs/run-4.stderr.log\","
															    "\"attempts\":2,\"exit\":0}]") ",\n"
																			   "  {\"id\":\"rust=1.63\",\"axes\":{\"rust\":\"1.63\"},\"status\":\"pass\",\"summary\":\"passed\",\"stages\":[]}\n"
																			   " ]}\n";

static char *path_in(const char *sub)
{
	return xasprintf("%s/%s", top, sub);
}

static void put(const char *sub, const char *text, size_t len)
{
	char *p = path_in(sub);

	CHECK_INT(write_file_atomic(p, text, len, 0644), 0);
	free(p);
}

/* The base run: the same cells, with "broken" passing and "slow" failing already. */
static void write_base(void)
{
	struct strbuf sb = { NULL, 0, 0 };
	const char *s = run_json;
	const char *fail = strstr(s, "\"id\":\"broken\"");
	const char *status = strstr(fail, "\"status\":\"fail\"");

	strbuf_add(&sb, s, (size_t)(status - s));
	strbuf_addstr(&sb, "\"status\":\"pass\"");
	strbuf_addstr(&sb, status + strlen("\"status\":\"fail\""));
	put("base/results.json", sb.buf, sb.len);
	strbuf_release(&sb);
}

/* The link log: markup, control bytes, invalid UTF-8, colour codes, 100 lines and one very long one. */
static void write_logs(void)
{
	struct strbuf sb = { NULL, 0, 0 };

	for (int i = 0; i < 100; i++)
		strbuf_addf(&sb, "early line %d\n", i);
	for (int i = 0; i < 20000; i++)
		strbuf_addch(&sb, 'L');
	strbuf_addch(&sb, '\n');
	for (int i = 0; i < 30; i++)
		strbuf_addf(&sb, "late line %d\n", i);
	strbuf_addstr(&sb, "<error> & \"quoted\" ]]> \x01\x02\x1f \xff\xfe \xc3\x28 \xed\xa0\x80 \xef\xbf\xbe\n");
	strbuf_addstr(&sb, "\x1b[1;31merror:\x1b[0m wasm-ld: unknown file type: lib.rmeta\n");
	put("run/logs/link-1.stderr.log", sb.buf, sb.len);
	strbuf_release(&sb);
	put("run/logs/run-2.stderr.log", "", 0);
	put("run/logs/run-2.stdout.log", "harness: check add_u128 never returned\n",
	    strlen("harness: check add_u128 never returned\n"));
	put("secret.log", "SECRET CONTENT\n", strlen("SECRET CONTENT\n"));
}

static char *xp(xmlXPathContextPtr ctx, const char *expr)
{
	char *q = xasprintf("string(%s)", expr);
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)q, ctx);
	char *out = xstrdup(o && o->stringval ? (const char *)o->stringval : "");

	xmlXPathFreeObject(o);
	free(q);
	return out;
}

static long xp_count(xmlXPathContextPtr ctx, const char *expr)
{
	char *q = xasprintf("count(%s)", expr);
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)q, ctx);
	long n = o ? (long)o->floatval : -1;

	xmlXPathFreeObject(o);
	free(q);
	return n;
}

#define CHECK_XP(ctx, expr, want)           \
	do {                                \
		char *got_ = xp(ctx, expr); \
		CHECK_STR(got_, want);      \
		free(got_);                 \
	} while (0)

static int schema_valid(xmlDocPtr doc)
{
	const char *src = getenv("EMCOMPAT_SOURCE_DIR");
	char *xsd = xasprintf("%s/reports/junit.xsd", src ? src : ".");
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
	xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaValidCtxtPtr vc = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
	int rc = vc ? xmlSchemaValidateDoc(vc, doc) : -1;

	if (vc)
		xmlSchemaFreeValidCtxt(vc);
	if (schema)
		xmlSchemaFree(schema);
	if (pc)
		xmlSchemaFreeParserCtxt(pc);
	free(xsd);
	return rc;
}

static void check_text(xmlXPathContextPtr ctx)
{
	char *t = xp(ctx, "//testcase[@name='broken']/failure");
	const char *tail = strstr(t, "logs/link-1.stderr.log (last ");
	int lines = 0;

	CHECK_HAS(t, "fail at stage link (node link-1, exit 1, 1 attempt)");
	CHECK_HAS(t, "class lib_rmeta_whole_archive: ");
	CHECK_HAS(t, "fix: ");
	CHECK_HAS(t, "matching lines:\n  x < y && z\n  bell \xEF\xBF\xBD\n");
	CHECK_HAS(t, "<error> & \"quoted\" ]]> \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ");
	CHECK_HAS(t, "\nerror: wasm-ld: unknown file type: lib.rmeta\n");
	CHECK(strchr(t, '\x1b') == NULL);
	CHECK(strstr(t, "early line") == NULL);
	CHECK_HAS(tail, "(last 32 lines):\n");
	CHECK_HAS(tail, "):\nlate line 0\n");
	CHECK(strstr(t, "LLL") == NULL);
	for (const char *p = tail ? strchr(tail, '\n') : NULL; p && p[1]; p = strchr(p + 1, '\n'))
		lines++;
	CHECK_INT(lines, 32);
	CHECK(tail && strlen(tail) < JUNIT_TAIL_BYTES + 200);
	free(t);

	/* The stdout log stands in for an empty stderr log; a log outside the run dir is not read. */
	t = xp(ctx, "//testcase[@name='slow']/failure");
	CHECK_HAS(t, "logs/run-2.stdout.log (last 1 line):\nharness: check add_u128 never returned\n");
	free(t);
	t = xp(ctx, "//testsuite[2]/system-out");
	CHECK_HAS(t, "flaky: wobbly passed on a retry (stage run, 2 attempts)\n");
	free(t);
	t = xp(ctx, "//testsuite[1]/system-out");
	CHECK_HAS(t, "regressed since the baseline: broken (was pass, now fail)\n");
	free(t);
	t = xp(ctx, "//testcase[@name='nostart']/error");
	CHECK(strstr(t, "SECRET") == NULL);
	CHECK_HAS(t, "error at stage compile (node compile-3, 1 attempt)");
	free(t);
}

static void check_doc(const char *file)
{
	xmlDocPtr doc = xmlReadFile(file, NULL, XML_PARSE_NONET);
	xmlXPathContextPtr ctx;

	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK_INT(schema_valid(doc), 0);
	ctx = xmlXPathNewContext(doc);
	CHECK_XP(ctx, "/testsuites/@name", "nightly");
	CHECK_XP(ctx, "/testsuites/@tests", "8");
	CHECK_XP(ctx, "/testsuites/@failures", "2");
	CHECK_XP(ctx, "/testsuites/@errors", "1");
	CHECK_XP(ctx, "/testsuites/@time", "120.500");
	CHECK_INT(xp_count(ctx, "/testsuites/testsuite"), 3);
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@name", "add");
	CHECK_XP(ctx, "/testsuites/testsuite[2]/@name", "u128");
	CHECK_XP(ctx, "/testsuites/testsuite[3]/@name", "nightly");
	CHECK_XP(ctx, "/testsuites/testsuite[3]/@id", "2");
	CHECK_XP(ctx, "/testsuites/testsuite[3]/testcase/@classname", "emcompat.nightly");
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@package", "emcompat");
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@timestamp", "2026-11-27T10:00:00");
	CHECK(xp_count(ctx, "/testsuites/testsuite[1][string-length(@hostname) > 0]") == 1);
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@tests", "3");
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@failures", "2");
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@errors", "0");
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@skipped", "0");
	CHECK_XP(ctx, "/testsuites/testsuite[1]/@time", "62.750");
	CHECK_XP(ctx, "/testsuites/testsuite[2]/@tests", "4");
	CHECK_XP(ctx, "/testsuites/testsuite[2]/@errors", "1");
	CHECK_XP(ctx, "/testsuites/testsuite[2]/@skipped", "2");

	/* Properties: the run, the toolchains, the baseline; the flaky and regressed cells of the suite. */
	CHECK_XP(ctx, "//testsuite[1]/properties/property[@name='emcompat.run']/@value", "run-7");
	CHECK_XP(ctx, "//testsuite[1]/properties/property[@name='emcompat.matrix']/@value", "m.json");
	CHECK_XP(ctx, "//testsuite[1]/properties/property[@name='toolchain.rust.1.63.llvm']/@value", "14.0.5");
	CHECK_XP(ctx, "//testsuite[1]/properties/property[@name='toolchain.rust.1.63.identity']/@value",
		 "rustc 1.63.0");
	CHECK_XP(ctx, "//testsuite[1]/properties/property[@name='emcompat.baseline.regressed']/@value", "1");
	CHECK_XP(ctx, "//testsuite[1]/properties/property[@name='regressed']/@value", "broken");
	CHECK_XP(ctx, "//testsuite[2]/properties/property[@name='flaky']/@value", "wobbly");
	CHECK_INT(xp_count(ctx, "//testsuite[1]/properties/property[@name='flaky']"), 0);

	/* One testcase per cell, each status to its element. */
	CHECK_INT(xp_count(ctx, "//testcase"), 8);
	CHECK_XP(ctx, "//testcase[@name='ok']/@classname", "emcompat.add");
	CHECK_XP(ctx, "//testcase[@name='ok']/@time", "2.250");
	CHECK_INT(xp_count(ctx, "//testcase[@name='ok']/*"), 0);
	CHECK_XP(ctx, "//testcase[@name='broken']/failure/@type", "lib_rmeta_whole_archive");
	CHECK_XP(ctx, "//testcase[@name='broken']/failure/@message",
		 "regressed since the baseline (was pass): a <b> & \xEF\xBF\xBD \xEF\xBF\xBD end");
	CHECK_XP(ctx, "//testcase[@name='slow']/failure/@type", "timeout");
	CHECK_XP(ctx, "//testcase[@name='slow']/failure/@message", "timed out after 60s");
	CHECK_XP(ctx, "//testcase[@name='nostart']/error/@type", "error");
	CHECK_XP(ctx, "//testcase[@name='nostart']/error/@message", "rust 1.63 is not installed");
	CHECK_XP(ctx, "//testcase[@name='after']/skipped/@message", "blocked: blocked by link-1");
	CHECK_XP(ctx, "//testcase[@name='unreached']/skipped/@message", "skipped: not reached");
	CHECK_INT(xp_count(ctx, "//testcase[@name='wobbly']/*"), 0);
	check_text(ctx);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
}

static void test_write(void)
{
	struct runfile run, base;
	struct diff d;
	struct report_input in;
	struct classify_table *classes = NULL;
	char *rundir = path_in("run"), *basedir = path_in("base"), *out = path_in("run/junit.xml");

	put("run/results.json", run_json, strlen(run_json));
	write_base();
	write_logs();
	if (runfile_load(&run, rundir) || runfile_load(&base, basedir)) {
		CHECK_STR(error_message(), "");
		free(out);
		free(basedir);
		free(rundir);
		return;
	}
	diff_runs(&d, &base, &run);
	CHECK_INT(d.counts[DIFF_REGRESSED], 1);
	memset(&in, 0, sizeof(in));
	in.run = &run;
	in.baseline = &d;
	in.baseline_dir = basedir;
	CHECK_INT(classify_load(&classes, NULL), 0);
	in.classes = classes;
	CHECK_INT(junit_write(out, &in), 0);
	check_doc(out);

	/* Through report_write_all, as every run does. */
	unlink(out);
	CHECK_INT(report_write_all(&in), 0);
	CHECK(access(out, F_OK) == 0);

	/* A directory that is not there: an internal error naming the file. */
	free(out);
	out = path_in("missing/junit.xml");
	error_clear();
	CHECK_INT(junit_write(out, &in), -1);
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	CHECK_HAS(error_message(), "missing/junit.xml");
	error_clear();

	classify_free(classes);
	diff_release(&d);
	runfile_release(&base);
	runfile_release(&run);
	free(out);
	free(basedir);
	free(rundir);
}

/* With a history: "since last night", and a cell failing then and now says since when. */
static void test_nights(void)
{
	struct runfile run, base;
	struct diff d;
	struct report_input in;
	struct history_streak sk = { "slow", "2026-11-20T01:00:00Z", "night-0", 6 };
	struct history_nights nights = { 0 };
	char *rundir = path_in("run"), *basedir = path_in("base"), *out = path_in("run/junit-nights.xml");
	xmlDocPtr doc;
	xmlXPathContextPtr ctx;
	char *t;

	if (runfile_load(&run, rundir) || runfile_load(&base, basedir)) {
		CHECK_STR(error_message(), "");
		free(out);
		free(basedir);
		free(rundir);
		return;
	}
	diff_runs(&d, &base, &run);
	nights.streaks = &sk;
	nights.nstreaks = 1;
	memset(&in, 0, sizeof(in));
	in.run = &run;
	in.baseline = &d;
	in.baseline_dir = "the last recorded run night-6 (2026-11-26) in h.db";
	in.baseline_night = 1;
	in.nights = &nights;
	CHECK_INT(junit_write(out, &in), 0);
	doc = xmlReadFile(out, NULL, XML_PARSE_NONET);
	CHECK(doc != NULL);
	if (doc) {
		CHECK_INT(schema_valid(doc), 0);
		ctx = xmlXPathNewContext(doc);
		CHECK_XP(ctx, "//testcase[@name='slow']/failure/@message",
			 "still failing since 2026-11-20 (7 runs): timed out after 60s");
		t = xp(ctx, "//testcase[@name='slow']/failure");
		CHECK_HAS(
			t,
			"still failing since 2026-11-20T01:00:00Z (7 runs; the first failing run recorded: night-0)\n");
		free(t);
		t = xp(ctx, "//testcase[@name='broken']/failure/@message");
		CHECK(strncmp(t, "regressed since last night (was pass): a <b>", 43) == 0);
		free(t);
		t = xp(ctx, "//testcase[@name='broken']/failure");
		CHECK_HAS(
			t,
			"regressed since last night, the last recorded run night-6 (2026-11-26) in h.db (was pass)\n");
		CHECK(!strstr(t, "still failing"));
		free(t);
		t = xp(ctx, "//testsuite[@name='add']/system-out");
		CHECK_HAS(t, "regressed since last night: broken (was pass, now fail)\n");
		CHECK_HAS(t, "still failing since 2026-11-20 (7 runs): slow\n");
		free(t);
		/* A cell without a streak, failing or not, says nothing of one. */
		CHECK_XP(ctx, "//testcase[@name='nostart']/error/@message", "rust 1.63 is not installed");
		xmlXPathFreeContext(ctx);
		xmlFreeDoc(doc);
	}
	diff_release(&d);
	runfile_release(&base);
	runfile_release(&run);
	free(out);
	free(basedir);
	free(rundir);
}

/* A matrix without a name and cells without a probe: the suite is named after the matrix file. */
static void test_unnamed(void)
{
	static const char text[] =
		"{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"r\",\"matrix\":\"some/dir/flags.json\"},"
		"\"toolchains\":{\"rust\":[1]},"
		"\"cells\":[{\"id\":\"eh=wasm\",\"axes\":{\"eh\":\"wasm\"},\"status\":\"pass\"}]}";
	struct runfile run;
	struct report_input in;
	char *dir = path_in("unnamed"), *out = path_in("unnamed/junit.xml");
	xmlDocPtr doc;
	xmlXPathContextPtr ctx;

	put("unnamed/results.json", text, strlen(text));
	if (runfile_load(&run, dir)) {
		CHECK_STR(error_message(), "");
		free(out);
		free(dir);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.run = &run;
	CHECK_INT(junit_write(out, &in), 0);
	doc = xmlReadFile(out, NULL, XML_PARSE_NONET);
	CHECK(doc != NULL);
	if (doc) {
		CHECK_INT(schema_valid(doc), 0);
		ctx = xmlXPathNewContext(doc);
		CHECK_XP(ctx, "/testsuites/@name", "flags");
		CHECK_XP(ctx, "/testsuites/testsuite/@name", "flags");
		CHECK_XP(ctx, "//testcase/@classname", "emcompat.flags");
		CHECK_XP(ctx, "//testcase/@time", "0.000");
		CHECK_INT(xp_count(ctx, "//property[starts-with(@name, 'toolchain.')]"), 0);
		xmlXPathFreeContext(ctx);
		xmlFreeDoc(doc);
	}
	runfile_release(&run);
	free(out);
	free(dir);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(top))
		return 1;
	cmd = xasprintf("mkdir -p '%s/run/logs' '%s/base' '%s/unnamed'", top, top, top);
	if (system(cmd) != 0)
		return 1;
	free(cmd);
	test_write();
	test_nights();
	test_unnamed();
	cmd = xasprintf("rm -rf '%s'", top);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", top);
	free(cmd);
	return check_done();
}
