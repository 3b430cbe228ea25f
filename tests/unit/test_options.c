/* options: the spellings getopt_long takes, each type's target, each message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/options.h"
#include "emcompat/util.h"

/* What one parse set, over a table with one option of each type. */
struct seen {
	int jobs, quiet, retries, shard;
	const char *out;
	struct option_pairs only;
	struct option_strings from;
	char err[8192];    /* what went to stderr */
};

#define CHECK_STARTS(s, prefix) CHECK(strncmp((s), (prefix), strlen(prefix)) == 0)

static void seen_release(struct seen *s)
{
	free(s->only.v);
	free(s->from.v);
	memset(s, 0, sizeof(*s));
}

static int read_shard(const struct option_spec *opt, const char *arg)
{
	if (strcmp(arg, "bad") == 0)
		return error(EC_EXIT_INPUT, "--shard %s: not I/N", arg);
	*(int *)opt->value = atoi(arg);
	return 0;
}

/* Parses the words of LINE (split on spaces; argv[0] is "run") with FLAGS into S; returns options_parse's answer. */
static int parse(struct seen *s, const char *line, unsigned flags, char ***argvp, int *argcp)
{
	static char buf[4096];
	static char *argv[256];
	const struct option_spec opts[] = {
		OPT_INT('j', "jobs", &s->jobs, 1, 1024, "a number of slots"),
		OPT_FLAG('q', "quiet", &s->quiet),
		OPT_STRING('o', "output", &s->out),
		OPT_INT(0, "retries", &s->retries, 0, 10, "a number"),
		OPT_PAIRS(0, "only", &s->only, "AXIS=VALUE"),
		OPT_STRING_LIST(0, "from", &s->from),
		OPT_CALLBACK(0, "shard", &s->shard, read_shard),
		OPT_END(),
	};
	char path[] = "/tmp/emcompat-test-options-XXXXXX";
	int argc = 0, fd = mkstemp(path), saved = dup(2), rc;
	ssize_t n;

	seen_release(s);
	snprintf(buf, sizeof(buf), "run %s", line);
	for (char *w = strtok(buf, " "); w && argc < 255; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	fflush(stderr);
	dup2(fd, 2);
	rc = options_parse(argc, argv, opts, flags);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = pread(fd, s->err, sizeof(s->err) - 1, 0);
	s->err[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
	if (argvp)
		*argvp = argv;
	if (argcp)
		*argcp = argc;
	return rc;
}

static void test_spellings(void)
{
	static const char *const jobs4[] = {
		"-j 4", "-j4", "--jobs 4", "--jobs=4", "--jo 4", "--j=4", "-qj4", "-qj 4", "-j +4", "x -j 4", "-j 4 x",
	};
	struct seen s = { 0 };
	char **argv;
	int argc;

	for (size_t i = 0; i < sizeof(jobs4) / sizeof(*jobs4); i++) {
		CHECK(parse(&s, jobs4[i], 0, NULL, NULL) > 0);
		CHECK_INT(s.jobs, 4);
		CHECK_STR(s.err, "");
	}
	CHECK_INT(parse(&s, "-qj4", 0, NULL, NULL), 2);
	CHECK_INT(s.quiet, 1);
	/* Operands are moved after the options; "--" ends them. */
	CHECK_INT(parse(&s, "a -q b -o dir -- -j", 0, &argv, &argc), 5);
	CHECK_INT(argc, 8);
	CHECK_STR(argv[5], "a");
	CHECK_STR(argv[6], "b");
	CHECK_STR(argv[7], "-j");
	CHECK_STR(s.out, "dir");
	CHECK_INT(s.quiet, 1);
	CHECK_INT(s.jobs, 0);
	CHECK_INT(parse(&s, "", 0, NULL, NULL), 1);
	/* The last of a repeated single option wins. */
	CHECK(parse(&s, "-o a --output b -ob", 0, NULL, NULL) > 0);
	CHECK_STR(s.out, "b");
	/* A second parse starts afresh (no state of the first kept). */
	CHECK(parse(&s, "-qx", 0, NULL, NULL) < 0);
	CHECK(parse(&s, "-j 2", 0, NULL, NULL) > 0);
	CHECK_INT(s.jobs, 2);
	CHECK_INT(s.quiet, 0);
	seen_release(&s);
}

static void test_int(void)
{
	static const char *const bad[] = { "0", "1025", "abc", "-1", "-0", "4x", "99999999999999999999", "4294967297" };
	struct seen s = { 0 };

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *line = xasprintf("-j %s", bad[i]);
		char *msg = xasprintf("emcompat run: -j %s: expected a number of slots from 1 to 1024\n", bad[i]);

		CHECK_INT(parse(&s, line, 0, NULL, NULL), -1);
		CHECK_INT(s.jobs, 0);
		CHECK_STARTS(s.err, msg);
		CHECK_HAS(s.err, "usage: emcompat run [MATRIX]");
		free(line);
		free(msg);
	}
	CHECK(parse(&s, "--retries 0", 0, NULL, NULL) > 0);
	CHECK_INT(s.retries, 0);
	CHECK(parse(&s, "--retries=10", 0, NULL, NULL) > 0);
	CHECK_INT(s.retries, 10);
	CHECK_INT(parse(&s, "--retries -0", 0, NULL, NULL), -1);
	CHECK_HAS(s.err, "emcompat run: --retries -0: expected a number from 0 to 10\n");
	CHECK_INT(parse(&s, "--retries 11", 0, NULL, NULL), -1);
	CHECK_HAS(s.err, "emcompat run: --retries 11: expected a number from 0 to 10\n");
	seen_release(&s);
}

static void test_lists(void)
{
	static const char *const bad[] = { "x", "=x", "x=" };
	struct seen s = { 0 };
	char **argv;
	int argc;

	CHECK(parse(&s, "--only rust=1.63 --from a --only=probe=u128 --from=b --only k=v=w", 0, &argv, &argc) > 0);
	CHECK_INT(s.only.n, 3);
	CHECK_STR(s.only.v[0].key, "rust");
	CHECK_STR(s.only.v[0].value, "1.63");
	CHECK_STR(s.only.v[1].key, "probe");
	CHECK_STR(s.only.v[1].value, "u128");
	CHECK_STR(s.only.v[2].key, "k");
	CHECK_STR(s.only.v[2].value, "v=w");
	CHECK_INT(s.from.n, 2);
	CHECK_STR(s.from.v[0], "a");
	CHECK_STR(s.from.v[1], "b");
	/* Many of them: the lists grow. */
	{
		struct strbuf sb = { 0 };

		for (int i = 0; i < 40; i++)
			strbuf_addf(&sb, "--only k%d=v%d --from d%d ", i, i, i);
		CHECK(parse(&s, strbuf_str(&sb), 0, NULL, NULL) > 0);
		CHECK_INT(s.only.n, 40);
		CHECK_INT(s.from.n, 40);
		CHECK_STR(s.only.v[39].key, "k39");
		CHECK_STR(s.from.v[39], "d39");
		strbuf_release(&sb);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *line = xasprintf("--only a=b --only %s --only c=d", bad[i]);
		char *msg = xasprintf("emcompat: --only %s: expected AXIS=VALUE\n", bad[i]);

		CHECK_INT(parse(&s, line, 0, NULL, NULL), -1);
		CHECK_STR(s.err, msg);
		/* Parsing stopped at the bad one. */
		CHECK_INT(s.only.n, 1);
		CHECK(!error_pending());
		free(line);
		free(msg);
	}
	CHECK_INT(parse(&s, "--only x", OPTIONS_NAME_COMMAND, NULL, NULL), -1);
	CHECK_STR(s.err, "emcompat run: --only x: expected AXIS=VALUE\n");
	seen_release(&s);
}

static void test_callback(void)
{
	struct seen s = { 0 };

	CHECK(parse(&s, "--shard 3", 0, NULL, NULL) > 0);
	CHECK_INT(s.shard, 3);
	CHECK_INT(parse(&s, "--shard bad", 0, NULL, NULL), -1);
	CHECK_STR(s.err, "emcompat: --shard bad: not I/N\n");
	CHECK(!error_pending());
	CHECK_INT(parse(&s, "--shard bad", OPTIONS_NAME_COMMAND, NULL, NULL), -1);
	CHECK_STR(s.err, "emcompat run: --shard bad: not I/N\n");
	seen_release(&s);
}

static void test_unknown(void)
{
	struct seen s = { 0 };

	CHECK_INT(parse(&s, "--bogus", 0, NULL, NULL), -1);
	CHECK_STARTS(s.err, "emcompat run: unknown or incomplete option '--bogus'\nusage: emcompat run ");
	CHECK_INT(parse(&s, "--bogus", OPTIONS_SAY_UNKNOWN, NULL, NULL), -1);
	CHECK_STARTS(s.err, "emcompat run: unknown option '--bogus'\nusage: emcompat run ");
	/* A missing argument, an argument to a flag, an ambiguous prefix. */
	CHECK_INT(parse(&s, "-q -j", 0, NULL, NULL), -1);
	CHECK_HAS(s.err, "emcompat run: unknown or incomplete option '-j'\n");
	CHECK_INT(parse(&s, "--only", 0, NULL, NULL), -1);
	CHECK_HAS(s.err, "emcompat run: unknown or incomplete option '--only'\n");
	CHECK_INT(parse(&s, "--quiet=1", 0, NULL, NULL), -1);
	CHECK_HAS(s.err, "emcompat run: unknown or incomplete option '--quiet=1'\n");
	CHECK_INT(parse(&s, "--o x", 0, NULL, NULL), -1);
	CHECK_HAS(s.err, "emcompat run: unknown or incomplete option '--o'\n");
	/* --help is cli_main's: no table has it. */
	CHECK_INT(parse(&s, "--help", 0, NULL, NULL), -1);
	CHECK_INT(parse(&s, "-h", 0, NULL, NULL), -1);
	seen_release(&s);
}

int main(void)
{
	test_spellings();
	test_int();
	test_lists();
	test_callback();
	test_unknown();
	return check_done();
}
