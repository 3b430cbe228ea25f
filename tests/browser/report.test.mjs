// report.html in headless Chromium: the runs tests/browser/run.sh made
// (REPORT_DIRS/{plain,marked,hostile,hostile-log,axes}) opened from file://.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const { chromium } = createRequire(join(process.env.NPM_DIR, "node_modules") + "/")("playwright-core");
const dirs = process.env.REPORT_DIRS;
const artifacts = process.env.ARTIFACTS;
const signatures = JSON.parse(readFileSync(process.env.SIGNATURES, "utf8"));
const results = name => JSON.parse(readFileSync(join(dirs, name, "results.json"), "utf8"));

let context, profile;

before(async () => {
  // A fresh profile each time; nothing may reach the (closed) network.
  profile = mkdtempSync(join(tmpdir(), "emcompat-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1400, height: 900 },
  });
});

after(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

// Opens DIR/report.html; the returned list collects console errors, page
// errors and any request that is not for a local file.
async function open(name, hash = "") {
  const page = await context.newPage();
  const problems = [];
  page.on("console", m => { if (m.type() === "error" || m.type() === "warning") problems.push("console: " + m.text()); });
  page.on("pageerror", e => problems.push("pageerror: " + e.message));
  page.on("request", r => { if (!/^(file|data):/.test(r.url())) problems.push("request: " + r.url()); });
  await page.goto(pathToFileURL(join(dirs, name, "report.html")).href + hash);
  await page.waitForSelector("[data-cell]");
  return { page, problems };
}

const sel = id => `[data-cell="${id.replace(/["\\]/g, "\\$&")}"]`;
const dataCells = page => page.$$eval("[data-cell]", els => els.map(e => e.getAttribute("data-cell")));

test("every cell has its element, in the folded and the expanded grid", async () => {
  const run = results("plain");
  const ids = run.cells.map(c => c.id).sort();
  const { page, problems } = await open("plain");
  assert.deepEqual((await dataCells(page)).sort(), ids);
  assert.deepEqual(await page.$$eval("section.probe", s => s.map(e => e.dataset.probe)), ["add"]);
  const rows = await page.$$eval("section.probe tbody th.row", ths => ths.map(t => t.firstChild.textContent));
  assert.deepEqual(rows, ["1.63", "1.96"]);
  const heads = await page.$$eval("section.probe thead th", ths => ths.map(t => t.textContent));
  assert.ok(heads.includes("3.1.6") && heads.includes("emcc-main") && heads.includes("pyodide-0.26.4"), heads.join("|"));
  // Folded: one entry per rust x emscripten x loader, four behave cells in each.
  assert.equal(await page.locator("td.agg").count(), 4);
  await page.click("#expand");
  assert.deepEqual((await dataCells(page)).sort(), ids);
  assert.equal(await page.locator("button.cell[data-cell]").count(), ids.length);
  assert.ok((await page.$$eval("th.flags", t => t.map(e => e.textContent))).includes("behave=fail-link"));
  await page.close();
  assert.deepEqual(problems, []);
});

test("a click on a failing cell shows its stages, error line, class, fix and upstream links", async () => {
  const run = results("plain");
  const cell = run.cells.find(c => c.status === "fail" && c.class === "lib_rmeta_whole_archive");
  assert.ok(cell, "fake-mixed has a lib_rmeta_whole_archive cell");
  const cls = signatures.classes.find(k => k.id === cell.class);
  const { page, problems } = await open("plain");
  assert.ok(!(await page.isVisible("#details")));
  await page.click(sel(cell.id));
  const details = page.locator("#details");
  await details.waitFor({ state: "visible" });
  assert.equal(await details.locator("h2").textContent(), cell.id);
  assert.equal(await details.locator("code.cls").textContent(), cell.class);
  assert.equal(await details.locator("pre.lines").textContent(), cell.lines.join("\n"));
  const text = await details.textContent();
  for (const want of [cls.title, cls.explain, cls.fix, "link", "compile"]) assert.ok(text.includes(want), want);
  const [owner, num] = cls.refs[0].split("#");
  assert.ok(await details.locator(`a[href="https://github.com/${owner}/issues/${num}"]`).count() === 1, cls.refs[0]);
  assert.equal(await details.locator("table.stages tbody tr").count(), cell.stages.length);
  assert.equal(await details.locator("tr.stage-fail td").first().textContent(), "link");
  assert.match(page.url(), /#cell=/);
  await page.screenshot({ path: join(artifacts, "report.png"), fullPage: true });
  await page.keyboard.press("Escape");
  assert.ok(!(await page.isVisible("#details")));
  await page.close();
  assert.deepEqual(problems, []);
});

test("a link to #cell=ID opens that cell", async () => {
  const cell = results("plain").cells.find(c => c.status === "pass");
  const { page, problems } = await open("plain", "#cell=" + encodeURIComponent(cell.id));
  await page.locator("#details").waitFor({ state: "visible" });
  assert.equal(await page.locator("#details h2").textContent(), cell.id);
  await page.close();
  assert.deepEqual(problems, []);
});

test("filters by status and by axis value hide cells", async () => {
  const run = results("plain");
  const failing = run.cells.filter(c => c.status === "fail").map(c => c.id);
  const passing = run.cells.filter(c => c.status === "pass").map(c => c.id);
  const { page, problems } = await open("plain");
  await page.uncheck('[data-filter="status"] input[value="fail"]');
  for (const id of failing) assert.equal(await page.locator(sel(id)).count(), 0, id);
  for (const id of passing) assert.ok(await page.isVisible(sel(id)), id);
  await page.click("#reset");
  assert.equal((await dataCells(page)).length, run.cells.length);
  await page.uncheck('[data-filter="rust"] input[value="1.63"]');
  const left = await dataCells(page);
  assert.deepEqual(left.sort(), run.cells.filter(c => c.axes.rust !== "1.63").map(c => c.id).sort());
  await page.close();
  assert.deepEqual(problems, []);
});

test("with a history, a cell's recent nights show as a strip", async () => {
  const run = results("nights");
  const failing = run.cells.find(c => c.status === "fail");
  const day = results("night1").run.started.slice(0, 10);
  const { page, problems } = await open("nights");
  await page.click("#expand");
  await page.click(sel(failing.id));
  const nights = await page.$$eval("#details .nights .night", els => els.map(e => e.className));
  assert.deepEqual(nights, ["night st-fail", "night st-fail", "night tonight st-fail"]);
  assert.match(await page.getAttribute("#details .nights .night", "title"), /^\d{4}-\d\d-\d\d \(.+\): fail$/);
  assert.match(await page.locator("#details .nights").textContent(), new RegExp("still failing since " + day + " \\(3 runs\\)$"));
  await page.screenshot({ path: join(artifacts, "report-nights.png"), fullPage: true });
  await page.close();
  assert.deepEqual(problems, []);
});

test("with a history, the page says what changed since last night", async () => {
  const run = results("nights");
  const ids = JSON.parse(readFileSync(join(dirs, "night2", "results.json.ids"), "utf8"));
  const day = results("night1").run.started.slice(0, 10);
  const { page, problems } = await open("nights");
  const changes = page.locator("#changes");
  assert.ok(await changes.isVisible());
  assert.equal(await changes.locator("h2").textContent(), "Changed since last night");
  assert.match(await changes.locator("p.meta").textContent(), /^against the last recorded run night2 \(\d{4}-\d\d-\d\d\) in /);
  const list = kind => changes.locator(`ul[data-diff="${kind}"] li code`).allTextContents();
  assert.deepEqual(await list("regressed"), [ids.regressed]);
  assert.deepEqual(await list("fixed"), [ids.fixed]);
  const still = run.cells.filter(c => c.status === "fail" && c.id !== ids.regressed).map(c => c.id);
  assert.deepEqual((await list("still-failing")).sort(), still.sort());
  for (const li of await changes.locator('ul[data-diff="still-failing"] li').allTextContents())
    assert.match(li, new RegExp("still failing since " + day + " \\(3 runs\\)$"), li);
  assert.match(await changes.locator('ul[data-diff="regressed"] li').textContent(), /: was pass, now fail/);
  assert.match(await page.locator("#baseline").textContent(), /^Since last night, the last recorded run night2 /);
  // A cell of the section opens its details; the grid's cells stay the only [data-cell] elements.
  await changes.locator('ul[data-diff="regressed"] button').click();
  await page.locator("#details").waitFor({ state: "visible" });
  assert.equal(await page.locator("#details h2").textContent(), ids.regressed);
  assert.match(await page.locator("#details p.diff").textContent(), /^regressed — last night: pass$/);
  assert.equal((await dataCells(page)).length, run.cells.length);
  await page.screenshot({ path: join(artifacts, "report-changes.png"), fullPage: true });
  await page.close();
  assert.deepEqual(problems, []);
});

test("without a history, the page has no section of changes", async () => {
  const { page, problems } = await open("marked");
  assert.ok(!(await page.isVisible("#changes")));
  await page.close();
  assert.deepEqual(problems, []);
});

test("against a baseline, regressed and fixed cells are marked", async () => {
  const ids = JSON.parse(readFileSync(join(dirs, "base", "results.json.ids"), "utf8"));
  const { page, problems } = await open("marked");
  assert.match(await page.getAttribute(sel(ids.regressed), "class"), /\bregressed\b/);
  assert.match(await page.getAttribute(sel(ids.fixed), "class"), /\bfixed\b/);
  assert.equal(await page.locator("[data-cell].regressed").count(), 1);
  assert.equal(await page.locator("[data-cell].fixed").count(), 1);
  assert.match(await page.locator("#baseline").textContent(), /1 regressed · 1 fixed/);
  await page.click("#expand");
  await page.click(sel(ids.regressed));
  assert.match(await page.locator("#details p.diff").textContent(), /regressed.*in the baseline: pass/);
  await page.screenshot({ path: join(artifacts, "report-baseline.png"), fullPage: true });
  await page.uncheck('[data-filter="diff"] input[value="still-failing"]');
  await page.uncheck('[data-filter="diff"] input[value="unchanged"]');
  assert.deepEqual((await dataCells(page)).sort(), [ids.fixed, ids.regressed].sort());
  await page.close();
  assert.deepEqual(problems, []);
});

test("strings from the run stay text", async () => {
  const cell = results("hostile").cells.find(c => c.summary.startsWith("</script>"));
  const { page, problems } = await open("hostile");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.click(sel(cell.id));
  assert.equal(await page.locator("#details p.summary").textContent(), cell.summary);
  assert.equal(await page.locator("#details pre.lines").textContent(), cell.lines[0]);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.close();
  assert.deepEqual(problems, []);
});

test("a log's escape sequences, Markdown and HTML stay text", async () => {
  const cell = results("hostile-log").cells.find(c => c.status === "fail");
  assert.ok(cell.summary.startsWith("error: \x1b]0;HACKED\x07"), cell.summary);
  const { page, problems } = await open("hostile-log");
  const title = await page.title();
  await page.click(sel(cell.id));
  assert.equal(await page.locator("#details p.summary").textContent(), cell.summary);
  assert.equal(await page.title(), title);
  assert.equal(await page.locator('a[href*="evil.example"], img, [src*="evil.example"], strong:has-text("bold")').count(), 0);
  await page.close();
  assert.deepEqual(problems, []);
});

test("a matrix without rust, emscripten or loader axes: rows from its first axis", async () => {
  const run = results("axes");
  const { page, problems } = await open("axes");
  assert.deepEqual((await dataCells(page)).sort(), run.cells.map(c => c.id).sort());
  const rows = await page.$$eval("tbody th.row", ths => ths.map(t => t.firstChild.textContent));
  assert.deepEqual(rows, ["a1", "a2"]);
  await page.click("#expand");
  assert.equal(await page.locator("button.cell[data-cell]").count(), run.cells.length);
  await page.screenshot({ path: join(artifacts, "report-axes.png"), fullPage: true });
  await page.close();
  assert.deepEqual(problems, []);
});
