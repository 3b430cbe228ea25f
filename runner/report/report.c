#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/html.h"
#include "emcompat/junit.h"
#include "emcompat/report.h"
#include "emcompat/summary_md.h"
#include "emcompat/util.h"

int report_write_all(const struct report_input *in)
{
	char *path = xasprintf("%s/summary.md", in->run->dir);
	int rc = summary_md_write(path, in);

	free(path);
	path = xasprintf("%s/junit.xml", in->run->dir);
	rc = junit_write(path, in) || rc ? -1 : 0;
	free(path);
	path = xasprintf("%s/report.html", in->run->dir);
	rc = html_write(path, in) || rc ? -1 : 0;
	free(path);
	return rc;
}

int report_runs_load(struct report_runs *rr, const char *dir, const char *baseline_dir)
{
	memset(rr, 0, sizeof(*rr));
	if (runfile_load(&rr->run, dir))
		return -1;
	if (baseline_dir && runfile_load(&rr->base, baseline_dir)) {
		runfile_release(&rr->run);
		return -1;
	}
	if (baseline_dir) {
		diff_runs(&rr->diff, &rr->base, &rr->run);
		rr->baseline_dir = baseline_dir;
	}
	return 0;
}

int report_runs_write(const struct report_runs *rr, const struct classify_table *classes)
{
	struct report_input in;

	memset(&in, 0, sizeof(in));
	in.run = &rr->run;
	if (rr->baseline_dir) {
		in.baseline = &rr->diff;
		in.baseline_dir = rr->baseline_dir;
	}
	in.classes = classes;
	in.nights = rr->nights;
	in.baseline_night = rr->baseline_night && rr->baseline_dir;
	return report_write_all(&in);
}

void report_runs_release(struct report_runs *rr)
{
	if (rr->baseline_dir) {
		diff_release(&rr->diff);
		runfile_release(&rr->base);
	}
	runfile_release(&rr->run);
	memset(rr, 0, sizeof(*rr));
}

int report_dir(const char *dir, const char *baseline_dir, size_t *regressed)
{
	struct report_runs rr;
	struct classify_table *classes = NULL;
	int rc;

	if (regressed)
		*regressed = 0;
	if (report_runs_load(&rr, dir, baseline_dir))
		return -1;
	if (regressed && baseline_dir)
		*regressed = rr.diff.counts[DIFF_REGRESSED];
	/* Without the class table the reports still stand; they only lose the explanations. */
	if (classify_load(&classes, NULL))
		error_clear();
	rc = report_runs_write(&rr, classes);
	classify_free(classes);
	report_runs_release(&rr);
	return rc;
}
