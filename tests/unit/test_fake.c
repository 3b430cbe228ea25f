/* The fake-toolchain seam: a node's argv, environment and directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/fake.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/test_fake.XXXXXX";

static int has(const char *const *v, const char *s)
{
	for (; *v; v++)
		if (strcmp(*v, s) == 0)
			return 1;
	return 0;
}

static void test_job(void)
{
	static const char text[] = "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\"],\"probe\":[\"add\"],"
				   "\"loader\":[\"emcc-main\"]}}";
	struct matrix m;
	struct plan p;
	struct fake f;
	struct sched_job job;
	char *nodes = xasprintf("%s/nodes", dir), *want;
	size_t link;
	struct stat st;

	setenv("EMCOMPAT_LEAK", "1", 1);
	setenv("TEST_FAKE_KEEP", "1", 1);
	CHECK_INT(matrix_parse(&m, "t.json", text, strlen(text)), 0);
	CHECK_INT(plan_build(&p, &m), 0);
	CHECK_INT(mkdir_p(nodes), 0);
	link = p.cell_nodes[STAGE_LINK];
	fake_init(&f, "/fake", dir);
	memset(&job, 0, sizeof(job));
	CHECK_INT(fake_job(&f, &p, link, &job), 0);
	CHECK_STR(job.argv[0], "/fake/link");
	/* link reads emscripten, not the probe (that is compile's). */
	CHECK(has(job.argv, "emscripten=3.1.6"));
	CHECK(!has(job.argv, "probe=add"));
	CHECK(has(job.env, "TEST_FAKE_KEEP=1"));
	CHECK(!has(job.env, "EMCOMPAT_LEAK=1"));
	CHECK(has(job.env, "EMCOMPAT_STAGE=link"));
	want = xasprintf("EMCOMPAT_DEP_COMPILE=%s/nodes/%s", dir, p.nodes[p.cell_nodes[STAGE_COMPILE]].id);
	CHECK(has(job.env, want));
	free(want);
	want = xasprintf("%s/nodes/%s", dir, p.nodes[link].id);
	CHECK_STR(job.cwd, want);
	CHECK(stat(want, &st) == 0 && S_ISDIR(st.st_mode));
	free(want);
	fake_release(&f);
	/* No RUN_DIR/nodes: an error naming the directory. */
	fake_init(&f, "/fake", "/nonexistent/run");
	error_clear();
	CHECK_INT(fake_job(&f, &p, link, &job), -1);
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	error_clear();
	fake_release(&f);
	plan_release(&p);
	matrix_release(&m);
	free(nodes);
	unsetenv("EMCOMPAT_LEAK");
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_job();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
