/*
 * wasm_json: the stable JSON form of a module and its findings, as
 * `emcompat inspect --json` prints it.
 */
#ifndef EMCOMPAT_WASM_JSON_H
#define EMCOMPAT_WASM_JSON_H

#include <cjson/cJSON.h>

#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"

/*
 * The stable JSON form of M and FINDINGS (FINDINGS may be NULL: []),
 * as `emcompat inspect --json` prints it; "facts" are M's as
 * wasm_compute_facts() left them. Keys, always present:
 *
 *   file             the label (path)
 *   kind             wasm_kind_name()
 *   kind_reason      why that kind
 *   size             bytes
 *   sections         [{"id","name","offset","size"}] in file order (wasm)
 *   custom_sections  [name] in file order
 *   imports          [{"module","name","kind","signature"}]
 *   exports          [{"name","kind","signature"}]
 *   functions        number of defined functions
 *   counts           {"types","imports","imported_functions","functions","tables",
 *                     "memories","globals","tags","exports","elements",
 *                     "data_segments","code_bytes","data_bytes"}
 *   start            function index, or null
 *   memories         [{"imported","min","max"(null: none),"shared","memory64"}]
 *   tables           [{"imported","type","min","max"}]
 *   producers        {"language":[{"name","version"}],"processed-by":[...],...}
 *   target_features  ["+bulk-memory", "-atomics", ...]
 *   dylink           null, or {"section","memory_size","memory_align","table_size",
 *                     "table_align","needed":[..],"export_info":[{"name","flags":[..]}],
 *                     "import_info":[{"module","name","flags":[..]}],"runtime_path":[..]}
 *                     (aligns are log2; flags are "weak","local","hidden",
 *                     "undefined","exported","explicit_name","no_strip","tls",
 *                     "absolute", or "0x.." for unknown bits)
 *   linking          null, or {"version","symbols":[{"kind","name","flags","index"}],
 *                     "segments":[{"name","align","flags"}],"init_funcs","comdats"}
 *   relocations      [{"section","target","target_name","count","types":{"R_WASM_..":n}}]
 *   relocation_types ["R_WASM_..."]: every type used, in type-code order
 *   bitcode          null, or {"producer","llvm_version","epoch","wrapper","offset","size"}
 *   members          archive: [{"name","kind","offset","size","module"}] (module: this
 *                    same object for wasm and bitcode members, else null); else []
 *   facts            {"exceptions","exceptions_evidence","bigint","bigint_evidence",
 *                     "i64_imports":[..],"i64_exports":[..],"imports_emscripten_get_now",
 *                     "imports__emscripten_get_now","embedded_bitcode"}
 *   notes            [string]
 *   prediction       {"result": "fail" | "pass", "class", "reason"}: fail when a finding is an
 *                    error, and then the first error (findings are in the order wasm_findings_sort
 *                    leaves them: the first is what a user meets first); null for members
 *   findings         [{"class","severity","subject","message"}]
 *
 * Strings that are absent are null; arrays are never null. The caller
 * owns the tree (cJSON_Delete).
 */
cJSON *wasm_module_to_json(const struct wasm_module *m, const struct wasm_findings *findings);

#endif
