"""What a JUnit consumer sees in a junit.xml: read with junitparser, one
line of totals counted from the testcases, a line per suite whose declared
counts disagree with its testcases, and a line per non-passing testcase."""
import sys

from junitparser import Error, Failure, JUnitXml, Skipped

xml = JUnitXml.fromfile(sys.argv[1])
totals = {"suites": 0, "tests": 0, "failures": 0, "errors": 0, "skipped": 0}
cases = []
for suite in xml:
    totals["suites"] += 1
    seen = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for case in suite:
        seen["tests"] += 1
        for result in case.result:
            kind = {Failure: "failures", Error: "errors", Skipped: "skipped"}[type(result)]
            seen[kind] += 1
            cases.append(f"case {case.name} {type(result).__name__} type={result.type} message={result.message}")
    for key, n in seen.items():
        totals[key] += n
        declared = getattr(suite, key)
        if declared != n:
            print(f"suite {suite.name}: declares {key}={declared}, holds {n}")
    flaky = [p.value for p in suite.properties() if p.name == "flaky"]
    if flaky:
        print(f"suite {suite.name}: flaky {len(flaky)}")
print(" ".join(f"{k}={v}" for k, v in totals.items()))
for line in cases:
    print(line)
