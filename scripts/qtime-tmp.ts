import { performance } from "node:perf_hooks";
async function main() {
  const { db } = await import("@/lib/db");
  const { computeStats } = await import("@/lib/data/stats");
  const scope = Object.assign([] as string[], { cases: [] as string[] });
  for (const s of (process.env.PRAGMAS ?? "").split(";").filter(Boolean)) await db.$queryRawUnsafe(`PRAGMA ${s}`);
  const ts: number[] = [];
  for (let i = 0; i < 6; i++) { const t = performance.now(); await computeStats(db as never, scope as never, {} as never); ts.push(performance.now() - t); }
  ts.shift(); ts.sort((a, b) => a - b);
  console.log((process.env.PRAGMAS || "default").padEnd(40), "median", ts[2].toFixed(0), "all", ts.map((x) => x.toFixed(0)).join(" "));
  await db.$disconnect();
}
main();
