// `npm run test:pg`: the integration suite again, against PostgreSQL. In CI (CI=true) an
// unreachable server is a failure; on a developer machine without PostgreSQL it is a
// clearly reported skip, so `npm test` still works there.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { adminPostgresUrl, dropLeftoverTestDatabases, postgresUnreachable } from "./pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const url = adminPostgresUrl();
const why = await postgresUnreachable(url);
if (why) {
  const where = url.replace(/\/\/[^@/]*@/, "//");
  if (process.env.CI && process.env.CI !== "false" && process.env.CI !== "0") {
    console.error(`test:pg FAILED: PostgreSQL is not reachable at ${where} (${why}). CI must start it (.ci/postgres).`);
    process.exit(1);
  }
  console.warn(`test:pg SKIPPED: no PostgreSQL at ${where} (${why}). Start one and set TEST_POSTGRES_URL to a role with CREATEDB (see README, "PostgreSQL").`);
  process.exit(0);
}
await dropLeftoverTestDatabases();
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...(args.length ? args : ["tests/integration"])], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE: "postgres" },
});
process.exit(r.status ?? 1);
