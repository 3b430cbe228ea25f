#include <stdlib.h>
#include <string.h>

#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/util.h"
#include "stages_internal.h"

const char *stages_src_root(struct stages *s, const char *prefix, const char *tag)
{
	char digest[65];
	char *dir;

	embedded_digest(prefix, digest);
	dir = xasprintf("%s/%s-%.16s", s->src, tag, digest);
	for (size_t i = 0; i < s->nroots; i++)
		if (strcmp(s->roots[i], dir) == 0) {
			free(dir);
			return s->roots[i];
		}
	if (embedded_extract(prefix, dir)) {
		free(dir);
		return NULL;
	}
	xgrow(&s->roots, &s->cap_roots, s->nroots + 1, sizeof(*s->roots));
	s->roots[s->nroots++] = dir;
	return dir;
}

const char *stages_probe_root(struct stages *s, const char *probe)
{
	char *prefix = xasprintf("matrix/probes/%s/", probe), *tag = xasprintf("probe-%s", probe);
	const char *dir = stages_src_root(s, prefix, tag);

	free(prefix);
	free(tag);
	return dir;
}

const char *stages_loaders_root(struct stages *s)
{
	return stages_src_root(s, "matrix/loaders/", "loaders");
}

const cJSON *stages_probe_json(struct stages *s, const char *probe, char **why)
{
	const struct embedded_file *f;
	struct json_doc d;
	char *path;

	for (size_t i = 0; i < s->nprobes; i++)
		if (strcmp(s->probe_names[i], probe) == 0)
			return s->probe_json[i];
	path = xasprintf("matrix/probes/%s/probe.json", probe);
	f = embedded_find(path);
	if (!f) {
		*why = xasprintf("there is no probe \"%s\" (no %s in this emcompat)", probe, path);
		free(path);
		return NULL;
	}
	if (json_doc_parse(&d, path, f->data, f->size)) {
		*why = xstrdup(error_message());
		error_clear();
		free(path);
		return NULL;
	}
	free(path);
	xgrow(&s->probe_json, &s->cap_probes, s->nprobes + 1, sizeof(*s->probe_json));
	s->probe_names = realloc(s->probe_names, s->cap_probes * sizeof(*s->probe_names));
	s->probe_json[s->nprobes] = d.root;
	s->probe_names[s->nprobes] = xstrdup(probe);
	return s->probe_json[s->nprobes++];
}

void stages_sources_release(struct stages *s)
{
	for (size_t i = 0; i < s->nprobes; i++) {
		cJSON_Delete(s->probe_json[i]);
		free(s->probe_names[i]);
	}
	free(s->probe_json);
	free(s->probe_names);
	for (size_t i = 0; i < s->nroots; i++)
		free(s->roots[i]);
	free(s->roots);
}
