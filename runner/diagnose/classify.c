#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emcompat/classify.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/evidence.h"
#include "emcompat/json.h"
#include "emcompat/stage.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"
#include "logline.h"
#include "textscan.h"

#define SCHEMA "emcompat-signatures/1"
/* At most this many matching lines are quoted per result. */
#define MAX_LINES 6

enum cmp_op {
	OP_EQ_STR,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_EQ,
	OP_NE
};

#define VERSION_PARTS 4

struct condition {
	char *text;                 /* as written, for exact comparison */
	enum cmp_op op;
	long parts[VERSION_PARTS];
	int nparts;
};

struct requirement {
	char *key;                  /* a fact name, or "finding" */
	struct condition *alts;     /* any one of them holds */
	size_t nalts;
};

struct pattern {
	regex_t re;
	char *src;
	char *literal;              /* text every match contains (lowercase when icase), or NULL */
	int icase;
	struct requirement *reqs;   /* this pattern's own evidence */
	size_t nreqs;
	regex_t with;               /* what must match somewhere in the logs too, if has_with */
	int has_with;
};

/* A regex over one kind of token (or, kind -1, over the line's text). */
struct token_test {
	int kind;
	regex_t re;
};

/* An evidence rule: a line of one of its tools whose tokens pass every test. */
struct rule {
	char **tools;               /* NULL-terminated, or NULL: any tool */
	struct token_test *tests;
	size_t ntests;
	struct requirement *reqs;
	size_t nreqs;
};

struct entry {
	struct classify_class pub;
	char **refs;
	struct rule *rules;
	size_t nrules;
	struct pattern *patterns;
	size_t npatterns;
	struct pattern *also;
	size_t nalso;
	struct pattern *unless;
	size_t nunless;
	struct requirement *reqs;
	size_t nreqs;
};

struct classify_table {
	struct entry *entries;
	size_t n;
};

/* ---- loading ---- */

static int is_snake_id(const char *s)
{
	if (!islower((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

static int is_ref(const char *s)
{
	const char *slash = strchr(s, '/'), *hash = strchr(s, '#');

	if (!slash || !hash || slash == s || hash < slash + 2 || !hash[1])
		return 0;
	for (const char *p = s; p < hash; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_.-/", *p))
			return 0;
	if (strchr(slash + 1, '/') && strchr(slash + 1, '/') < hash)
		return 0;
	for (const char *p = hash + 1; *p; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return 1;
}

/* Leading dotted digits of S into PARTS; the number of parts read (0: none). */
static int parse_version(const char *s, long *parts, int max)
{
	int n = 0;

	while (n < max && isdigit((unsigned char)*s)) {
		char *end;

		parts[n++] = strtol(s, &end, 10);
		s = end;
		if (*s != '.' || !isdigit((unsigned char)s[1]))
			break;
		s++;
	}
	return n;
}

static int parse_condition(const struct json_doc *d, const cJSON *at, const char *text, struct condition *c)
{
	static const struct {
		const char *op;
		enum cmp_op v;
	} ops[] = {
		{ "<=", OP_LE }, { ">=", OP_GE }, { "!=", OP_NE }, { "<", OP_LT }, { ">", OP_GT }, { "=", OP_EQ },
	};
	const char *v = text;

	c->text = xstrdup(text);
	c->op = OP_EQ_STR;
	c->nparts = 0;
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++) {
		size_t n = strlen(ops[i].op);

		if (strncmp(text, ops[i].op, n) == 0) {
			c->op = ops[i].v;
			v = text + n;
			break;
		}
	}
	if (c->op == OP_EQ_STR)
		return *text ? 0 : json_doc_error(d, at, "an empty value never holds");
	while (*v == ' ')
		v++;
	c->nparts = parse_version(v, c->parts, VERSION_PARTS);
	if (!c->nparts || v[strspn(v, "0123456789.")])
		return json_doc_error(d, at, "'%s': expected a version after the operator, like \"<1.77\"", text);
	return 0;
}

static const cJSON *member(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static int get_string(const struct json_doc *d, const cJSON *obj, const char *key, int required, char **out)
{
	const cJSON *v = member(obj, key);

	*out = NULL;
	if (!v) {
		if (required)
			return json_doc_error(d, obj, "a class needs \"%s\"", key);
		return 0;
	}
	if (!cJSON_IsString(v) || !*v->valuestring)
		return json_doc_error(d, v, "\"%s\" must be a non-empty string", key);
	*out = xstrdup(v->valuestring);
	return 0;
}

static int parse_requires(const struct json_doc *d, const cJSON *req, struct requirement **out, size_t *n)
{
	const cJSON *kv;

	if (!cJSON_IsObject(req) || !cJSON_GetArraySize(req))
		return json_doc_error(d, req, "\"requires\" must be a non-empty object of fact -> value(s)");
	*out = xcalloc((size_t)cJSON_GetArraySize(req), sizeof(**out));
	cJSON_ArrayForEach (kv, req) {
		struct requirement *r = &(*out)[(*n)++];
		const cJSON *v;

		r->key = xstrdup(kv->string);
		if (cJSON_IsString(kv)) {
			r->alts = xcalloc(1, sizeof(*r->alts));
			r->nalts = 1;
			if (parse_condition(d, kv, kv->valuestring, &r->alts[0]))
				return -1;
		} else {
			if (!cJSON_IsArray(kv) || !cJSON_GetArraySize(kv))
				return json_doc_error(d, kv,
						      "\"%s\": expected a string or a non-empty array "
						      "of strings",
						      kv->string);
			r->alts = xcalloc((size_t)cJSON_GetArraySize(kv), sizeof(*r->alts));
			cJSON_ArrayForEach (v, kv) {
				if (!cJSON_IsString(v))
					return json_doc_error(d, v, "\"%s\": expected a string", kv->string);
				if (parse_condition(d, v, v->valuestring, &r->alts[r->nalts++]))
					return -1;
			}
		}
		if (strcmp(r->key, "finding") == 0)
			for (size_t i = 0; i < r->nalts; i++)
				if (r->alts[i].op != OP_EQ_STR)
					return json_doc_error(d, kv, "\"finding\" takes finding ids, not versions");
	}
	return 0;
}

static void free_requirements(struct requirement *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < r[i].nalts; j++)
			free(r[i].alts[j].text);
		free(r[i].alts);
		free(r[i].key);
	}
	free(r);
}

/* Frees the patterns compiled so far: N of them, and the requirements of the next. */
static void free_patterns(struct pattern *p, size_t n)
{
	if (!p)
		return;
	for (size_t i = 0; i < n; i++) {
		regfree(&p[i].re);
		if (p[i].has_with)
			regfree(&p[i].with);
		free(p[i].src);
		free(p[i].literal);
		free_requirements(p[i].reqs, p[i].nreqs);
	}
	free_requirements(p[n].reqs, p[n].nreqs);
	free(p);
}

/* The end of the group or bracket expression at SRC ('(' or '['), or NULL. */
static const char *skip_atom(const char *src)
{
	const char *p = src + 1;
	int depth = 1;

	if (*src == '[') {
		if (*p == '^')
			p++;
		if (*p == ']')
			p++;
		while (*p && *p != ']')
			p++;
		return *p ? p + 1 : NULL;
	}
	while (*p && depth) {
		if (*p == '\\' && p[1]) {
			p += 2;
			continue;
		}
		if (*p == '[') {
			p = skip_atom(p);
			if (!p)
				return NULL;
			continue;
		}
		depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		p++;
	}
	return depth ? NULL : p;
}

/*
 * Whether the ERE SRC starts with a repeated class (".+", "[a-z]*",
 * "\S{2,}"). glibc's regexec tries every start in a line and such a
 * start runs to the line's end from each: time quadratic in the line's
 * length (58 s for one 200 KB line), and logs are untrusted. Anchoring a
 * pattern at its first literal finds the same lines.
 */
static int regex_starts_repeated(const char *src)
{
	const char *p = src;

	if (*p == '.') {
		p++;
	} else if (*p == '\\' && p[1]) {
		p += 2;
	} else if (*p == '[') {
		p = skip_atom(p);
		if (!p)
			return 0;
	} else {
		return 0;
	}
	return *p == '*' || *p == '+' || *p == '{';
}

#define REGEX_MAX_COST 20000
#define REGEX_MAX_DEPTH 64

/*
 * A rough count of the nodes regcomp builds for the ERE SRC. glibc copies
 * a repeated subexpression once per repetition (x+ is xx*, x{3} is xxx),
 * so nested repetitions multiply: a table with "a++++...+" or
 * "((a{99}){99}){99}" would take gigabytes. Atoms count 1, a group its
 * contents, a quantifier multiplies the atom or group before it.
 */
static double regex_cost(const char *src)
{
	double seq[REGEX_MAX_DEPTH], last[REGEX_MAX_DEPTH];
	int depth = 0;

	seq[0] = last[0] = 0;
	for (const char *p = src; *p; p++) {
		double atom = 1, f = 0;

		switch (*p) {
		case '\\':
			if (p[1])
				p++;
			break;
		case '[':
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']') {
				if (*p == '[' && p[1] && strchr(":.=", p[1])) {
					const char *end = strstr(p + 2, (const char[]){ p[1], ']', '\0' });

					p = end ? end + 1 : p + strlen(p) - 1;
				}
				p++;
			}
			if (!*p)
				return seq[0] + 1;
			break;
		case '(':
			if (++depth == REGEX_MAX_DEPTH)
				return (double)REGEX_MAX_COST + 1;
			seq[depth] = last[depth] = 0;
			continue;
		case ')':
			if (depth > 0)
				atom = seq[depth--] + 1;
			break;
		case '*':
		case '?':
			f = 1;
			break;
		case '+':
			f = 2;
			break;
		case '{':
			if (p[1] >= '0' && p[1] <= '9') {
				char *end;
				double lo = strtod(p + 1, &end), hi = lo;

				if (*end == ',')
					hi = end[1] >= '0' && end[1] <= '9' ? strtod(end + 1, &end) : lo + 1;
				if (*end == '}') {
					f = (hi > lo ? hi : lo) + 1;
					p = end;
				}
			}
			break;
		}
		if (f > 0) {
			seq[depth] += last[depth] * (f - 1);
			last[depth] *= f;
		} else {
			seq[depth] += atom;
			last[depth] = atom;
		}
		if (seq[depth] > REGEX_MAX_COST)
			return seq[depth];
	}
	while (depth > 0) {
		double inner = seq[depth--];

		seq[depth] += inner;
	}
	return seq[0];
}

/*
 * The longest run of plain characters the ERE SRC requires in every match
 * (lowercased with ICASE), or NULL when it has none of 3 bytes or more or a
 * top-level alternation. A log without it cannot match: search() then skips
 * regexec, which tries every start of every line. Conservative: a character
 * before a quantifier, groups, classes and escapes end a run.
 */
static char *required_literal(const char *src, int icase)
{
	struct strbuf run = { 0 };
	char *best = NULL;
	size_t best_len = 0;

	for (const char *p = src;;) {
		int c = (unsigned char)*p, literal = 0;

		if (c == '|') {
			free(best);
			strbuf_release(&run);
			return NULL;
		}
		if (c && c != '*' && c != '+' && c != '?' && c != '{' &&
		    (p[1] == '*' || p[1] == '?' || p[1] == '{' || p[1] == '+')) {
			/* the atom before a quantifier may be absent or repeated: it ends the run */
		} else if (c == '\\' && p[1] && ispunct((unsigned char)p[1]) &&
			   !(p[2] == '*' || p[2] == '?' || p[2] == '{' || p[2] == '+')) {
			c = (unsigned char)p[1];
			literal = 1;
			p++;
		} else if (c && !strchr(".[]()^$\\*+?{}", c)) {
			literal = 1;
		}
		if (literal) {
			strbuf_addch(&run, icase ? tolower(c) : c);
			p++;
			continue;
		}
		if (run.len > best_len) {
			free(best);
			best_len = run.len;
			best = strbuf_detach(&run);
		}
		strbuf_release(&run);
		if (!c)
			break;
		if (c == '(' || c == '[') {
			p = skip_atom(p);
			if (!p)
				break;
		} else {
			p += c == '\\' && p[1] ? 2 : 1;
		}
		/* a quantified group or class */
		while (*p == '*' || *p == '+' || *p == '?')
			p++;
		if (*p == '{')
			while (*p && *p++ != '}')
				;
	}
	if (best_len < 3) {
		free(best);
		return NULL;
	}
	return best;
}

/* Compiles the regex REGEX (a JSON string) into *RE; -1 with a positioned error. */
static int compile_regex(const struct json_doc *d, const cJSON *regex, regex_t *re)
{
	const char *src;
	int flags = REG_EXTENDED | REG_NEWLINE, rc;

	if (!cJSON_IsString(regex) || !*regex->valuestring)
		return json_doc_error(d, regex,
				      "a pattern must be a non-empty string "
				      "(or {\"regex\": ..., \"requires\": {...}})");
	src = regex->valuestring;
	if (strncmp(src, "(?i)", 4) == 0) {
		flags |= REG_ICASE;
		src += 4;
	}
	if (regex_starts_repeated(src))
		return json_doc_error(d, regex,
				      "a pattern must not start with a repeated class (it makes matching a long "
				      "line take quadratic time): start it at its first literal text");
	if (regex_cost(src) > REGEX_MAX_COST)
		return json_doc_error(d, regex,
				      "pattern too complex: nested repetitions would make "
				      "regcomp build more than %d nodes",
				      REGEX_MAX_COST);
	rc = regcomp(re, src, flags);
	if (rc) {
		char msg[256];

		regerror(rc, re, msg, sizeof(msg));
		return json_doc_error(d, regex, "bad regular expression: %s", msg);
	}
	return 0;
}

static int compile_patterns(const struct json_doc *d, const cJSON *obj, const char *key, int required,
			    struct pattern **out, size_t *n)
{
	const cJSON *arr = member(obj, key), *item;
	size_t i = 0;

	*out = NULL;
	*n = 0;
	if (!arr) {
		if (required)
			return json_doc_error(d, obj, "a class needs \"%s\" (or \"evidence\")", key);
		return 0;
	}
	if (!cJSON_IsArray(arr) || !cJSON_GetArraySize(arr))
		return json_doc_error(d, arr, "\"%s\" must be a non-empty array of regular expressions", key);
	*out = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(**out));
	cJSON_ArrayForEach (item, arr) {
		const cJSON *regex = item, *kv;

		if (cJSON_IsObject(item)) {
			cJSON_ArrayForEach (kv, item)
				if (strcmp(kv->string, "regex") != 0 && strcmp(kv->string, "requires") != 0 &&
				    strcmp(kv->string, "with") != 0)
					return json_doc_error(d, kv,
							      "unknown key \"%s\" (a pattern object has "
							      "regex, requires and with)",
							      kv->string);
			regex = member(item, "regex");
			if (!regex)
				return json_doc_error(d, item, "a pattern object needs \"regex\"");
			if (member(item, "requires") &&
			    parse_requires(d, member(item, "requires"), &(*out)[i].reqs, &(*out)[i].nreqs))
				return -1;
		}
		if (compile_regex(d, regex, &(*out)[i].re)) {
			free_requirements((*out)[i].reqs, (*out)[i].nreqs);
			(*out)[i].reqs = NULL;
			(*out)[i].nreqs = 0;
			return -1;
		}
		if (cJSON_IsObject(item) && member(item, "with")) {
			if (compile_regex(d, member(item, "with"), &(*out)[i].with)) {
				regfree(&(*out)[i].re);
				free_requirements((*out)[i].reqs, (*out)[i].nreqs);
				(*out)[i].reqs = NULL;
				(*out)[i].nreqs = 0;
				return -1;
			}
			(*out)[i].has_with = 1;
		}
		(*out)[i].src = xstrdup(regex->valuestring);
		(*out)[i].icase = strncmp((*out)[i].src, "(?i)", 4) == 0;
		(*out)[i].literal = required_literal((*out)[i].src + ((*out)[i].icase ? 4 : 0), (*out)[i].icase);
		*n = ++i;
	}
	return 0;
}

static void free_rules(struct rule *r, size_t n)
{
	for (size_t i = 0; r && i < n; i++) {
		for (size_t k = 0; r[i].tools && r[i].tools[k]; k++)
			free(r[i].tools[k]);
		free(r[i].tools);
		for (size_t k = 0; k < r[i].ntests; k++)
			regfree(&r[i].tests[k].re);
		free(r[i].tests);
		free_requirements(r[i].reqs, r[i].nreqs);
	}
	free(r);
}

/* A string or a non-empty array of strings: their count, or -1 with a positioned error. */
static int string_list(const struct json_doc *d, const cJSON *v, const char *what)
{
	const cJSON *item;

	if (cJSON_IsString(v))
		return 1;
	if (!cJSON_IsArray(v) || !cJSON_GetArraySize(v))
		return json_doc_error(d, v, "\"%s\": expected a string or a non-empty array of strings", what);
	cJSON_ArrayForEach (item, v)
		if (!cJSON_IsString(item))
			return json_doc_error(d, item, "\"%s\": expected a string", what);
	return cJSON_GetArraySize(v);
}

/*
 * "evidence": [{"tool": "js", "symbol": "^invoke_"}, ...]: the rules of a
 * class (classify.h). The rule's slot in R is counted in *N before it is
 * filled, so that free_rules releases what a failed parse left.
 */
static int parse_rules(const struct json_doc *d, const cJSON *arr, struct rule **out, size_t *n)
{
	const cJSON *obj;

	if (!cJSON_IsArray(arr) || !cJSON_GetArraySize(arr))
		return json_doc_error(d, arr, "\"evidence\" must be a non-empty array of rules");
	*out = xcalloc((size_t)cJSON_GetArraySize(arr), sizeof(**out));
	cJSON_ArrayForEach (obj, arr) {
		struct rule *r = &(*out)[(*n)++];
		const cJSON *kv;

		if (!cJSON_IsObject(obj))
			return json_doc_error(d, obj, "an evidence rule must be an object");
		cJSON_ArrayForEach (kv, obj) {
			int kind = strcmp(kv->string, "line") == 0 ? -1 : evidence_kind_from_name(kv->string), count;

			if (strcmp(kv->string, "requires") == 0) {
				if (parse_requires(d, kv, &r->reqs, &r->nreqs))
					return -1;
				continue;
			}
			if (strcmp(kv->string, "tool") != 0 && kind == -1 && strcmp(kv->string, "line") != 0)
				return json_doc_error(d, kv,
						      "unknown key \"%s\" (a rule has tool, symbol, feature, "
						      "version, file, tag, code, crate, line, requires)",
						      kv->string);
			if ((count = string_list(d, kv, kv->string)) < 0)
				return -1;
			if (strcmp(kv->string, "tool") == 0) {
				r->tools = xcalloc((size_t)count + 1, sizeof(*r->tools));
			} else {
				r->tests = realloc(r->tests, (r->ntests + (size_t)count) * sizeof(*r->tests));
				if (!r->tests)
					abort();
			}
			for (int k = 0; k < count; k++) {
				const cJSON *item = cJSON_IsString(kv) ? kv : cJSON_GetArrayItem(kv, k);

				if (strcmp(kv->string, "tool") == 0) {
					if (!evidence_is_tool(item->valuestring))
						return json_doc_error(d, item, "unknown tool \"%s\"",
								      item->valuestring);
					r->tools[k] = xstrdup(item->valuestring);
					continue;
				}
				r->tests[r->ntests].kind = kind;
				if (compile_regex(d, item, &r->tests[r->ntests].re))
					return -1;
				r->ntests++;
			}
		}
		if (!r->ntests)
			return json_doc_error(d, obj,
					      "a rule needs a test (symbol, feature, version, file, tag, "
					      "code, crate or line)");
	}
	return 0;
}

static int parse_entry(const struct json_doc *d, const cJSON *obj, struct entry *e)
{
	static const char *const keys[] = {
		"id", "stages", "evidence", "patterns", "also", "unless", "requires", "title", "explain", "fix", "refs",
	};
	const cJSON *kv, *stages, *refs, *item;
	char *id;

	if (!cJSON_IsObject(obj))
		return json_doc_error(d, obj, "a class must be an object");
	cJSON_ArrayForEach (kv, obj) {
		size_t i;

		for (i = 0; i < sizeof(keys) / sizeof(*keys); i++)
			if (strcmp(kv->string, keys[i]) == 0)
				break;
		if (i == sizeof(keys) / sizeof(*keys))
			return json_doc_error(d, kv,
					      "unknown key \"%s\" (a class has id, stages, evidence, "
					      "patterns, also, unless, requires, title, explain, fix, refs)",
					      kv->string);
	}
	if (get_string(d, obj, "id", 1, &id))
		return -1;
	e->pub.id = id;
	if (!is_snake_id(id))
		return json_doc_error(d, member(obj, "id"), "id \"%s\" is not snake_case ([a-z][a-z0-9_]*)", id);
	if (strcmp(id, CLASSIFY_NONE) == 0 || strcmp(id, CLASSIFY_UNCLASSIFIED) == 0)
		return json_doc_error(d, member(obj, "id"), "id \"%s\" is reserved", id);
	if (get_string(d, obj, "title", 1, (char **)&e->pub.title) ||
	    get_string(d, obj, "explain", 1, (char **)&e->pub.explain) ||
	    get_string(d, obj, "fix", 1, (char **)&e->pub.fix))
		return -1;

	stages = member(obj, "stages");
	if (!stages)
		return json_doc_error(d, obj, "a class needs \"stages\"");
	if (!cJSON_IsArray(stages) || !cJSON_GetArraySize(stages))
		return json_doc_error(d, stages, "\"stages\" must be a non-empty array of stage names");
	cJSON_ArrayForEach (item, stages) {
		int s = cJSON_IsString(item) ? stage_from_name(item->valuestring) : -1;

		if (s < 0)
			return json_doc_error(d, item,
					      "unknown stage (expected std, compile, link, main, "
					      "inspect, load or run)");
		e->pub.stages |= 1u << s;
	}

	refs = member(obj, "refs");
	if (!refs)
		return json_doc_error(d, obj, "a class needs \"refs\" (an empty array when there are none)");
	if (!cJSON_IsArray(refs))
		return json_doc_error(d, refs, "\"refs\" must be an array of \"owner/repo#N\"");
	e->refs = xcalloc((size_t)cJSON_GetArraySize(refs) + 1, sizeof(*e->refs));
	cJSON_ArrayForEach (item, refs) {
		if (!cJSON_IsString(item) || !is_ref(item->valuestring))
			return json_doc_error(d, item, "a ref must be \"owner/repo#N\"");
		e->refs[e->pub.nrefs++] = xstrdup(item->valuestring);
	}
	e->pub.refs = (const char *const *)e->refs;

	if (member(obj, "evidence") && parse_rules(d, member(obj, "evidence"), &e->rules, &e->nrules))
		return -1;
	if (compile_patterns(d, obj, "patterns", !e->nrules, &e->patterns, &e->npatterns) ||
	    compile_patterns(d, obj, "also", 0, &e->also, &e->nalso) ||
	    compile_patterns(d, obj, "unless", 0, &e->unless, &e->nunless))
		return -1;
	if (member(obj, "requires"))
		return parse_requires(d, member(obj, "requires"), &e->reqs, &e->nreqs);
	return 0;
}


static void free_entry(struct entry *e)
{
	free((char *)e->pub.id);
	free((char *)e->pub.title);
	free((char *)e->pub.explain);
	free((char *)e->pub.fix);
	for (size_t i = 0; i < e->pub.nrefs; i++)
		free(e->refs[i]);
	free(e->refs);
	free_rules(e->rules, e->nrules);
	free_patterns(e->patterns, e->npatterns);
	free_patterns(e->also, e->nalso);
	free_patterns(e->unless, e->nunless);
	free_requirements(e->reqs, e->nreqs);
}

void classify_free(struct classify_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free_entry(&t->entries[i]);
	free(t->entries);
	free(t);
}

static int parse_table(const struct json_doc *d, struct classify_table *t)
{
	const cJSON *root = d->root, *kv, *schema, *classes, *item;

	if (!cJSON_IsObject(root))
		return json_doc_error(d, root, "a signature table must be an object");
	cJSON_ArrayForEach (kv, root)
		if (strcmp(kv->string, "schema") != 0 && strcmp(kv->string, "classes") != 0 &&
		    strcmp(kv->string, "comment") != 0)
			return json_doc_error(d, kv, "unknown key \"%s\" (expected schema, classes, comment)",
					      kv->string);
	schema = member(root, "schema");
	if (!cJSON_IsString(schema) || strcmp(schema->valuestring, SCHEMA) != 0)
		return json_doc_error(d, schema ? schema : root, "\"schema\" must be \"%s\"", SCHEMA);
	classes = member(root, "classes");
	if (!cJSON_IsArray(classes))
		return json_doc_error(d, classes ? classes : root, "\"classes\" must be an array");
	t->entries = xcalloc((size_t)cJSON_GetArraySize(classes) + 1, sizeof(*t->entries));
	cJSON_ArrayForEach (item, classes) {
		struct entry *e = &t->entries[t->n++];

		if (parse_entry(d, item, e))
			return -1;
		for (size_t i = 0; i + 1 < t->n; i++)
			if (strcmp(t->entries[i].pub.id, e->pub.id) == 0)
				return json_doc_error(d, member(item, "id"), "duplicate class id \"%s\"", e->pub.id);
	}
	return 0;
}

int classify_load_text(struct classify_table **out, const char *name, const char *text, size_t len)
{
	struct classify_table *t;
	struct json_doc d;
	int rc;

	*out = NULL;
	if (json_doc_parse(&d, name, text, len))
		return -1;
	t = xcalloc(1, sizeof(*t));
	rc = parse_table(&d, t);
	json_doc_release(&d);
	if (rc) {
		classify_free(t);
		return -1;
	}
	*out = t;
	return 0;
}

int classify_load(struct classify_table **out, const char *path)
{
	char *text;
	size_t len;
	int rc;

	if (!path) {
		const struct embedded_file *f = embedded_find(CLASSIFY_TABLE_PATH);

		*out = NULL;
		if (!f)
			return error(EC_EXIT_INTERNAL, "this emcompat was built without an embedded %s",
				     CLASSIFY_TABLE_PATH);
		return classify_load_text(out, "<embedded " CLASSIFY_TABLE_PATH ">", f->data, f->size);
	}
	*out = NULL;
	if (read_file(path, &text, &len))
		return -1;
	rc = classify_load_text(out, path, text, len);
	free(text);
	return rc;
}

size_t classify_count(const struct classify_table *t)
{
	return t->n;
}

const struct classify_class *classify_class_at(const struct classify_table *t, size_t i)
{
	return i < t->n ? &t->entries[i].pub : NULL;
}

const struct classify_class *classify_find(const struct classify_table *t, const char *id)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->entries[i].pub.id, id) == 0)
			return &t->entries[i].pub;
	return NULL;
}

/* ---- log text ---- */

/*
 * The length of an ANSI sequence at S whose ESC a paste lost ("[1m[31merror[0m":
 * a color, "[0K" an erased line), with the "\xe2\x86\x90" (Windows' console
 * copy) or U+FFFD (a decoder's) that stood for the ESC, or 0.
 */
static size_t bare_csi_len(const char *s, size_t n)
{
	size_t i = 0, j;

	if (n >= 3 && (memcmp(s, "\xe2\x86\x90", 3) == 0 || memcmp(s, "\xef\xbf\xbd", 3) == 0))
		i = 3;
	if (i >= n || s[i] != '[')
		return 0;
	for (j = i + 1; j < n && j - i <= 12 && (isdigit((unsigned char)s[j]) || s[j] == ';'); j++)
		;
	return j > i + 1 && j < n && (s[j] == 'm' || s[j] == 'K') ? j + 1 : 0;
}

/* Whether the log [S, S + N) shows two or more such sequences: a color's debris, not a "[2m]" of its own. */
static int has_bare_csi(const char *s, size_t n)
{
	int seen = 0;

	for (const char *p = s; (p = memchr(p, '[', (size_t)(s + n - p))); p++)
		if (bare_csi_len(p, (size_t)(s + n - p)) && ++seen == 2)
			return 1;
	return 0;
}

/*
 * A copy of a log fit for matching: no NUL bytes (regexec would stop there),
 * no ANSI escape sequences (nor their debris) or carriage returns, no CI
 * timestamp prefixes (GitHub Actions' "2024-05-01T10:00:00.1234567Z "), and
 * typographic quotes as ASCII ones: a forum or an editor that a paste went
 * through turns "can't" into "can\xe2\x80\x99t", and GCC quotes so in UTF-8
 * locales ("\xe2\x80\x98x\xe2\x80\x99 was not declared").
 */
static char *clean_log(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	int at_line_start = 1, debris = has_bare_csi(s, n);

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];

		if (at_line_start && n - i >= 20 && isdigit(c) && s[i + 4] == '-' && s[i + 7] == '-' &&
		    s[i + 10] == 'T' && s[i + 13] == ':' && s[i + 16] == ':') {
			size_t j = i + 19;

			while (j < n && (isdigit((unsigned char)s[j]) || s[j] == '.'))
				j++;
			if (j + 1 < n && s[j] == 'Z' && s[j + 1] == ' ') {
				i = j + 2;
				continue;
			}
		}
		at_line_start = 0;
		if (c == 0x1b && untrusted_csi_len(s + i, n - i)) {
			i += untrusted_csi_len(s + i, n - i);
			continue;
		}
		if (debris && (c == '[' || c == 0xe2 || c == 0xef) && bare_csi_len(s + i, n - i)) {
			i += bare_csi_len(s + i, n - i);
			continue;
		}
		if (c == '\r') {
			i++;
			continue;
		}
		/* U+2018 and U+2019 as "'", U+201C and U+201D as '"' */
		if (c == 0xe2 && n - i >= 3 && (unsigned char)s[i + 1] == 0x80 &&
		    strchr("\x98\x99\x9c\x9d", s[i + 2]) && s[i + 2]) {
			*o++ = (unsigned char)s[i + 2] <= 0x99 ? '\'' : '"';
			i += 3;
			continue;
		}
		if (c == '\n')
			at_line_start = 1;
		*o++ = c ? (char)c : ' ';
		i++;
	}
	*o = '\0';
	return out;
}

/*
 * LOG for the patterns: a line longer than MATCH_LINE_MAX bytes (minified JS
 * that Node prints above its error, a line of junk) is broken after its last
 * space before that length, else at it. regexec tries a pattern at every
 * start in a line and a start whose first words match runs on to the line's
 * end: time quadratic in the line's length (a 1 MiB line of "error: " took
 * hours), linear once lines are bounded. A match across a break is lost; no
 * error message of the corpus is near that long.
 */
#define MATCH_LINE_MAX 4096

static char *split_long_lines(const char *log)
{
	struct strbuf b = { 0 };
	const char *p = log;

	while (*p) {
		const char *eol = strchr(p, '\n'), *cut;

		if (!eol)
			eol = p + strlen(p);
		while (eol - p > MATCH_LINE_MAX) {
			cut = p + MATCH_LINE_MAX;
			for (const char *q = cut; q > p + MATCH_LINE_MAX / 2; q--)
				if (q[-1] == ' ') {
					cut = q;
					break;
				}
			strbuf_add(&b, p, (size_t)(cut - p));
			strbuf_addch(&b, '\n');
			p = cut;
		}
		strbuf_add(&b, p, (size_t)(eol - p));
		if (*eol)
			strbuf_addch(&b, '\n');
		p = *eol ? eol + 1 : eol;
	}
	return b.len ? strbuf_detach(&b) : xstrdup("");
}

/* The length of concurrently's process label at P ("[0] ", "[12] "), or 0. */
static size_t process_label_len(const char *p)
{
	size_t k = 1;

	if (*p != '[')
		return 0;
	while (k <= 2 && isdigit((unsigned char)p[k]))
		k++;
	return k > 1 && p[k] == ']' && p[k + 1] == ' ' ? k + 2 : 0;
}

/*
 * LOG without the process labels concurrently puts before each line of the
 * commands it runs ("[0] ", "[1] "), in place, when they head every line with
 * text, or two lines or more and half of them: one such line among others is
 * something else's (cargo quotes curl's error codes so: "[6] Could not
 * resolve hostname").
 */
static void remove_process_labels(char *log)
{
	size_t said = 0, labelled = 0;
	char *p, *o;

	for (p = log; *p;) {
		char *eol = strchr(p, '\n');

		if (!eol)
			eol = p + strlen(p);
		if (p < eol) {
			said++;
			labelled += process_label_len(p) != 0;
		}
		p = *eol ? eol + 1 : eol;
	}
	if (labelled == 0 || (labelled < said && (labelled < 2 || 2 * labelled < said)))
		return;
	for (p = o = log; *p;) {
		p += process_label_len(p);
		while (*p && *p != '\n')
			*o++ = *p++;
		if (*p)
			*o++ = *p++;
	}
	*o = '\0';
}

/*
 * LOG without the indent all its lines share (blank ones aside), in place: a
 * log pasted into a Markdown list or a reply comes indented, and what a tool
 * printed at a line's start reads as it did.
 */
static void remove_common_indent(char *log)
{
	const char *common = NULL;
	size_t n = 0;
	char *p, *o;

	for (p = log; *p;) {
		char *eol = strchr(p, '\n'), *q = p;
		size_t k = 0;

		if (!eol)
			eol = p + strlen(p);
		while (q < eol && (*q == ' ' || *q == '\t'))
			q++;
		if (q < eol) {
			if (!common) {
				common = p;
				n = (size_t)(q - p);
			}
			while (k < n && p + k < q && p[k] == common[k])
				k++;
			n = k;
		}
		p = *eol ? eol + 1 : eol;
	}
	if (!n)
		return;
	for (p = o = log; *p;) {
		size_t k = 0;

		while (k < n && (p[k] == ' ' || p[k] == '\t'))
			k++;
		p += k;
		while (*p && *p != '\n')
			*o++ = *p++;
		if (*p)
			*o++ = *p++;
	}
	*o = '\0';
}

/*
 * A copy of LOG whose lines start at their own text (logline_own_text: no
 * stream tag, quote, time or service name before them), or NULL unless at
 * least half its lines with text have such a decoration (a log pasted or
 * captured whole behind one; a few tagged lines cost no second search). A
 * logger's debug or trace line is blank in it.
 * Patterns are written against what tools print; a pattern anchored at a
 * line's start finds it in this copy.
 */
static char *own_text_copy(const char *log)
{
	struct strbuf b = { 0 };
	size_t decorated = 0, said = 0;

	/* counted first: most logs have no decorated majority, and no copy is made */
	for (int build = 0; build < 2; build++) {
		for (const char *p = log; *p;) {
			const char *eol = strchr(p, '\n'), *own;

			if (!eol)
				eol = p + strlen(p);
			own = logline_own_text(p, eol);
			if (build) {
				/* a debug line's text, its level gone, would read as a report (search() passes it over) */
				if (logline_quiet_level(p, own))
					own = eol;
				strbuf_add(&b, own, (size_t)(eol - own));
				if (*eol)
					strbuf_addch(&b, '\n');
			} else if (span_of(p, eol, " \t") < eol) {
				said++;
				decorated += own != p;
			}
			p = *eol ? eol + 1 : eol;
		}
		if (!decorated || 2 * decorated < said)
			return NULL;
	}
	return b.len ? strbuf_detach(&b) : xstrdup("");
}

/* The line of TEXT around offset OFF, quoted as evidence is (evidence_quote). */
static char *line_at(const char *text, size_t off)
{
	const char *start = text + off, *end = text + off;

	while (start > text && start[-1] != '\n')
		start--;
	while (*end && *end != '\n')
		end++;
	return evidence_quote(start, end);
}

char *classify_telling_line(const char *text, size_t len)
{
	struct evidence ev;
	char *line = NULL;

	evidence_extract(&ev, &text, &len, 1);
	if (ev.nlines)
		line = xstrdup(ev.lines[0].text);
	evidence_release(&ev);
	return line;
}

/* ---- matching ---- */

static const char *fact(const struct classify_input *in, const char *key)
{
	for (size_t i = 0; i < in->nfacts; i++)
		if (in->facts[i].key && in->facts[i].value && strcmp(in->facts[i].key, key) == 0)
			return in->facts[i].value;
	return NULL;
}

static int condition_holds(const struct condition *c, const char *value)
{
	long v[VERSION_PARTS];
	int n, cmp = 0;

	if (c->op == OP_EQ_STR)
		return strcmp(c->text, value) == 0;
	n = parse_version(value, v, VERSION_PARTS);
	if (!n)
		return 0;
	for (int i = 0; i < c->nparts && !cmp; i++) {
		long x = i < n ? v[i] : 0;

		cmp = (x > c->parts[i]) - (x < c->parts[i]);
	}
	switch (c->op) {
	case OP_LT:
		return cmp < 0;
	case OP_LE:
		return cmp <= 0;
	case OP_GT:
		return cmp > 0;
	case OP_GE:
		return cmp >= 0;
	case OP_EQ:
		return cmp == 0;
	case OP_NE:
		return cmp != 0;
	default:
		return 0;
	}
}

static int requirement_holds(const struct requirement *r, const struct classify_input *in)
{
	if (strcmp(r->key, "finding") == 0) {
		for (size_t a = 0; a < r->nalts; a++)
			for (size_t f = 0; f < in->nfindings; f++)
				if (in->findings[f] && strcmp(in->findings[f], r->alts[a].text) == 0)
					return 1;
		return 0;
	}
	{
		/* the stage the log is classified for is a fact too; with none given it never holds */
		const char *value = strcmp(r->key, "stage") == 0 ? (in->stage >= 0 ? stage_name(in->stage) : NULL)
								 : fact(in, r->key);

		if (!value)
			return 0;
		for (size_t a = 0; a < r->nalts; a++)
			if (condition_holds(&r->alts[a], value))
				return 1;
	}
	return 0;
}

/* Whether TEXT contains LIT (lowercase; any case with ICASE). */
static int contains(const char *text, const char *lit, int icase)
{
	size_t n = strlen(lit);

	if (!icase)
		return strstr(text, lit) != NULL;
	for (const char *p = text; *p; p++)
		if (tolower((unsigned char)*p) == (unsigned char)*lit && strncasecmp(p, lit, n) == 0)
			return 1;
	return 0;
}

/* Whether P's "with" regex matches somewhere in the logs. */
static int found_with(const struct pattern *p, char *const *logs, size_t nlogs)
{
	for (size_t i = 0; i < nlogs; i++)
		if (regexec(&p->with, logs[i], 0, NULL, 0) == 0)
			return 1;
	return 0;
}

/*
 * The first line of any log that P matches (and P's "with" somewhere), or
 * NULL; a match on a logger's debug or trace line is passed over.
 */
static char *search(const struct pattern *p, char *const *logs, size_t nlogs)
{
	for (size_t i = 0; i < nlogs; i++) {
		const char *at = logs[i];
		regmatch_t m;

		if (p->literal && !contains(logs[i], p->literal, p->icase))
			continue;
		/* each search starts at a line's start, where the pattern's "^" holds */
		while (regexec(&p->re, at, 1, &m, 0) == 0) {
			const char *start = at + m.rm_so, *end;

			while (start > logs[i] && start[-1] != '\n')
				start--;
			end = strchr(start, '\n');
			if (!end)
				end = start + strlen(start);
			if (!logline_quiet_level(start, logline_own_text(start, end)))
				return p->has_with && !found_with(p, logs, nlogs) ? NULL : evidence_quote(start, end);
			if (!*end)
				break;
			at = end + 1;
		}
	}
	return NULL;
}

static void add_line(struct classify_result *r, char *line)
{
	for (size_t i = 0; i < r->nlines; i++)
		if (strcmp(r->lines[i], line) == 0) {
			free(line);
			return;
		}
	if (r->nlines == MAX_LINES) {
		free(line);
		return;
	}
	r->lines = realloc(r->lines, (r->nlines + 1) * sizeof(*r->lines));
	if (!r->lines)
		abort();
	r->lines[r->nlines++] = line;
}

static int requirements_hold(const struct requirement *r, size_t n, const struct classify_input *in)
{
	for (size_t i = 0; i < n; i++)
		if (!requirement_holds(&r[i], in))
			return 0;
	return 1;
}

/* The first line a pattern of P[0..N) matches whose own requirements hold; its index in *WHICH. */
static char *search_any(const struct pattern *p, size_t n, const struct classify_input *in, char *const *logs,
			size_t nlogs, size_t from, size_t *which)
{
	for (size_t i = from; i < n; i++) {
		char *line;

		if (!requirements_hold(p[i].reqs, p[i].nreqs, in))
			continue;
		line = search(&p[i], logs, nlogs);
		if (line) {
			*which = i;
			return line;
		}
	}
	return NULL;
}

/* Whether rule R holds on evidence line L. */
static int rule_holds(const struct rule *r, const struct evidence_line *l, const struct classify_input *in)
{
	if (r->tools) {
		size_t k = 0;

		while (r->tools[k] && strcmp(r->tools[k], l->tool) != 0)
			k++;
		if (!r->tools[k])
			return 0;
	}
	for (size_t i = 0; i < r->ntests; i++) {
		int found = 0;

		if (r->tests[i].kind < 0) {
			found = regexec(&r->tests[i].re, l->text, 0, NULL, 0) == 0;
		} else {
			for (size_t k = 0; k < l->ntokens && !found; k++)
				found = (int)l->tokens[k].kind == r->tests[i].kind &&
					regexec(&r->tests[i].re, l->tokens[k].text, 0, NULL, 0) == 0;
		}
		if (!found)
			return 0;
	}
	return requirements_hold(r->reqs, r->nreqs, in);
}

/*
 * The evidence line a rule of E holds on that comes first in the logs, or
 * NULL: the line a pattern would have quoted, so that a class's summary
 * does not depend on which of the two named it.
 */
static const struct evidence_line *rules_match(const struct entry *e, const struct evidence *ev,
					       const struct classify_input *in)
{
	const struct evidence_line *best = NULL;

	for (size_t i = 0; i < ev->nlines; i++) {
		const struct evidence_line *l = &ev->lines[i];

		if (best && (l->log > best->log || (l->log == best->log && l->lineno > best->lineno)))
			continue;
		for (size_t k = 0; k < e->nrules; k++)
			if (rule_holds(&e->rules[k], l, in)) {
				best = l;
				break;
			}
	}
	return best;
}

static void clear_lines(struct classify_result *r)
{
	for (size_t k = 0; k < r->nlines; k++)
		free(r->lines[k]);
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
}

/*
 * Whether entry E matches: by a pattern, else by a rule over the evidence
 * (its line in R->used); on a match its lines are added to R. Patterns
 * first: where both name the class, the line quoted is the one it always
 * was.
 */
static int entry_matches(const struct entry *e, const struct classify_input *in, char *const *logs, size_t nlogs,
			 struct classify_result *r)
{
	size_t which = 0, other;
	char *first, *line;

	if (!requirements_hold(e->reqs, e->nreqs, in))
		return 0;
	first = search_any(e->patterns, e->npatterns, in, logs, nlogs, 0, &which);
	if (!first && (r->used = rules_match(e, &r->evidence, in)))
		first = xstrdup(r->used->text);
	if (!first)
		return 0;
	/* searched only once the class matched: most logs never get here */
	line = search_any(e->unless, e->nunless, in, logs, nlogs, 0, &other);
	if (line) {
		free(line);
		free(first);
		r->used = NULL;
		return 0;
	}
	r->basis = r->used ? CLASSIFY_BY_RULE : CLASSIFY_BY_SIGNATURE;
	add_line(r, first);
	for (size_t i = 0; i < e->nalso; i++) {
		line = requirements_hold(e->also[i].reqs, e->also[i].nreqs, in) ? search(&e->also[i], logs, nlogs)
										: NULL;
		if (!line) {
			clear_lines(r);
			r->used = NULL;
			r->basis = CLASSIFY_BY_NOTHING;
			return 0;
		}
		add_line(r, line);
	}
	/* Quote what the other patterns match too: they tell the same story. */
	for (size_t from = r->used ? 0 : which + 1;
	     (line = search_any(e->patterns, e->npatterns, in, logs, nlogs, from, &which)); from = which + 1)
		add_line(r, line);
	return 1;
}

static char *last_line(char *const *logs, size_t nlogs)
{
	for (size_t i = nlogs; i-- > 0;) {
		const char *s = logs[i], *end = s + strlen(s);

		while (end > s && isspace((unsigned char)end[-1]))
			end--;
		if (end > s) {
			const char *start = end;

			while (start > s && start[-1] != '\n')
				start--;
			return line_at(s, (size_t)(start - s));
		}
	}
	return NULL;
}

static char *one_line(const char *prefix, const char *line)
{
	char *s = line ? xasprintf("%s: %s", prefix, line) : xstrdup(prefix);

	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return s;
}

int classify_run(const struct classify_table *t, const struct classify_input *in, struct classify_result *r)
{
	char **logs, **match;
	size_t nmatch;

	memset(r, 0, sizeof(*r));
	if (in->stage < -1 || in->stage >= STAGE_COUNT)
		return error(EC_EXIT_INTERNAL, "classify: bad stage number %d", in->stage);
	logs = xcalloc(in->nlogs + 1, sizeof(*logs));
	/* each log as printed, then the own-text copies of the decorated ones */
	match = xcalloc(2 * in->nlogs + 1, sizeof(*match));
	for (size_t i = 0; i < in->nlogs; i++) {
		const char *s = in->logs[i] ? in->logs[i] : "";

		logs[i] = clean_log(s, in->lens ? in->lens[i] : strlen(s));
		remove_process_labels(logs[i]);
		remove_common_indent(logs[i]);
		match[i] = split_long_lines(logs[i]);
	}
	nmatch = in->nlogs;
	for (size_t i = 0; i < in->nlogs; i++) {
		char *own = own_text_copy(match[i]);

		if (own)
			match[nmatch++] = own;
	}
	evidence_extract(&r->evidence, (const char *const *)logs, NULL, in->nlogs);

	for (size_t i = 0; t && i < t->n; i++) {
		const struct entry *e = &t->entries[i];

		if (in->stage >= 0 && !(e->pub.stages & (1u << in->stage)))
			continue;
		if (entry_matches(e, in, match, nmatch, r)) {
			r->kind = CLASSIFY_MATCHED;
			r->id = e->pub.id;
			r->cls = &e->pub;
			r->summary = one_line(e->pub.title, r->lines[0]);
			goto done;
		}
	}

	if (r->evidence.nlines) {
		r->used = &r->evidence.lines[0];
		add_line(r, xstrdup(r->used->text));
	}
	if (!r->nlines && in->failed) {
		char *line = last_line(logs, in->nlogs);

		if (line)
			add_line(r, line);
	}
	if (r->nlines) {
		r->kind = CLASSIFY_UNKNOWN;
		r->id = CLASSIFY_UNCLASSIFIED;
		r->summary = one_line(r->lines[0], NULL);
	} else if (in->failed) {
		r->kind = CLASSIFY_UNKNOWN;
		r->id = CLASSIFY_UNCLASSIFIED;
		r->summary = xstrdup("failed without any output");
	} else {
		r->kind = CLASSIFY_CLEAN;
		r->id = CLASSIFY_NONE;
		r->summary = xstrdup("no error in the log");
	}
done:
	for (size_t i = 0; i < in->nlogs; i++)
		free(logs[i]);
	for (size_t i = 0; i < nmatch; i++)
		free(match[i]);
	free(logs);
	free(match);
	return 0;
}

void classify_result_release(struct classify_result *r)
{
	for (size_t i = 0; i < r->nlines; i++)
		free(r->lines[i]);
	free(r->lines);
	free(r->summary);
	evidence_release(&r->evidence);
	memset(r, 0, sizeof(*r));
}
