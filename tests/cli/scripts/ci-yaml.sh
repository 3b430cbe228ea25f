#!/usr/bin/env bash
# docs/ci: the GitHub Actions and GitLab CI examples parse as YAML and have
# the shape the docs promise: one job per shard (as many as --shard N says),
# artifacts up, a merge job after them that publishes JUnit (and on GitHub
# the step summary); the emcompat options they use exist.
source "$(dirname "$0")/lib.sh" "$1"
py=python3
$py -c 'import yaml' 2>/dev/null || py=/usr/bin/python3
$py -c 'import yaml' 2>/dev/null || { fail "no PyYAML (scripts/setup-build-deps.sh installs python3-yaml)"; finish; }

$py - "$src/docs/ci/github-actions.yml" "$src/docs/ci/gitlab-ci.yml" <<'PY' || fail "docs/ci: see above"
import sys, yaml
gh, gl = (yaml.safe_load(open(p)) for p in sys.argv[1:])
bad = []
def need(cond, what):
    if not cond:
        bad.append(what)

# GitHub Actions ("on" is the boolean True in YAML 1.1).
need(gh.get("on", gh.get(True)) is not None, "github: no trigger")
shard, merge = gh["jobs"]["shard"], gh["jobs"]["merge"]
shards = shard["strategy"]["matrix"]["shard"]
need(shards == list(range(1, len(shards) + 1)), f"github: shard list {shards}")
need(int(gh["env"]["SHARDS"]) == len(shards), "github: SHARDS differs from the matrix")
need(shard["strategy"].get("fail-fast") is False, "github: fail-fast must be off")
steps = lambda job: job["steps"]
runs = lambda job: "\n".join(s.get("run", "") for s in steps(job))
uses = lambda job: [s.get("uses", "") for s in steps(job)]
need("--shard \"${{ matrix.shard }}/$SHARDS\"" in runs(shard), "github: shard job does not run --shard I/N")
need(any(u.startswith("actions/upload-artifact@") for u in uses(shard)), "github: shard uploads nothing")
need(merge["needs"] == "shard", "github: merge does not need the shards")
need(any(u.startswith("actions/download-artifact@") for u in uses(merge)), "github: merge downloads nothing")
need("emcompat merge -o merged" in runs(merge), "github: no emcompat merge")
need("$GITHUB_STEP_SUMMARY" in runs(merge), "github: summary.md not in the step summary")
junit = [s for s in steps(merge) if "junit" in s.get("uses", "")]
need(junit and junit[0]["with"]["report_paths"] == "merged/junit.xml", "github: no JUnit publisher")

# The caches fit GitHub's 10 GB: toolchains under one key every shard shares,
# nodes under a key per shard, collected by emcompat cache --gc before saved.
keys = {s.get("uses", "").split("@")[0] + " " + s.get("with", {}).get("key", "") for s in steps(shard)}
tc = [s for s in steps(shard) if "toolchains" in s.get("with", {}).get("key", "")]
nodes = [s for s in steps(shard) if "nodes" in s.get("with", {}).get("key", "")]
need(tc and all("matrix.shard" not in s["with"]["key"] for s in tc), f"github: no toolchain cache shared by the shards: {keys}")
need(tc and all("nodes" not in s["with"]["path"] for s in tc), "github: the toolchain cache holds nodes")
need(nodes and all("matrix.shard" in s["with"]["key"] for s in nodes), f"github: no node cache per shard: {keys}")
need(nodes and all("/nodes" in s["with"]["path"] for s in nodes), "github: the node cache holds no nodes/")
names = [s.get("name", s.get("uses", "")) for s in steps(shard)]
gc = [i for i, s in enumerate(steps(shard)) if "emcompat cache --gc" in s.get("run", "")]
save = [i for i, s in enumerate(steps(shard)) if s.get("uses", "").startswith("actions/cache/save@") and s in nodes]
need(gc and save and gc[0] < save[0], f"github: nodes are not collected before they are saved: {names}")

# GitLab CI.
need(gl["stages"] == ["toolchains", "shard", "merge"], "gitlab: stages")
gcache = {c["key"]: c for c in gl["emcompat-shard"]["cache"]}
need(gcache.get("emcompat-toolchains", {}).get("policy") == "pull", "gitlab: shards do not pull one toolchain cache")
need("emcompat-nodes-$CI_NODE_INDEX" in gcache, "gitlab: no node cache per shard")
need(gl["emcompat-toolchains"]["cache"]["key"] == "emcompat-toolchains", "gitlab: no job pushes the toolchains")
need(any("emcompat cache --gc" in l for l in gl["emcompat-shard"].get("after_script", [])), "gitlab: nodes not collected")
gshard, gmerge = gl["emcompat-shard"], gl["emcompat-merge"]
need(isinstance(gshard["parallel"], int) and gshard["parallel"] >= 2, "gitlab: no parallel:")
need(any('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"' in l for l in gshard["script"]), "gitlab: no --shard")
need(gshard["artifacts"]["when"] == "always", "gitlab: shard artifacts only on success")
need(gmerge["needs"][0]["job"] == "emcompat-shard", "gitlab: merge does not need the shards")
need(gmerge["artifacts"]["reports"]["junit"] == "merged/junit.xml", "gitlab: no JUnit report")
need(any("emcompat merge -o merged" in l for l in gmerge["script"]), "gitlab: no emcompat merge")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
# The options the workflows use exist.
"$bin" help run | grep -- '--shard I/N' >/dev/null || fail "run has no --shard"
"$bin" help merge | grep -- '--baseline DIR' >/dev/null || fail "merge has no --baseline"
"$bin" help cache | grep -- '--max-size SIZE' >/dev/null || fail "cache has no --max-size"
"$bin" help cache | grep -- '--unused-runs N' >/dev/null || fail "cache has no --unused-runs"
finish
