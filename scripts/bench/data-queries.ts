// Times the data-layer functions behind the benchmarked pages, alone (no HTTP, no React),
// against DATABASE_URL. Run by scripts/bench.ts once per dataset size, in its own process:
//   node --conditions react-server --import tsx scripts/bench/data-queries.ts
// (the react-server condition makes "server-only" importable outside Next.js). It looks the
// functions up at run time, so it measures whatever lib/data exports today. Prints one JSON line.
import { performance } from "node:perf_hooks";

type Fn = (...args: unknown[]) => Promise<unknown>;
interface Timing {
  name: string;
  medianMs: number;
  minMs: number;
  runs: number;
}

async function time(name: string, fn: () => Promise<unknown>, runs = 5): Promise<Timing> {
  await fn(); // warm: statement preparation, page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { name, medianMs: +samples[Math.floor(samples.length / 2)].toFixed(2), minMs: +samples[0].toFixed(2), runs };
}

async function tryImport<T>(spec: string): Promise<T | null> {
  try {
    return (await import(spec)) as T;
  } catch {
    return null;
  }
}

async function main() {
  const runs = Number(process.env.BENCH_QUERY_RUNS) || 5;
  const { db } = await import("../../lib/db");
  const out: Timing[] = [];
  const client = await tryImport<{ dataVersion?: (c: unknown) => Promise<string> }>("../../lib/db-client");
  if (client?.dataVersion) out.push(await time("cache key: dataVersion", () => client.dataVersion!(db), runs));

  const stats = await tryImport<Record<string, Fn>>("../../lib/data/stats");
  const statsValidation = await tryImport<{ statsFiltersSchema?: { parse: (x: unknown) => unknown } }>("../../lib/validation/stats");
  const statsFilters = statsValidation?.statsFiltersSchema?.parse({}) ?? {};
  if (stats) {
    // Cold: the figures computed from scratch (what the first visitor after a write pays).
    if (typeof stats.computeStats === "function") {
      out.push(await time("stats: computeStats, all public records", () => stats.computeStats(db, [], statsFilters), runs));
      out.push(await time("stats: computeStats, a member's scope", () => stats.computeStats(db, ["bench-group-0"], statsFilters), runs));
      out.push(await time("stats: computeStats, one city and year", () => stats.computeStats(db, [], { ...statsFilters, city: "Almaty", yearFrom: "2020", yearTo: "2020" }), runs));
    }
    // Warm: what a page view pays when nothing changed (cache check only).
    if (typeof stats.getStats === "function") out.push(await time("stats: getStats (cached)", () => stats.getStats(null, statsFilters), runs));
    if (typeof stats.getStatsFilterOptions === "function") out.push(await time("stats: getStatsFilterOptions", () => stats.getStatsFilterOptions(null), runs));
    // Anything else exported later (a new figure) is timed generically with (actor, filters).
    for (const [name, fn] of Object.entries(stats)) {
      if (typeof fn !== "function" || ["computeStats", "getStats", "getStatsFilterOptions", "invalidateStats"].includes(name)) continue;
      if (!/^(get|compute|list|load)/.test(name)) continue;
      try {
        out.push(await time(`stats: ${name}`, () => fn(null, statsFilters), runs));
      } catch {
        /* a signature this generic call does not fit */
      }
    }
  }

  // What the first visitor after a write pays: the cache is invalidated before each run by a
  // harmless commit (the schema cookie's neighbour, PRAGMA user_version), which moves the
  // data version exactly as a real write does.
  const sqlite = !/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");
  let bumps = 0;
  const afterWrite = (fn: () => Promise<unknown>) => async () => {
    if (sqlite) await (db as unknown as { $executeRawUnsafe(q: string): Promise<unknown> }).$executeRawUnsafe(`PRAGMA user_version = ${++bumps % 1000}`);
    return fn();
  };

  const apps = await tryImport<Record<string, Fn>>("../../lib/data/applications");
  const appsValidation = await tryImport<{ readApplicationFilters?: (p: Record<string, string>) => unknown }>("../../lib/validation/applications");
  const listFilters = appsValidation?.readApplicationFilters?.({}) ?? {};
  if (apps?.listApplications) {
    out.push(await time("list: listApplications, page 1 (cached)", () => apps.listApplications(null, listFilters), runs));
    if (sqlite) out.push(await time("list: listApplications, page 1, after a write", afterWrite(() => apps.listApplications(null, listFilters)), runs));
  }
  if (apps?.listFilterOptions) {
    out.push(await time("list: listFilterOptions (cached)", () => apps.listFilterOptions(null), runs));
    if (sqlite) out.push(await time("list: listFilterOptions, after a write", afterWrite(() => apps.listFilterOptions(null)), runs));
  }

  const cases = await tryImport<Record<string, Fn>>("../../lib/data/cases");
  const caseId = process.env.BENCH_CASE_ID;
  if (cases?.getCase && caseId) {
    out.push(await time("case: getCase (cached)", () => cases.getCase(null, caseId), runs));
    if (sqlite) out.push(await time("case: getCase, after a write", afterWrite(() => cases.getCase(null, caseId)), runs));
  }

  await (db as { $disconnect(): Promise<void> }).$disconnect();
  process.stdout.write(`${JSON.stringify({ timings: out })}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
