// `npm run test:pg`: the integration suite again, against PostgreSQL. `npm test` runs every
// suite, so this starts what it needs: with no server at TEST_POSTGRES_URL (or the default
// role), it starts Debian's PostgreSQL cluster through .ci/postgres (as root, as CI and a
// fresh machine run it). If that is impossible the pass FAILS with what to do — it is never
// passed over silently. TRACKER_TEST_SKIP_POSTGRES=1 is the one explicit, loudly reported opt-out.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { adminPostgresUrl, dropLeftoverTestDatabases, postgresUnreachable } from "./pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let url = adminPostgresUrl();
let why = await postgresUnreachable(url);
if (why && !process.env.TEST_POSTGRES_URL) {
  const canStart = process.getuid?.() === 0 && spawnSync("bash", ["-c", "command -v pg_ctlcluster"], { stdio: "ignore" }).status === 0;
  if (canStart) {
    console.log("test:pg: no PostgreSQL answering; starting the local cluster (.ci/postgres)…");
    const started = spawnSync("bash", ["-c", `source "${path.join(root, ".ci", "postgres")}" >/dev/null && echo "$TEST_POSTGRES_URL"`], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const started_url = started.stdout.trim().split("\n").pop();
    if (started.status === 0 && started_url) {
      process.env.TEST_POSTGRES_URL = started_url;
      url = started_url;
      why = await postgresUnreachable(url);
    }
  }
}
if (why) {
  const where = url.replace(/\/\/[^@/]*@/, "//");
  if (process.env.TRACKER_TEST_SKIP_POSTGRES === "1") {
    console.warn(`\n*** test:pg SKIPPED on request (TRACKER_TEST_SKIP_POSTGRES=1): the PostgreSQL pass did NOT run. ***\n`);
    process.exit(0);
  }
  console.error(
    `test:pg FAILED: PostgreSQL is not reachable at ${where} (${why}).\n` +
      `Run the tests as root on Debian (they start the cluster with .ci/postgres), or start a server and set\n` +
      `TEST_POSTGRES_URL to a role with CREATEDB (README, "PostgreSQL"), or set TRACKER_TEST_SKIP_POSTGRES=1 to skip this pass knowingly.`,
  );
  process.exit(1);
}
await dropLeftoverTestDatabases();
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...(args.length ? args : ["tests/integration"])], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE: "postgres" },
});
process.exit(r.status ?? 1);
