#!/usr/bin/env bash
# emcompat against a naive per-cell run, on real toolchains (issue 10). By
# hand only: a full pass costs hours. Each round, alternating which goes first:
#   naive  every cell on its own, one after another: `emcompat run --only`
#          with that cell's values, -j 1, in a fresh cache (what a bash loop
#          or a CI job per cell does: nothing shared, a fresh Node per cell);
#   cold   `emcompat run -j J` of the whole matrix in a fresh cache;
#   warm   `emcompat run` again on the cold run's cache, nothing changed;
#   bound  the lower bound: the cold run's node seconds (its journal) / J;
#          also shown, the longest chain of those seconds through the plan,
#          which bounds a small matrix more tightly.
# A fresh cache is an empty dir whose toolchain dirs link to the store's
# (~/.cache/emcompat: installed toolchains are not what is measured) with a
# copy of its crates download cache; it has no nodes/ and no src/. Setting
# caches up is not timed. Prints each round, then the medians and the ratios
# naive/cold and cold/bound. --cells N times the naive run on N cells spread
# evenly over the matrix and extrapolates to all cells (said so in the output).
#
#   bench/matrix_vs_naive.sh [--emcompat BIN] [--matrix FILE] [--only AXIS=VALUE]...
#                            [--cells N] [--rounds R] [-j J] [--store DIR] [--keep DIR] [--no-naive]
#
#   --only      shrinks the matrix for every part (as `emcompat run --only`)
#   --keep DIR  work in DIR and keep it (runs, caches); default: a temp dir, removed
#   --no-naive  only cold, warm and the lower bound (the default matrix: a naive pass
#               of it would take most of a day)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/build/emcompat
matrix=$root/bench/matrix_vs_naive.json
store=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}
only=() cells=0 rounds=1 jobs=2 keep= no_naive=0
while (($#)); do
	case $1 in
	--emcompat) bin=$2; shift ;;
	--matrix) matrix=$2; shift ;;
	--only) only+=(--only "$2"); shift ;;
	--cells) cells=$2; shift ;;
	--rounds) rounds=$2; shift ;;
	-j) jobs=$2; shift ;;
	--store) store=$2; shift ;;
	--keep) keep=$2; shift ;;
	--no-naive) no_naive=1 ;;
	*) echo "usage: $0 [--emcompat BIN] [--matrix FILE] [--only AXIS=VALUE]... [--cells N] [--rounds R] [-j J] [--store DIR] [--keep DIR] [--no-naive]" >&2
	   exit 2 ;;
	esac
	shift
done
bin=$(realpath "$bin")
if [[ -n $keep ]]; then
	mkdir -p "$keep"
	work=$(realpath "$keep")
else
	work=$(mktemp -d /tmp/matrix_vs_naive.XXXXXX)
	trap 'rm -rf "$work"' EXIT
fi

# One line per cell: its --only arguments, tab-separated; the first line holds the counts.
"$bin" plan "$matrix" "${only[@]}" --json >"$work/plan.json"
python3 - "$work/plan.json" "$cells" >"$work/cells.tsv" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
cells, want = plan["cells"], int(sys.argv[2])
n = len(cells) if want <= 0 or want >= len(cells) else want
print(len(cells), plan["counts"]["nodes_total"], n, sep="\t")
for i in range(n):
    c = cells[i * len(cells) // n]
    print("\t".join(f"--only\t{k}={v}" for k, v in c["axes"].items()))
PY
read -r ncells nnodes nnaive <"$work/cells.tsv"

fresh_cache() {
	rm -rf "$1"
	mkdir -p "$1"
	# crates/: the probes' vendored crates.io dependencies (setup-toolchains.sh crates).
	for k in rust emscripten node pyodide binaryen pyo3 cargo apt crates; do
		[[ -e $store/$k ]] && ln -s "$store/$k" "$1/$k"
	done
	[[ -d $store/cargo-home ]] && cp -a "$store/cargo-home" "$1/cargo-home"
	return 0
}

# Runs emcompat with EMCOMPAT_CACHE=$1 and the rest as arguments; sets $took
# (seconds). Exit 0 or 1 (cells failed) is a measurement; anything else stops.
timed() {
	local cache=$1 t0 rc
	shift
	t0=$EPOCHREALTIME
	EMCOMPAT_CACHE=$cache "$bin" run "$matrix" -q "$@" >"$work/last.out" 2>"$work/last.err" && rc=0 || rc=$?
	took=$(python3 -c "print(f'{$EPOCHREALTIME - $t0:.2f}')")
	if ((rc > 1)); then
		echo "emcompat run $* exited $rc:" >&2
		cat "$work/last.err" >&2
		exit 1
	fi
}

naive() {
	local i=0 total=0 args
	if ((no_naive)); then
		naive_s=nan naive_note="not run: --no-naive"
		return 0
	fi
	while IFS= read -r line; do
		IFS=$'\t' read -r -a args <<<"$line"
		fresh_cache "$work/naive-cache"
		rm -rf "$work/naive-run"
		timed "$work/naive-cache" -j 1 -o "$work/naive-run" "${args[@]}"
		total=$(python3 -c "print(round($total + $took, 2))")
		i=$((i + 1))
	done < <(tail -n +2 "$work/cells.tsv")
	naive_s=$(python3 -c "print(f'{$total / $i * $ncells:.1f}')")
	naive_note="$total s for $i cells"
	((i < ncells)) && naive_note+=", extrapolated to $ncells"
	return 0
}

cold_warm() {
	fresh_cache "$work/cache"
	rm -rf "$work/cold" "$work/warm"
	timed "$work/cache" -j "$jobs" -o "$work/cold" "${only[@]}"
	cold_s=$took
	cells_line=$(grep -m1 " cells in " "$work/last.out" || true)
	timed "$work/cache" -j "$jobs" -o "$work/warm" "${only[@]}"
	warm_s=$took
	read -r bound_s chain_s < <(python3 - "$work/cold/journal.jsonl" "$jobs" "$work/plan.json" <<'PY'
import json, sys
secs = {}
for l in open(sys.argv[1]):
    if l.strip():
        e = json.loads(l)
        secs[e["node"]] = e["seconds"]
# The longest chain of the same node times: no schedule beats it either.
finish = {}
for n in json.load(open(sys.argv[3]))["nodes"]:  # in plan order: deps first
    finish[n["id"]] = secs.get(n["id"], 0) + max((finish[d] for d in n["deps"]), default=0)
print(f"{sum(secs.values()) / int(sys.argv[2]):.1f} {max(finish.values(), default=0):.1f}")
PY
)
}

echo "matrix_vs_naive: $matrix ${only[*]}: $ncells cells, $nnodes nodes; naive on $nnaive cells; -j $jobs; $rounds round(s)"
results=()
for ((r = 1; r <= rounds; r++)); do
	if ((r % 2)); then naive; cold_warm; else cold_warm; naive; fi
	echo "round $r: naive ${naive_s} s ($naive_note); cold ${cold_s} s; warm ${warm_s} s; lower bound ${bound_s} s" \
		"(longest chain ${chain_s} s)"
	echo "         cold run: ${cells_line#emcompat: }"
	results+=("$naive_s $cold_s $warm_s $bound_s $chain_s")
done
python3 - "$ncells" "$nnaive" "${results[@]}" <<'PY'
import statistics, sys
ncells, nnaive = int(sys.argv[1]), int(sys.argv[2])
rows = [list(map(float, r.split())) for r in sys.argv[3:]]
naive, cold, warm, bound, chain = (statistics.median(col) for col in zip(*rows))
label = "" if nnaive >= ncells else f" (naive extrapolated from {nnaive} of {ncells} cells)"
print(f"median of {len(rows)}: naive {naive:.1f} s, cold {cold:.1f} s, warm {warm:.2f} s, lower bound {bound:.1f} s "
      f"(longest chain {chain:.1f} s){label}")
print(f"naive/cold {naive / cold:.2f}x   cold/lower-bound {cold / bound:.2f}x   warm {warm:.2f} s")
PY
