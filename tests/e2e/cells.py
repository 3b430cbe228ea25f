"""The cell checks the run-*.sh scripts share: each appends what is wrong
to FAILURES (a list of strings) instead of stopping at the first."""


def expecter(cells, failures, prefix=""):
    """expect(cell, status, stage=None, cls=None, line=None): CELL (an id in
    CELLS, the results.json cells by id) has STATUS, and STAGE and CLS where
    given; LINE, where given, is in one of its lines or its summary."""

    def expect(cell, status, stage=None, cls=None, line=None):
        c = cells.get(cell)
        if c is None:
            failures.append(f"{prefix}{cell}: missing from results.json")
            return
        got = (c["status"], c.get("stage"), c.get("class"))
        if c["status"] != status or (stage and c.get("stage") != stage) or (cls and c.get("class") != cls):
            failures.append(f"{prefix}{cell}: got {got} {c.get('summary')!r}, expected {(status, stage, cls)}")
            return
        if line and not any(line in l for l in c.get("lines", []) + [c.get("summary", "")]):
            failures.append(f"{prefix}{cell}: no line with {line!r} in {c.get('lines')} / {c.get('summary')!r}")

    return expect


def exact_expecter(cells, failures, prefix=""):
    """expect(cell, status, stage=None, cls=None, summary=None) -> the cell or
    None: its status, stage and class are exactly these (None: none);
    SUMMARY, where given, is in its summary."""

    def expect(cell, status, stage=None, cls=None, summary=None):
        c = cells.get(cell)
        if c is None:
            failures.append(f"{prefix}{cell}: missing from results.json")
            return None
        got = (c["status"], c.get("stage"), c.get("class"))
        if got != (status, stage, cls):
            failures.append(f"{prefix}{cell}: got {got} {c.get('summary')!r}, expected {(status, stage, cls)}")
        if summary and summary not in c.get("summary", ""):
            failures.append(f"{prefix}{cell}: summary {c.get('summary')!r} lacks {summary!r}")
        return c

    return expect
