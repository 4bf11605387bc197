import "server-only";
// Readiness for a load balancer: the database answers, every committed migration is applied
// (an instance started on new code before `npm run setup` migrated must not take traffic), and
// the data version counter that the caches key on exists, and so do the triggers that tell the
// statistics which cases a write touched. Says what is wrong, never how to
// reach the database.
import fs from "node:fs";
import path from "node:path";
import { db } from "../db";
import { isPostgresUrl } from "../db-url";
import { env } from "../env";
import { DATA_VERSION_SQL } from "../data-version";
import { statsChangeTriggersSql } from "../stats-changes";

export interface Readiness {
  ready: boolean;
  problems: string[];
}

function committedMigrations(): string[] {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", ...(isPostgresUrl(env.databaseUrl) ? ["postgres", "migrations"] : ["migrations"]));
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export async function readiness(): Promise<Readiness> {
  const problems: string[] = [];
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    return { ready: false, problems: ["database unreachable"] };
  }
  try {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const applied = new Set(rows.map((r) => String(r.name)));
    const pending = committedMigrations().filter((m) => !applied.has(m));
    if (pending.length) problems.push(`migrations pending: ${pending.join(", ")}`);
  } catch {
    problems.push("migrations table missing");
  }
  try {
    const v = await db.$queryRawUnsafe<unknown[]>(DATA_VERSION_SQL);
    if (v.length === 0) problems.push("data version counter missing");
  } catch {
    problems.push("data version counter missing");
  }
  // Without its triggers the statistics would stop following writes (lib/stats-changes.ts).
  const triggers = statsChangeTriggersSql(isPostgresUrl(env.databaseUrl));
  const [{ n }] = await db.$queryRawUnsafe<{ n: unknown }[]>(triggers.sql).catch(() => [{ n: 0 }]);
  if (Number(n) < triggers.expected) problems.push("statistics change triggers missing");
  return { ready: problems.length === 0, problems };
}
