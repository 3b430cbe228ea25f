/*
 * html: report.html carries the run as a JSON blob that no string of the
 * run can break out of, with the classes it names and the baseline kinds.
 * (tests/browser checks the page itself in Chromium.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/html.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-test-html-XXXXXX";
static char base_dir[] = "/tmp/emcompat-test-html-base-XXXXXX";

#define OPEN_TAG "<script type=\"application/json\" id=\"emcompat-data\">"

/* A failing cell whose summary and log line try to end the script element. */
static const char results_fmt[] =
	"{\"schema\":\"emcompat-results/1\",\n"
	" \"run\":{\"id\":\"r1\",\"matrix\":\"m.json\",\"started\":\"s\",\"finished\":\"f\","
	"\"wall_seconds\":2,\"jobs\":1},\n"
	" \"toolchains\":{\"rust\":{\"1.63\":{\"llvm\":\"14.0.6\"}}},\n"
	" \"cells\":[\n"
	"  {\"id\":\"rust=1.63,probe=add\",\"axes\":{\"rust\":\"1.63\",\"probe\":\"add\"},\"status\":\"%s\",%s"
	"\"summary\":\"</script><script>alert(1)</script>\\u2028\\u2029<!--\","
	"\"lines\":[\"wasm-ld: error: unknown file type: lib.rmeta </SCRIPT>\"],"
	"\"findings\":[{\"class\":\"c\",\"severity\":\"warning\",\"message\":\"m\"}],"
	"\"stages\":[{\"stage\":\"link\",\"node\":\"link-1\",\"status\":\"fail\",\"seconds\":0.5,"
	"\"reused\":true,\"log\":\"logs/link-1.stderr.log\",\"attempts\":1,\"exit\":1}]}\n"
	" ]}\n";

static void write_results(const char *d, const char *status, const char *extra)
{
	char *path = xasprintf("%s/results.json", d);
	char *text = xasprintf(results_fmt, status, extra);

	CHECK_INT(write_file_atomic(path, text, strlen(text), 0644), 0);
	free(text);
	free(path);
}

/* The blob of the page at PATH, parsed; NULL when it is not there. */
static cJSON *page_blob(const char *path, char **page)
{
	size_t len;
	char *start, *end;

	if (read_file(path, page, &len))
		return NULL;
	start = strstr(*page, OPEN_TAG);
	if (!start)
		return NULL;
	start += strlen(OPEN_TAG);
	end = strstr(start, "</script>");
	if (!end)
		return NULL;
	*end = '\0';
	CHECK(strchr(start, '<') == NULL);
	CHECK(strstr(start, "\xE2\x80\xA8") == NULL && strstr(start, "\xE2\x80\xA9") == NULL);
	return cJSON_Parse(start);
}

static const char *str_at(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void test_page(void)
{
	struct runfile run, base;
	struct classify_table *classes;
	struct diff d;
	struct report_input in;
	char *path = xasprintf("%s/report.html", dir), *page = NULL;
	const cJSON *cell, *cls, *stage;
	cJSON *blob;

	write_results(dir, "fail", "\"stage\":\"link\",\"class\":\"lib_rmeta_whole_archive\",");
	write_results(base_dir, "pass", "");
	CHECK_INT(runfile_load(&run, dir), 0);
	CHECK_INT(runfile_load(&base, base_dir), 0);
	CHECK_INT(classify_load(&classes, NULL), 0);
	diff_runs(&d, &base, &run);
	memset(&in, 0, sizeof(in));
	in.run = &run;
	in.baseline = &d;
	in.baseline_dir = base_dir;
	in.classes = classes;

	CHECK_INT(html_write(path, &in), 0);
	blob = page_blob(path, &page);
	CHECK(blob != NULL);
	CHECK(page && !strstr(page, HTML_DATA_MARKER));
	cell = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(blob, "cells"), 0);
	CHECK_STR(str_at(cell, "summary"), "</script><script>alert(1)</script>\xE2\x80\xA8\xE2\x80\xA9<!--");
	CHECK_STR(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cell, "lines"), 0)->valuestring,
		  "wasm-ld: error: unknown file type: lib.rmeta </SCRIPT>");
	CHECK_STR(str_at(cell, "class"), "lib_rmeta_whole_archive");
	CHECK_STR(str_at(cell, "diff"), "regressed");
	CHECK_STR(str_at(cJSON_GetObjectItemCaseSensitive(cell, "was"), "status"), "pass");
	stage = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cell, "stages"), 0);
	CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(stage, "reused")));
	CHECK_INT(cJSON_GetObjectItemCaseSensitive(stage, "exit")->valueint, 1);
	cls = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(blob, "classes"),
					       "lib_rmeta_whole_archive");
	CHECK(str_at(cls, "fix") != NULL);
	CHECK_STR(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cls, "refs"), 0)->valuestring,
		  classify_find(classes, "lib_rmeta_whole_archive")->refs[0]);
	CHECK_INT(
		cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(blob, "baseline"), "counts"),
			"regressed")
			->valueint,
		1);
	CHECK_STR(str_at(cJSON_GetObjectItemCaseSensitive(
				 cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(blob, "toolchains"),
								  "rust"),
				 "1.63"),
			 "llvm"),
		  "14.0.6");
	cJSON_Delete(blob);
	free(page);
	page = NULL;

	/* Without a baseline or a class table: no diff keys, no classes, baseline null. */
	memset(&in, 0, sizeof(in));
	in.run = &run;
	CHECK_INT(html_write(path, &in), 0);
	blob = page_blob(path, &page);
	CHECK(blob != NULL);
	CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(blob, "baseline")));
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(blob, "classes")), 0);
	cell = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(blob, "cells"), 0);
	CHECK(cJSON_GetObjectItemCaseSensitive(cell, "diff") == NULL);
	cJSON_Delete(blob);
	free(page);

	diff_release(&d);
	classify_free(classes);
	runfile_release(&base);
	runfile_release(&run);
	free(path);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir) || !mkdtemp(base_dir))
		return 1;
	test_page();
	cmd = xasprintf("rm -rf '%s' '%s'", dir, base_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
