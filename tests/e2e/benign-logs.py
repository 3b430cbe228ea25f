"""benign-logs.py EMCOMPAT RUN_DIR...: every log of a stage that passed in
these runs, classified as a user would paste it (`emcompat classify --json
LOG`, no stage), must name no breakage class: real toolchains' successful
output (warnings, notes, the harness's expected-error checks) is the
classifier's best source of hard negatives. The inspect stage's output is
left out: a passing inspect reports the failures it predicts. Exit 1 and
say which log when one is named."""
import json
import os
import subprocess
import sys


def main():
    emcompat, runs = sys.argv[1], sys.argv[2:]
    checked, named = 0, []
    for run in runs:
        for cell in json.load(open(os.path.join(run, "results.json")))["cells"]:
            for st in cell["stages"]:
                if st.get("status") != "pass" or st["stage"] == "inspect" or not st.get("log"):
                    continue
                for log in {st["log"], st["log"].replace(".stderr.", ".stdout.")}:
                    path = os.path.join(run, log)
                    if not os.path.isfile(path) or os.path.getsize(path) == 0:
                        continue
                    out = subprocess.run([emcompat, "classify", "--json", path], capture_output=True, text=True)
                    got = json.loads(out.stdout)
                    checked += 1
                    if got["class"] not in ("none", "unclassified"):
                        named.append(f"{path} ({st['stage']} passed): {got['class']}: {got.get('lines')}")
    if named:
        print("\n".join("FAIL: benign log named: " + n for n in sorted(set(named))))
        return 1
    print(f"benign logs: {checked} logs of passed stages, none named a breakage")
    return 0


sys.exit(main())
