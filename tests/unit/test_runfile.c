/*
 * runfile: reading results.json back, and its errors located in the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/results.h"
#include "emcompat/runfile.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-test-runfile-XXXXXX";

static const char good[] =
	"{\"schema\":\"emcompat-results/1\",\n"
	" \"run\":{\"id\":\"r1\",\"matrix\":\"m.json\",\"started\":\"2026-11-27T10:00:00Z\","
	"\"finished\":\"2026-11-27T10:01:00Z\",\"wall_seconds\":60.5,\"jobs\":2,\"emcompat\":\"0\"},\n"
	" \"toolchains\":{\"rust\":{\"1.63\":{\"llvm\":\"14.0.6\"}}},\n"
	" \"counts\":{\"pass\":2,\"fail\":1},\n"
	" \"cells\":[\n"
	"  {\"id\":\"rust=1.96,probe=add\",\"axes\":{\"rust\":\"1.96\",\"probe\":\"add\"},\"status\":\"pass\","
	"\"summary\":\"passed\",\"stages\":[{\"stage\":\"compile\",\"node\":\"compile-1\",\"status\":\"pass\","
	"\"seconds\":1.5,\"reused\":true,\"log\":\"logs/compile-1.stderr.log\",\"attempts\":1,\"exit\":0}]},\n"
	"  {\"id\":\"rust=1.63,probe=add\",\"axes\":{\"rust\":\"1.63\",\"probe\":\"add\"},\"status\":\"fail\","
	"\"stage\":\"load\",\"class\":\"bigint_disabled\",\"summary\":\"TypeError\",\"lines\":[\"a\",\"b\"],"
	"\"findings\":[{\"class\":\"bigint_disabled\",\"severity\":\"error\",\"message\":\"m\"}],"
	"\"prediction\":\"predicted\",\"stages\":[]},\n"
	"  {\"id\":\"rust=1.96,probe=tk\",\"axes\":{\"rust\":\"1.96\",\"probe\":\"tk\"},\"status\":\"pass\","
	"\"summary\":\"passed\",\"package\":{\"pypi\":\"tiktoken==0.9.0\",\"build\":\"source\","
	"\"sha256\":\"ab\",\"lock_generated\":\"2026-12-05T05:52:33Z\",\"lock_cargo\":\"cargo 1.96.0\"},"
	"\"stages\":[]}\n"
	" ]}\n";

static int write_results(const char *text)
{
	char *path = xasprintf("%s/results.json", dir);
	int rc = write_file_atomic(path, text, strlen(text), 0644);

	free(path);
	return rc;
}

static void test_good(void)
{
	struct runfile rf;
	const struct runfile_cell *c;
	char *path;

	CHECK_INT(write_results(good), 0);
	CHECK_INT(runfile_load(&rf, dir), 0);
	CHECK_STR(rf.id, "r1");
	CHECK_STR(rf.matrix, "m.json");
	CHECK(rf.name == NULL);
	CHECK_INT(rf.jobs, 2);
	CHECK(rf.wall_seconds > 60.4 && rf.wall_seconds < 60.6);
	CHECK(rf.toolchains != NULL);
	CHECK_INT(rf.ncells, 3);
	CHECK_INT(rf.counts[CELL_PASS], 2);
	CHECK_INT(rf.counts[CELL_FAIL], 1);

	c = runfile_find(&rf, "rust=1.63,probe=add");
	CHECK(c == &rf.cells[1]);
	CHECK_STR(c->cls, "bigint_disabled");
	CHECK_STR(c->stage, "load");
	CHECK_INT(c->nlines, 2);
	CHECK_STR(c->lines[1], "b");
	CHECK_INT(c->nfindings, 1);
	CHECK_STR(c->findings[0].severity, "error");
	CHECK_STR(c->prediction, "predicted");
	CHECK_STR(runfile_cell_axis(c, "rust"), "1.63");
	CHECK(runfile_cell_axis(c, "node") == NULL);

	c = runfile_find(&rf, "rust=1.96,probe=add");
	CHECK(c == &rf.cells[0]);
	CHECK(c->cls == NULL && c->stage == NULL);
	CHECK_INT(c->nstages, 1);
	CHECK_STR(c->stages[0].node, "compile-1");
	CHECK(c->stages[0].reused);
	CHECK_INT(c->stages[0].exit_code, 0);
	CHECK(runfile_find(&rf, "rust=1.85,probe=add") == NULL);

	/* A source package whose sdist had no Cargo.lock: when and by which cargo one was generated, written back. */
	c = runfile_find(&rf, "rust=1.96,probe=tk");
	CHECK(c != NULL);
	if (c) {
		cJSON *o = results_cell_json(c, RESULTS_CELL_FILE);
		cJSON *pk = cJSON_GetObjectItemCaseSensitive(o, "package");

		CHECK_STR(c->package_lock_generated, "2026-12-05T05:52:33Z");
		CHECK_STR(c->package_lock_cargo, "cargo 1.96.0");
		CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(pk, "lock_generated")),
			  "2026-12-05T05:52:33Z");
		CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(pk, "lock_cargo")), "cargo 1.96.0");
		cJSON_Delete(o);
	}
	c = runfile_find(&rf, "rust=1.96,probe=add");
	CHECK(c && c->package_lock_generated == NULL && c->package_lock_cargo == NULL);
	runfile_release(&rf);

	/* The file itself names the run as well as its directory. */
	path = xasprintf("%s/results.json", dir);
	CHECK_INT(runfile_load(&rf, path), 0);
	CHECK_STR(rf.dir, dir);
	runfile_release(&rf);
	free(path);
}

/* TEXT is refused with a message containing WANT. */
static void check_bad(const char *text, const char *want)
{
	struct runfile rf;

	error_clear();
	CHECK_INT(write_results(text), 0);
	CHECK_INT(runfile_load(&rf, dir), -1);
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	CHECK_HAS(error_message(), want);
}

static void test_bad(void)
{
	struct runfile rf;
	char *missing = xasprintf("%s/nothing", dir);

	error_clear();
	CHECK_INT(runfile_load(&rf, missing), -1);
	CHECK_HAS(error_message(), "nothing/results.json");
	free(missing);

	check_bad("{\"schema\":\"emcompat-results/1\",", "results.json:1:");
	check_bad("[]", "must be a JSON object");
	check_bad("{\"schema\":\"other/1\",\"run\":{\"id\":\"x\"},\"cells\":[]}", "1:2: schema \"other/1\"");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{},\"cells\":[]}", "\"id\" must be a string");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\"cells\":{}}",
		  "\"cells\" must be an array");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\n\"cells\":["
		  "{\"id\":\"a\",\"axes\":{},\"status\":\"great\"}]}",
		  "2:30: unknown status \"great\"");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\"cells\":["
		  "{\"id\":\"a\",\"axes\":{\"rust\":1},\"status\":\"pass\"}]}",
		  "axis \"rust\" must be a string");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\"cells\":["
		  "{\"id\":\"a\",\"axes\":{},\"status\":\"pass\"},{\"id\":\"a\",\"axes\":{},\"status\":\"fail\"}]}",
		  "cell \"a\" appears twice");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\"cells\":["
		  "{\"id\":\"a\",\"axes\":{},\"status\":\"pass\",\"stages\":[{\"stage\":\"load\"}]}]}",
		  "\"status\" must be a string");
}

/*
 * The root is parsed without its cells and each cell on its own, yet every
 * message gives the position in the whole file: after the cells too, on
 * the line that closes them, past non-ASCII text in them.
 */
static void test_positions(void)
{
	struct runfile rf;
	cJSON *o;

	check_bad("{\"schema\":\"emcompat-results/1\",\"cells\":[\n"
		  "{\"id\":\"\xc3\xa9\",\"axes\":{},\"status\":\"pass\"}, "
		  "{\"id\":\"b\",\"axes\":{},\"status\":\"pass\"}],"
		  " \"run\":7}",
		  "results.json:2:78: \"run\" must be an object");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\"cells\":[\n"
		  "{\"id\":\"a\",\"axes\":{},\"status\":\"pass\"},\n"
		  "  {\"axes\":{}, \"id\":\"a\",\"status\":\"fail\"}]}",
		  "results.json:3:15: cell \"a\" appears twice");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\"cells\":[],\n \"cells\":[]}",
		  "results.json:2:2: duplicate key \"cells\"");
	check_bad("{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"x\"},\"cells\":[\n"
		  "{\"id\":\"a\",\"axes\":{},\"status\":\"pass\",\"stages\":[{\"stage\":\"x\",\"stage\":\"y\"}]}]}",
		  "results.json:2:60: duplicate key \"stage\"");

	CHECK_INT(write_results(good), 0);
	CHECK_INT(runfile_load(&rf, dir), 0);
	o = runfile_cell_json(&rf, &rf.cells[1]);
	CHECK(o != NULL);
	CHECK_STR(cJSON_GetObjectItem(o, "id")->valuestring, "rust=1.63,probe=add");
	CHECK_STR(cJSON_GetObjectItem(o, "prediction")->valuestring, "predicted");
	cJSON_Delete(o);
	runfile_release(&rf);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir))
		return 1;
	test_good();
	test_bad();
	test_positions();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
