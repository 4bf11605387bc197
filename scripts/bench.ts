// `npm run bench -- [options]`: how the production build holds up with a large database.
//
//  1. Generates synthetic datasets (scripts/bench/generate.ts) of 1k, 10k and 100k
//     applications under data/bench/ (reused while the generator is unchanged).
//  2. Times the data-layer functions behind each page alone, at each size
//     (scripts/bench/data-queries.ts), to show how their cost grows.
//  3. Runs `next build` (skip with --skip-build), then `next start` on a loopback port with
//     DATABASE_URL pointing at the largest dataset.
//  4. Loads each page with autocannon over loopback at 10 and 50 concurrent connections:
//     requests/second, p50 and p95 latency, errors, peak RSS of the server's process tree —
//     and the same for a bare page (app/bench/bare) served by the same build in the same run;
//     every page's throughput is reported as a ratio to the bare page's, measured in slices
//     that alternate with the page's own (the machine's speed drifts over minutes).
// Options: --apps N (largest size, default 100000) --sizes a,b,c --duration S (default 10)
//   --connections 10,50 --skip-build --fresh --port P --only bare,list,case,stats,api-stats,list-member
//   --skip-queries --json PATH --rounds R (alternating page/bare slices per page, default 2)
// Only loopback addresses are ever loaded; every run is bounded in time.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { generateDataset, type BenchDataset } from "./bench/generate";

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
const connectionsList = list(opt("connections"), [10, 50]);
const port = Number(opt("port") ?? 3990);
const only = opt("only")?.split(",");
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
  path: string;
  cookie?: string;
  /** Minimum ratio to the bare page's throughput that the issue asks for. */
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
  minRatio?: number;
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

async function load(base: string, t: Target, connections: number, seconds: number, serverPid: number): Promise<Slice> {
  const latencies: number[] = [];
  let peak = treeRss(serverPid);
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(serverPid))), 200);
  let n = 0;
  const started = performance.now();
  const instance = autocannon({
    url: `${base}${t.path}`,
    connections,
    duration: seconds,
    timeout: 30,
    headers: { accept: "text/html,application/json", ...(t.cookie ? { cookie: t.cookie } : {}) },
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

async function sessionCookie(ds: BenchDataset, secret: string): Promise<string> {
  const token = await encode({ token: { sub: ds.user.id, uid: ds.user.id, name: "Bench Organizer", email: ds.user.email }, secret });
  return `next-auth.session-token=${token}`;
}

// ───────────────────────────── report

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function printLoadTable(rows: RunResult[]) {
  const head = ["page", "conns", "req/s", "× bare", "p50 ms", "p95 ms", "p99 ms", "errors", "peak RSS", "target"];
  const widths = [30, 6, 9, 8, 8, 8, 8, 7, 10, 22];
  console.log(head.map((h, i) => pad(h, widths[i], i > 0)).join(" "));
  for (const r of rows) {
    const goals: string[] = [];
    if (r.minRatio !== undefined && r.ratio !== undefined) goals.push(`${r.ratio >= r.minRatio ? "ok" : "MISS"} ≥${r.minRatio}×`);
    if (r.connections === 10) goals.push(`${r.p95 < 50 ? "ok" : "MISS"} p95<50`);
    if (r.errors + r.non2xx > 0) goals.push("ERRORS");
    console.log(
      [
        pad(r.label, widths[0]),
        pad(String(r.connections), widths[1], true),
        pad(r.rps.toFixed(1), widths[2], true),
        pad(r.ratio === undefined ? "—" : r.ratio.toFixed(2), widths[3], true),
        pad(r.p50.toFixed(1), widths[4], true),
        pad(r.p95.toFixed(1), widths[5], true),
        pad(r.p99.toFixed(1), widths[6], true),
        pad(String(r.errors + r.non2xx), widths[7], true),
        pad(`${r.peakRssMb.toFixed(0)} MB`, widths[8], true),
        pad(goals.join(", "), widths[9], true),
      ].join(" "),
    );
  }
}

// ───────────────────────────── main

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  const datasets = new Map<number, BenchDataset>();
  for (const n of sizes) {
    log(`dataset: ${n.toLocaleString("en")} applications`);
    datasets.set(n, await generateDataset({ file: path.join(benchDir, `bench-${n}.db`), applications: n, fresh: flag("fresh"), log }));
  }
  const big = datasets.get(maxApps)!;

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

  if (!flag("skip-build")) {
    log("next build (a few minutes)…");
    execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  } else if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("--skip-build, but there is no production build in .next/");
  }

  const secret = crypto.randomBytes(32).toString("base64url");
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: big.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      BENCH_PAGES: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => server.exitCode === null && server.kill("SIGTERM");
  process.on("exit", stop);
  process.on("SIGINT", () => process.exit(130));
  try {
    await waitForHealth(base, server);
    log(`next start on ${base}, database ${path.relative(root, big.file)} (${maxApps.toLocaleString("en")} applications)`);
    const cookie = await sessionCookie(big, secret);
    const targets: Target[] = [
      { key: "bare", label: "bare page (baseline)", path: "/bench/bare", expect: /<h1/ },
      { key: "list", label: "applications list", path: "/applications", minRatio: 0.7, expect: /href="\/applications\// },
      { key: "case", label: "case page", path: `/applications/${big.sampleCaseId}`, minRatio: 0.7, expect: /<h1/ },
      { key: "stats", label: "stats page", path: "/stats", minRatio: 0.5, expect: /<table|<svg/ },
      { key: "api-stats", label: "/api/v1/stats", path: "/api/v1/stats", minRatio: 0.5, expect: /"data"/ },
      { key: "list-member", label: "applications list (member)", path: "/applications", cookie, expect: /href="\/applications\// },
    ].filter((t) => !only || only.includes(t.key));

    // Every page answers, and with what it should contain, before anything is timed.
    for (const t of targets) {
      const started = performance.now();
      const res = await fetch(`${base}${t.path}`, { headers: t.cookie ? { cookie: t.cookie } : {} });
      const body = await res.text();
      const ms = performance.now() - started;
      if (!res.ok || !t.expect.test(body)) throw new Error(`${t.path} answered ${res.status} without the expected content`);
      log(`${t.label}: ${res.status}, ${(body.length / 1024).toFixed(0)} KiB, first request ${ms.toFixed(0)} ms`);
    }

    // On a shared machine the speed available drifts by tens of percent over minutes, so each
    // page is measured in slices that alternate with slices of the bare page, and its ratio is
    // taken against the bare slices of the same window: page, bare, page, bare… (--rounds).
    const rounds = Math.max(1, Number(opt("rounds") ?? 2));
    const slice = Math.max(2, duration / rounds);
    const bareTarget = targets.find((t) => t.key === "bare");
    const results: RunResult[] = [];
    for (const connections of connectionsList) {
      const allBare: Slice[] = [];
      const pageRows: RunResult[] = [];
      for (const t of targets.filter((x) => x !== bareTarget || targets.length === 1)) {
        await drain(base);
        await load(base, t, connections, Math.min(3, duration), server.pid!); // warm-up, not recorded
        const mine: Slice[] = [];
        const bares: Slice[] = [];
        for (let r = 0; r < rounds; r++) {
          await drain(base);
          mine.push(await load(base, t, connections, slice, server.pid!));
          if (bareTarget && t !== bareTarget) {
            await drain(base);
            bares.push(await load(base, bareTarget, connections, slice, server.pid!));
          }
        }
        const row = summarize(t, connections, mine);
        if (bares.length) row.ratio = row.rps / summarize(bareTarget!, connections, bares).rps;
        allBare.push(...bares);
        pageRows.push(row);
        log(`${t.label} @${connections}: ${row.rps.toFixed(1)} req/s, p95 ${row.p95.toFixed(1)} ms${row.ratio === undefined ? "" : `, ${row.ratio.toFixed(2)}× the bare page in the same window`}`);
      }
      if (bareTarget && allBare.length) results.push(summarize(bareTarget, connections, allBare));
      results.push(...pageRows);
    }

    console.log(`\nHTTP over loopback, production build, ${maxApps.toLocaleString("en")} applications, ${duration} s per run:`);
    printLoadTable(results);
    const out = opt("json") ?? path.join(benchDir, `results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), applications: maxApps, duration, queries: queryTable, load: results }, null, 2));
    log(`results saved to ${path.relative(root, out)}`);
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
