/*
 * test_wasm_json: the stable JSON form of a module and its findings:
 * every key present, and the values of a small object.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"
#include "emcompat/wasm_json.h"
#include "wasm_build.h"

/* ---- JSON --------------------------------------------------------------- */

static void test_json(void)
{
	static const char *const keys[] = {
		"file",
		"kind",
		"kind_reason",
		"size",
		"sections",
		"custom_sections",
		"imports",
		"exports",
		"functions",
		"counts",
		"start",
		"memories",
		"tables",
		"producers",
		"target_features",
		"dylink",
		"linking",
		"relocations",
		"relocation_types",
		"bitcode",
		"members",
		"facts",
		"notes",
		"findings",
	};
	struct strbuf s = { 0 };
	struct wasm_module m;
	struct wasm_findings f = { 0 };
	cJSON *root, *item;

	build_object(&s, 0);
	CHECK_INT(inspect(&s, &m), 0);
	wasm_check_module(&m, &f);
	root = wasm_module_to_json(&m, &f);
	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++)
		CHECK(cJSON_GetObjectItemCaseSensitive(root, keys[i]) != NULL);
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(root, "kind")->valuestring, "object");
	item = cJSON_GetObjectItemCaseSensitive(root, "custom_sections");
	CHECK_INT(cJSON_GetArraySize(item), 2);
	CHECK_STR(cJSON_GetArrayItem(item, 0)->valuestring, "linking");
	CHECK_STR(cJSON_GetArrayItem(item, 1)->valuestring, "reloc.CODE");
	item = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "imports"), 1);
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "module")->valuestring, "env");
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "name")->valuestring, "host_i64");
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "kind")->valuestring, "func");
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "signature")->valuestring, "(i64) -> i64");
	CHECK_INT(cJSON_GetObjectItemCaseSensitive(root, "functions")->valueint, 1);
	item = cJSON_GetObjectItemCaseSensitive(root, "relocation_types");
	CHECK_INT(cJSON_GetArraySize(item), 2);
	CHECK_STR(cJSON_GetArrayItem(item, 0)->valuestring, "R_WASM_FUNCTION_INDEX_LEB");
	CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(root, "dylink")));
	item = cJSON_GetObjectItemCaseSensitive(root, "linking");
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(item, "symbols")), 5);
	item = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "findings"), 0);
	CHECK(cJSON_GetObjectItemCaseSensitive(item, "class") != NULL);
	CHECK(cJSON_GetObjectItemCaseSensitive(item, "message") != NULL);
	CHECK(cJSON_GetObjectItemCaseSensitive(item, "severity") != NULL);
	cJSON_Delete(root);
	wasm_findings_release(&f);

	root = wasm_module_to_json(&m, NULL);
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "findings")), 0);
	cJSON_Delete(root);
	wasm_module_release(&m);
	strbuf_release(&s);
}

int main(void)
{
	test_json();
	return check_done();
}
