#!/usr/bin/env python3
"""Synthetic nights for the history's tests and the README's week (scripts/history-week.sh).

history-nights.py OUT FIRST COUNT CELLS writes OUT/night-N/results.json for COUNT nights of one
matrix ("nightly", one digest) from night FIRST: a Rust nightly with a new identity each night
(committed the day before the night, LLVM 21.1.N), rust 1.96 unchanged; the first four cells as
the README's week (an add probe that always passes, a panic probe that passes the first four
nights of each week and fails the other three, a probe that flips every night, one that always
fails), then CELLS-4 cells that pass.
"""
import datetime, json, os, sys
out, first, count, ncells = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def nightly(n):
    d = (datetime.date(2026, 11, 19) + datetime.timedelta(days=n)).isoformat()
    return ("rustc 1.97.0-nightly (abc%04d %s)\nbinary: rustc\ncommit-hash: abc%04d\n"
            "commit-date: %s\nhost: x86_64-unknown-linux-gnu\nrelease: 1.97.0-nightly\n"
            "LLVM version: 21.1.%d" % (n, d, n, d, n))
for n in range(first, first + count):
    status = {
        "rust=nightly,probe=add": "pass",
        "rust=nightly,probe=panic": "pass" if n % 7 < 4 else "fail",
        "rust=1.96,probe=flip": "pass" if n % 2 == 0 else "fail",
        "rust=1.96,probe=old": "fail",
    }
    for i in range(ncells - 4):
        status["rust=1.96,probe=p%d" % i] = "pass"
    cells = []
    for i, (cid, st) in enumerate(status.items()):
        c = {"id": cid, "index": i, "axes": dict(kv.split("=") for kv in cid.split(",")), "status": st,
             "summary": "passed"}
        if st == "fail":
            c.update({"class": "wasm_eh_tag_missing", "stage": "load",
                      "summary": "tag import requires a WebAssembly.Tag"})
        cells.append(c)
    day = (datetime.date(2026, 11, 20) + datetime.timedelta(days=n)).isoformat() + "T01:00:00Z"
    run = {"schema": "emcompat-results/1",
           "run": {"id": "night-%d" % n, "matrix": "nightly.json", "name": "nightly",
                   "started": day, "finished": day,
                   "wall_seconds": 600, "jobs": 2, "matrix_digest": "d" * 64},
           "toolchains": {"rust": {"nightly": {"identity": nightly(n), "source": "rustup"},
                                   "1.96": {"identity": "rustc 1.96.0\nLLVM version: 21.1.0", "source": "rustup"}}},
           "cells": cells}
    os.makedirs(os.path.join(out, "night-%d" % n), exist_ok=True)
    with open(os.path.join(out, "night-%d" % n, "results.json"), "w") as f:
        json.dump(run, f)
