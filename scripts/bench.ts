// `npm run bench -- [options]`: how the production build holds up with a large database.
//
//  1. Generates synthetic datasets (scripts/bench/generate.ts) of 1k, 10k and 100k
//     applications under data/bench/ (reused while the generator is unchanged).
//  2. Times the data-layer functions behind each page alone, at each size
//     (scripts/bench/data-queries.ts), to show how their cost grows.
//  3. Runs `next build` (skip with --skip-build), then serves it as `npm start` does
//     (scripts/serve.ts) on a loopback port with
//     DATABASE_URL pointing at the largest dataset.
//  4. Builds and starts the minimal reference app (scripts/bench/reference: a force-dynamic page
//     with a heading and a static page, on the same next/react) beside it.
//  5. Loads each page with autocannon over loopback at 10 and 50 concurrent connections:
//     requests/second, p50 and p95 latency, errors, peak RSS of the server's process tree;
//     every page's throughput is reported as a ratio to the reference's dynamic page, measured
//     in slices that alternate with the page's own (the machine's speed drifts over minutes),
//     against the targets of issue #17.
//  6. The statistics page, the list and a member's list again while a writer changes one
//     application per second: p95, and how far behind the writes the figures shown were
//     (/api/v1/stats).
//  7. Lighthouse (mobile, Debian's Chromium) on the home, list, case and statistics pages.
// Options: --apps N (largest size, default 100000) --sizes a,b,c --duration S (default 10)
//   --connections 10,50 --skip-build --fresh --port P --only bare,list,case,stats,api-stats,list-member,case-member,case-own
//   --skip-queries --skip-writer --skip-lighthouse --json PATH --rounds R (alternating page/reference slices, default 2)
//   --accept-encoding VALUE (default "identity"; Chromium's "gzip, deflate, br, zstd" adds the cost of compressing each page)
//   --lighthouse-runs N (Lighthouse runs per page, the median reported; default 3)
// The server inherits the environment: TRACKER_PAGE_CACHE=anonymous measures members' pages
// rendered per request (no copies of their own), =off every page.
// Only loopback addresses are ever loaded; every run is bounded in time.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import Database from "better-sqlite3";
import { generateDataset, type BenchDataset } from "./bench/generate";
import { ensureDataVersionSqlite } from "../lib/data-version";

const require = createRequire(import.meta.url);
const root = process.cwd();

// ───────────────────────────── options

function opt(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1] && !args[i + 1].startsWith("--")) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const list = (s: string | undefined, d: number[]) => (s ? s.split(",").map(Number).filter((n) => n > 0) : d);

const maxApps = Number(opt("apps") ?? 100_000);
const sizes = [...new Set([...list(opt("sizes"), [1_000, 10_000, maxApps].filter((n) => n <= maxApps)), maxApps])].sort((a, b) => a - b);
const duration = Number(opt("duration") ?? 10);
/** Lighthouse runs per page; the median is reported. */
const lighthouseRuns = Math.max(1, Number(opt("lighthouse-runs") ?? 3));
const connectionsList = list(opt("connections"), [10, 50]);
const port = Number(opt("port") ?? 3990);
const only = opt("only")?.split(",");
/**
 * What every request asks for: uncompressed by default, as in earlier runs; `--accept-encoding
 * "gzip, deflate, br, zstd"` (Chromium's header) adds what a browser's request costs: Next.js
 * compresses every response as it sends it, cached pages too.
 */
const acceptEncoding = opt("accept-encoding") ?? "identity";
const benchDir = path.join(root, "data", "bench");

// ───────────────────────────── helpers

const log = (s: string) => console.log(`bench: ${s}`);

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(d));
    } catch {
      /* exited meanwhile */
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      /* exited */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function waitForHealth(base: string, proc: ChildProcess, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode})`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the server did not become healthy");
}

// ───────────────────────────── data-layer timings

interface QueryTiming {
  name: string;
  medianMs: number;
  minMs: number;
}

function timeQueries(ds: BenchDataset): QueryTiming[] {
  const out = execFileSync(process.execPath, ["--conditions", "react-server", "--import", "tsx", path.join(root, "scripts", "bench", "data-queries.ts")], {
    env: { ...process.env, DATABASE_URL: ds.url, BENCH_CASE_ID: ds.sampleCaseId, NODE_ENV: "production" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  return line ? (JSON.parse(line) as { timings: QueryTiming[] }).timings : [];
}

// ───────────────────────────── HTTP load

interface Target {
  key: string;
  label: string;
  /** Which server: ours, or the reference app. */
  base: string;
  path: string;
  cookie?: string;
  /** Minimum ratio to the reference dynamic page's throughput that the issue asks for. */
  minRatio?: number;
  expect: RegExp;
}

interface RunResult {
  target: string;
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  peakRssMb: number;
  ratio?: number;
  staticRatio?: number;
  minRatio?: number;
  /** The writer phase: a p95 ceiling (ms) and how far behind the writes the figures were (s). */
  maxP95?: number;
  lagSeconds?: number;
}

/** One timed slice of load on one page. */
interface Slice {
  ok: number;
  seconds: number;
  latencies: number[];
  errors: number;
  non2xx: number;
  requests: number;
  peak: number;
}

async function load(t: Target, connections: number, seconds: number, serverPid: number): Promise<Slice> {
  const latencies: number[] = [];
  let peak = treeRss(serverPid);
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(serverPid))), 200);
  let n = 0;
  const started = performance.now();
  const instance = autocannon({
    url: `${t.base}${t.path}`,
    connections,
    duration: seconds,
    timeout: 30,
    headers: { accept: "text/html,application/json", "accept-encoding": acceptEncoding, ...(t.cookie ? { cookie: t.cookie } : {}) },
    requests: [
      {
        // Many visitors, not one: each request comes from its own documentation-range
        // address, so per-address rate limits (API) measure capacity, not the limiter.
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-forwarded-for": `198.51.100.${(n++ % 250) + 1}` } }),
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss(serverPid));
  return { ok: result["2xx"], seconds: elapsed, latencies, errors: result.errors + result.timeouts, non2xx: result.non2xx, requests: result.requests.total, peak };
}

/** Slices of one page at one concurrency, as one row. */
function summarize(t: Target, connections: number, slices: Slice[]): RunResult {
  const latencies = slices.flatMap((x) => x.latencies).sort((a, b) => a - b);
  const sum = (f: (x: Slice) => number) => slices.reduce((a, x) => a + f(x), 0);
  return {
    target: t.key,
    label: t.label,
    connections,
    rps: sum((x) => x.ok) / Math.max(sum((x) => x.seconds), 0.001),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: sum((x) => x.errors),
    non2xx: sum((x) => x.non2xx),
    requests: sum((x) => x.requests),
    peakRssMb: Math.max(...slices.map((x) => x.peak)) / 1024 / 1024,
    minRatio: t.minRatio,
  };
}

/**
 * Waits until the server has worked off requests left over from the previous run (autocannon
 * stops sending, but what is queued still runs): otherwise a slow page's backlog would be
 * billed to the next one. Gives up after two minutes and says so.
 */
async function drain(base: string): Promise<void> {
  const end = Date.now() + 120_000;
  let quiet = 0;
  while (Date.now() < end && quiet < 3) {
    const started = performance.now();
    try {
      await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(60_000) });
    } catch {
      /* busy */
    }
    quiet = performance.now() - started < 50 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (quiet < 3) log("warning: the server was still busy after two minutes");
}

/**
 * A real member's session: a current device row (My sessions) and the claims the app checks on
 * every request (uid, sv = the user's session version, sid = that row). Without sv and sid the
 * app treats the token as ended, and the "member" pages were measured as an anonymous visitor's.
 */
async function sessionCookie(ds: BenchDataset, secret: string): Promise<string> {
  const conn = new Database(ds.file);
  const now = new Date();
  const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const sid = "bench-session";
  const { sessionVersion } = conn.prepare(`SELECT "sessionVersion" FROM "User" WHERE "id" = ?`).get(ds.user.id) as { sessionVersion: number };
  conn
    .prepare(`INSERT OR REPLACE INTO "UserSession" ("id", "userId", "browser", "os", "createdAt", "lastSeenAt", "expiresAt", "revokedAt") VALUES (?, ?, '', '', ?, ?, ?, NULL)`)
    .run(sid, ds.user.id, iso(now), iso(now), iso(new Date(now.getTime() + 24 * 3600_000)));
  conn.close();
  const token = await encode({ token: { sub: ds.user.id, uid: ds.user.id, name: "Bench Organizer", email: ds.user.email, sv: sessionVersion, sid }, secret });
  return `next-auth.session-token=${token}`;
}

// ───────────────────────────── report

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function printLoadTable(rows: RunResult[]) {
  const head = ["page", "conns", "req/s", "× min dyn", "× min static", "p50 ms", "p95 ms", "p99 ms", "errors", "peak RSS", "target"];
  const widths = [36, 6, 9, 10, 13, 8, 8, 8, 7, 10, 30];
  console.log(head.map((h, i) => pad(h, widths[i], i > 0)).join(" "));
  for (const r of rows) {
    const goals: string[] = [];
    if (r.minRatio !== undefined && r.ratio !== undefined) goals.push(`${r.ratio >= r.minRatio ? "ok" : "MISS"} ≥${r.minRatio}×`);
    if (r.maxP95 !== undefined) goals.push(`${r.p95 < r.maxP95 ? "ok" : "MISS"} p95<${r.maxP95}`);
    if (r.lagSeconds !== undefined) goals.push(`${r.lagSeconds <= 10 ? "ok" : "MISS"} exact ≤10 s (${Number.isNaN(r.lagSeconds) ? "unmeasured: no sample, or never caught up" : `${r.lagSeconds.toFixed(1)} s`})`);
    if (r.errors + r.non2xx > 0) goals.push("ERRORS");
    else if (r.minRatio !== undefined || r.maxP95 !== undefined) goals.push("0 errors");
    console.log(
      [
        pad(r.label, widths[0]),
        pad(String(r.connections), widths[1], true),
        pad(r.rps.toFixed(1), widths[2], true),
        pad(r.ratio === undefined ? "—" : r.ratio.toFixed(2), widths[3], true),
        pad(r.staticRatio === undefined ? "—" : r.staticRatio.toFixed(2), widths[4], true),
        pad(r.p50.toFixed(1), widths[5], true),
        pad(r.p95.toFixed(1), widths[6], true),
        pad(r.p99.toFixed(1), widths[7], true),
        pad(String(r.errors + r.non2xx), widths[8], true),
        pad(`${r.peakRssMb.toFixed(0)} MB`, widths[9], true),
        pad(goals.join(", "), widths[10], true),
      ].join(" "),
    );
  }
}

// ───────────────────────────── servers

const nextBin = () => require.resolve("next/dist/bin/next");

function build(dir: string, bundler: string[] = []) {
  execFileSync(process.execPath, [nextBin(), "build", dir, ...bundler], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
}

/**
 * Ours as `npm start` serves it (scripts/serve.ts: compression in front of Next.js), the
 * reference app with a plain `next start`. One process each, whose pid the figures read.
 */
function startServer(dir: string, p: number, env: Record<string, string>): ChildProcess {
  const args = dir === root ? ["--import", "tsx", path.join(root, "scripts", "serve.ts")] : [nextBin(), "start", dir];
  return spawn(process.execPath, [...args, "-H", "127.0.0.1", "-p", String(p)], {
    cwd: dir,
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitFor(url: string, proc: ChildProcess, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

// ───────────────────────────── writer

/**
 * One committed change per second to a public application that has refused parts, straight
 * into the database as another app instance would write (the data version moves with it):
 * its request count goes up by one, so the statistics' refusal total goes up by `step`.
 */
function startWriter(file: string) {
  const conn = new Database(file);
  conn.pragma("busy_timeout = 10000");
  const row = conn
    .prepare(`SELECT a."id" AS id, COUNT(*) AS n FROM "Application" a JOIN "Part" p ON p."applicationId" = a."id" JOIN "PartOutcome" po ON po."partId" = p."id"
      WHERE a."isPublic" = 1 AND po."outcome" = 'refused' GROUP BY a."id" ORDER BY a."id" LIMIT 1`)
    .get() as { id: string; n: number };
  const bump = conn.prepare(`UPDATE "Application" SET "requestCount" = "requestCount" + 1, "updatedAt" = ? WHERE "id" = ?`);
  const writes: number[] = [];
  const timer = setInterval(() => {
    bump.run(Date.now(), row.id);
    writes.push(Date.now());
  }, 1000);
  return {
    step: Number(row.n),
    writes,
    /** No more writes (the dataset stays as it is, for the figures to catch up with). */
    halt() {
      clearInterval(timer);
    },
    stop() {
      clearInterval(timer);
      // Put the dataset back as it was generated.
      conn.prepare(`UPDATE "Application" SET "requestCount" = "requestCount" - ? WHERE "id" = ?`).run(writes.length, row.id);
      conn.close();
    },
  };
}

/** The refusals total /api/v1/stats reports (a visitor of its own address, so its rate limit is its own). */
async function statsTotal(base: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/stats`, { headers: { "x-forwarded-for": "198.51.100.251" }, signal: AbortSignal.timeout(20_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { data: { refusals: { total: number } } }).data.refusals.total;
}

/**
 * The figures once no recompute is catching up: the same total twice, a recompute's length
 * apart, with nothing writing. The lag below is counted from it, so it must not be figures
 * from before the last phase's writes (or their undoing) were counted.
 */
async function settledStatsTotal(base: string): Promise<number | null> {
  const until = Date.now() + 90_000;
  let last = await statsTotal(base).catch(() => null);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 5000));
    const now = await statsTotal(base).catch(() => null);
    if (now !== null && now === last) return now;
    last = now;
  }
  return null;
}

/**
 * Samples /api/v1/stats once a second: how long after a write its figures still left it out,
 * counted from `baseTotal`, the settled figures before the first write. After the writer halts
 * it keeps sampling until the figures count every write (at most 60 s), so a recompute that
 * never catches up is a lag, not a pass. A sample that fails or times out is counted; with no
 * good sample the lag is unmeasured (NaN), which the table reports as a miss.
 */
function watchLag(base: string, baseTotal: number | null, step: number, writes: number[]) {
  let worst = 0;
  let stopped = false;
  let good = 0;
  let failed = 0;
  let caughtUp = false;
  const sample = async () => {
    // Without settled figures from before the writes there is nothing to count from: unmeasured, not failed.
    if (baseTotal === null) return false;
    const at = Date.now();
    const shown = await statsTotal(base).catch(() => null);
    if (shown === null) {
      failed++;
      return false;
    }
    good++;
    const counted = Math.round((shown - baseTotal) / step);
    // The oldest write made before this sample that the figures did not count yet.
    const made = writes.filter((w) => w <= at);
    if (counted < made.length) worst = Math.max(worst, (at - made[Math.max(0, counted)]) / 1000);
    return counted >= writes.length;
  };
  const done = (async () => {
    if (baseTotal === null) return;
    while (!stopped) {
      await sample();
      await new Promise((r) => setTimeout(r, 1000));
    }
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      if (await sample()) {
        caughtUp = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return {
    /** Call once the writer has halted. */
    async stop(): Promise<number> {
      stopped = true;
      await done;
      if (baseTotal === null) log("figures' lag: unmeasured, the figures never settled before the writer started");
      if (failed) log(`figures' lag: ${failed} of ${good + failed} samples of /api/v1/stats failed`);
      if (good && !caughtUp) log("figures' lag: the figures did not count every write within 60 s of the last one");
      return good && caughtUp ? worst : Number.NaN;
    },
  };
}

// ───────────────────────────── Lighthouse

interface LighthouseRow {
  page: string;
  performance: number;
  /** Every run's performance score; `performance` is their median. */
  performanceRuns?: number[];
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  failed: string[];
}

/** The flags the browser tests use (playwright.config.ts), headless. */
const CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"];

type Lhr = NonNullable<Awaited<ReturnType<(typeof import("lighthouse"))["default"]>>>["lhr"];

/**
 * Each page is measured `runs` times and the run with the median performance score is
 * reported (Lighthouse's own advice against variance: its simulated CPU slowdown multiplies
 * what this machine measured, and on a shared, loaded machine one run can differ from the next
 * by 20 points). The row lists every run's score.
 */
async function runLighthouse(base: string, pages: [string, string][], runs: number): Promise<LighthouseRow[]> {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", chromeFlags: CHROMIUM_FLAGS });
  const rows: LighthouseRow[] = [];
  /**
   * One measurement; a failed one is tried once more. On this loaded machine Lighthouse now and
   * then reports NO_NAVSTART (its trace lost the navigation's start) — what made the case page's
   * row vanish from earlier runs; the next run of the same page measures normally.
   */
  const measure = async (label: string, url: string): Promise<{ lhr?: Lhr; why: string }> => {
    let why = "no report";
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // Default config: mobile form factor, simulated slow 4G and a 4× slower CPU.
        const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
        const lhr = result?.lhr;
        why = lhr?.runtimeError ? `runtime error: ${lhr.runtimeError.code}` : lhr ? "" : "no report";
        if (lhr && !why) return { lhr, why };
      } catch (e) {
        why = `lighthouse threw: ${e instanceof Error ? e.message : String(e)}`;
      }
      log(`lighthouse ${label}: ${why}${attempt === 0 ? ", measuring again" : ""}`);
    }
    return { why };
  };
  try {
    for (const [label, p] of pages) {
      // A page that cannot be measured is a row that says why: it used to vanish from the
      // table (no report) or take the other pages' rows with it (an exception).
      const done: Lhr[] = [];
      let why = "no report";
      for (let i = 0; i < runs; i++) {
        const m = await measure(label, `${base}${p}`);
        if (m.lhr) done.push(m.lhr);
        else why = m.why;
      }
      if (done.length === 0) {
        rows.push({ page: label, performance: 0, accessibility: 0, bestPractices: 0, seo: 0, lcpMs: NaN, tbtMs: NaN, cls: NaN, failed: [why] });
        continue;
      }
      const perf = (l: Lhr) => Math.round((l.categories.performance?.score ?? 0) * 100);
      const sorted = [...done].sort((a, b) => perf(a) - perf(b));
      const lhr = sorted[Math.floor((sorted.length - 1) / 2)];
      // The whole report beside the results, to read the opportunities and diagnostics.
      fs.writeFileSync(path.join(benchDir, `lighthouse-${label.replace(/\W+/g, "-")}.json`), JSON.stringify(lhr));
      const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
      const failed = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric") && ["accessibility", "best-practices"].some((c) => lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0)))
        .map((a) => a.id);
      rows.push({
        page: label,
        performance: score("performance"),
        performanceRuns: done.map(perf),
        accessibility: Math.min(...done.map((l) => Math.round((l.categories.accessibility?.score ?? 0) * 100))),
        bestPractices: Math.min(...done.map((l) => Math.round((l.categories["best-practices"]?.score ?? 0) * 100))),
        seo: score("seo"),
        lcpMs: Number(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
        tbtMs: Number(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
        cls: Number(lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN),
        failed,
      });
      log(`lighthouse ${label}: ${JSON.stringify(rows[rows.length - 1])}`);
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

function printLighthouse(rows: LighthouseRow[]) {
  console.log([pad("page", 20), pad("perf", 6, true), pad("a11y", 6, true), pad("best pr.", 9, true), pad("SEO", 5, true), pad("LCP ms", 8, true), pad("TBT ms", 8, true), pad("CLS", 6, true), "  target / failing audits"].join(" "));
  for (const r of rows) {
    const ok = r.performance >= 95 && r.accessibility === 100 && r.bestPractices === 100;
    console.log(
      [
        pad(r.page, 20),
        pad(String(r.performance), 6, true),
        pad(String(r.accessibility), 6, true),
        pad(String(r.bestPractices), 9, true),
        pad(String(r.seo), 5, true),
        pad(r.lcpMs.toFixed(0), 8, true),
        pad(r.tbtMs.toFixed(0), 8, true),
        pad(r.cls.toFixed(3), 6, true),
        `  ${ok ? "ok" : "MISS"} ≥95/100/100${r.failed.length ? ` (${r.failed.join(", ")})` : ""}${r.performanceRuns && r.performanceRuns.length > 1 ? `  runs: ${r.performanceRuns.join(", ")}` : ""}`,
      ].join(" "),
    );
  }
}

// ───────────────────────────── main

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  // Personal fields are sealed under TRACKER_DATA_KEY: the operator's, else one kept for the
  // bench's own databases. Set before anything runs, so the data-layer timing (a child process)
  // and the server read them with the same key.
  const keyFile = path.join(benchDir, "data-key");
  if (!process.env.TRACKER_DATA_KEY && !fs.existsSync(keyFile)) fs.writeFileSync(keyFile, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
  const dataKey = process.env.TRACKER_DATA_KEY || fs.readFileSync(keyFile, "utf8").trim();
  process.env.TRACKER_DATA_KEY = dataKey;
  const datasets = new Map<number, BenchDataset>();
  for (const n of sizes) {
    log(`dataset: ${n.toLocaleString("en")} applications`);
    datasets.set(n, await generateDataset({ file: path.join(benchDir, `bench-${n}.db`), applications: n, fresh: flag("fresh"), log }));
  }
  const big = datasets.get(maxApps)!;
  // As `npm run setup` leaves a real database: the data version counter and its triggers, which
  // every cache (and the page cache) keys on. Without them nothing would be served from a cache.
  for (const ds of datasets.values()) {
    const conn = new Database(ds.file);
    ensureDataVersionSqlite(conn);
    conn.close();
  }

  const queryTable: Record<string, Record<number, QueryTiming>> = {};
  if (!flag("skip-queries")) {
    for (const n of sizes) {
      log(`timing the data layer alone at ${n.toLocaleString("en")} applications`);
      for (const q of timeQueries(datasets.get(n)!)) (queryTable[q.name] ??= {})[n] = q;
    }
    console.log(`\nData-layer functions alone (median of 5 after a warm-up, ms):`);
    console.log([pad("function", 50), ...sizes.map((n) => pad(`${n / 1000}k apps`, 12, true))].join(" "));
    for (const [name, bySize] of Object.entries(queryTable)) {
      console.log([pad(name, 50), ...sizes.map((n) => pad(bySize[n] ? bySize[n].medianMs.toFixed(1) : "—", 12, true))].join(" "));
    }
    console.log("");
  }

  const referenceDir = path.join(root, "scripts", "bench", "reference");
  if (!flag("skip-build")) {
    log("next build (a few minutes)…");
    build(root);
  } else if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("--skip-build, but there is no production build in .next/");
  }
  // The reference app is always built in the same run: it is what the ratios are taken against.
  log("next build of the reference app (scripts/bench/reference)…");
  // With webpack: Turbopack takes a nested app's proxy and instrumentation from the enclosing
  // repository (ours), which would make the reference anything but minimal.
  build(referenceDir, ["--webpack"]);

  const secret = crypto.randomBytes(32).toString("base64url");
  const base = `http://127.0.0.1:${port}`;
  const refBase = `http://127.0.0.1:${port + 1}`;
  const server = startServer(root, port, { DATABASE_URL: big.url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base, BENCH_PAGES: "1", TRACKER_DATA_KEY: dataKey });
  const reference = startServer(referenceDir, port + 1, {});
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    if (reference.exitCode === null) reference.kill("SIGTERM");
  };
  process.on("exit", stop);
  process.on("SIGINT", () => process.exit(130));
  try {
    await waitForHealth(base, server);
    await waitFor(`${refBase}/static`, reference);
    log(`scripts/serve.ts on ${base}, database ${path.relative(root, big.file)} (${maxApps.toLocaleString("en")} applications); reference app on ${refBase}`);
    const cookie = await sessionCookie(big, secret);
    // A case of the member's own group: the page with their next steps, filings, share links and history.
    const ownCaseId = ((): string => {
      const conn = new Database(big.file, { readonly: true });
      const row = conn.prepare(`SELECT a."id" FROM "Application" a JOIN "Membership" m ON m."groupId" = a."groupId" AND m."userId" = ? AND m."role" = 'admin' ORDER BY a."id" LIMIT 1`).get(big.user.id) as { id: string } | undefined;
      conn.close();
      return row?.id ?? big.sampleCaseId;
    })();
    const refDynamic: Target = { key: "ref-dynamic", label: "minimal dynamic page (reference)", base: refBase, path: "/dynamic", expect: /<h1/ };
    const refStatic: Target = { key: "ref-static", label: "minimal static page (reference)", base: refBase, path: "/static", expect: /<h1/ };
    const targets: Target[] = [
      { key: "bare", label: "our /bench/bare (shell only)", base, path: "/bench/bare", expect: /<h1/ },
      { key: "list", label: "applications list", base, path: "/applications", minRatio: 2, expect: /href="\/applications\// },
      { key: "case", label: "case page", base, path: `/applications/${big.sampleCaseId}`, minRatio: 2, expect: /<h1/ },
      { key: "stats", label: "statistics page", base, path: "/stats", minRatio: 1, expect: /<table|<svg/ },
      { key: "api-stats", label: "/api/v1/stats", base, path: "/api/v1/stats", expect: /"data"/ },
      // Signed in for real: the header names the member (an ended session renders the anonymous page).
      { key: "list-member", label: "applications list, member", base, path: "/applications", cookie, minRatio: 0.6, expect: /Bench Organizer[\s\S]*href="\/applications\// },
      { key: "case-member", label: "case page, member", base, path: `/applications/${big.sampleCaseId}`, cookie, minRatio: 0.6, expect: /Bench Organizer[\s\S]*<h1/ },
      { key: "case-own", label: "case page, its group's admin", base, path: `/applications/${ownCaseId}`, cookie, minRatio: 0.6, expect: /Bench Organizer[\s\S]*<h1/ },
    ].filter((t) => !only || only.includes(t.key));

    // Every page answers, and with what it should contain, before anything is timed.
    for (const t of [refDynamic, refStatic, ...targets]) {
      const started = performance.now();
      const res = await fetch(`${t.base}${t.path}`, { headers: t.cookie ? { cookie: t.cookie } : {} });
      const body = await res.text();
      const ms = performance.now() - started;
      if (!res.ok || !t.expect.test(body)) throw new Error(`${t.path} answered ${res.status} without the expected content`);
      log(`${t.label}: ${res.status}, ${(body.length / 1024).toFixed(0)} KiB, first request ${ms.toFixed(0)} ms${res.headers.get("x-tracker-cache") ? ` (page cache: ${res.headers.get("x-tracker-cache")})` : ""}`);
    }

    // On a shared machine the speed available drifts by tens of percent over minutes, so each
    // page is measured in slices that alternate with slices of the reference's dynamic page,
    // and its ratio is taken against the reference slices of the same window (--rounds).
    const rounds = Math.max(1, Number(opt("rounds") ?? 2));
    const slice = Math.max(2, duration / rounds);
    const results: RunResult[] = [];
    const measure = async (t: Target, connections: number) => {
      await drain(base);
      await load(t, connections, Math.min(3, duration), t.base === base ? server.pid! : reference.pid!); // warm-up, not recorded
      const mine: Slice[] = [];
      const refs: Slice[] = [];
      for (let r = 0; r < rounds; r++) {
        await drain(base);
        mine.push(await load(t, connections, slice, t.base === base ? server.pid! : reference.pid!));
        if (t !== refDynamic) {
          await drain(base);
          refs.push(await load(refDynamic, connections, slice, reference.pid!));
        }
      }
      const row = summarize(t, connections, mine);
      if (refs.length) row.ratio = row.rps / summarize(refDynamic, connections, refs).rps;
      return { row, refs };
    };
    for (const connections of connectionsList) {
      const allRefs: Slice[] = [];
      const rows: RunResult[] = [];
      const staticRow = (await measure(refStatic, connections)).row;
      for (const t of targets) {
        const { row, refs } = await measure(t, connections);
        allRefs.push(...refs);
        rows.push(row);
        log(`${t.label} @${connections}: ${row.rps.toFixed(1)} req/s, p95 ${row.p95.toFixed(1)} ms, ${row.ratio?.toFixed(2)}× the minimal dynamic page in the same window`);
      }
      const refRow = summarize(refDynamic, connections, allRefs.length ? allRefs : (await measure(refDynamic, connections)).refs);
      refRow.ratio = 1;
      staticRow.staticRatio = 1;
      for (const r of [refRow, ...rows]) r.staticRatio = r.rps / staticRow.rps;
      staticRow.ratio = staticRow.rps / refRow.rps;
      results.push(refRow, staticRow, ...rows);
    }

    console.log(`\nHTTP over loopback, production build, ${maxApps.toLocaleString("en")} applications, ${duration} s per run, Accept-Encoding: ${acceptEncoding} (ratios: to the reference app's pages, same run):`);
    printLoadTable(results);

    // With a writer: every second a committed change, so the page cache and the figures are
    // out of date all the time; the statistics must still answer fast and catch up.
    const writerRows: RunResult[] = [];
    if (!flag("skip-writer")) {
      for (const connections of connectionsList) {
        // The member's list too: every write sets their copies aside as it does the visitors'.
        for (const t of targets.filter((x) => x.key === "stats" || x.key === "list" || x.key === "list-member")) {
          await drain(base);
          const baseTotal = t.key === "stats" ? await settledStatsTotal(base) : null;
          const writer = startWriter(big.file);
          const lag = t.key === "stats" ? watchLag(base, baseTotal, writer.step, writer.writes) : null;
          await new Promise((r) => setTimeout(r, 1500));
          const sl = await load(t, connections, Math.max(duration, 10), server.pid!);
          writer.halt();
          const lagSeconds = lag ? await lag.stop() : undefined;
          writer.stop();
          const row = summarize({ ...t, label: `${t.label}, 1 write/s` }, connections, [sl]);
          row.minRatio = undefined;
          // Issue #17's ceiling is for what every visitor shares (the statistics, the list); a member's row is reported beside them.
          row.maxP95 = t.key === "list-member" ? undefined : 300;
          row.lagSeconds = lagSeconds;
          writerRows.push(row);
          log(`${row.label} @${connections}: p95 ${row.p95.toFixed(1)} ms${lagSeconds === undefined ? "" : `, figures at most ${lagSeconds.toFixed(1)} s behind the writes`}`);
        }
      }
      console.log(`\nWith a writer making one change per second (${writerRows.length ? writerRows[0].requests : 0}+ requests each):`);
      printLoadTable(writerRows);
    }

    let lighthouseRows: LighthouseRow[] = [];
    if (!flag("skip-lighthouse")) {
      log("lighthouse (mobile) on the home, list, case and statistics pages…");
      await drain(base);
      try {
        lighthouseRows = await runLighthouse(base, [
          ["home", "/"],
          ["applications list", "/applications"],
          ["case page", `/applications/${big.sampleCaseId}`],
          ["statistics", "/stats"],
        ], lighthouseRuns);
        console.log(`\nLighthouse 12, mobile (simulated slow 4G, 4× CPU slowdown), Debian's Chromium, anonymous visitor, median of ${lighthouseRuns} run(s):`);
        printLighthouse(lighthouseRows);
      } catch (e) {
        console.log(`\nLighthouse could not run: ${e instanceof Error ? e.message : e}`);
      }
    }

    const out = opt("json") ?? path.join(benchDir, `results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), applications: maxApps, duration, queries: queryTable, load: results, writer: writerRows, lighthouse: lighthouseRows }, null, 2));
    log(`results saved to ${path.relative(root, out)}`);
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
