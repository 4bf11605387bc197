// Which cases a write touched, for the statistics' per-case facts (lib/data/stats-facts.ts):
// triggers on every table the figures read append the id of each case a changed row belongs to
// to "StatsChange" (or "*" for a change that touches every case: a refusal ground's code). An
// app instance reads the rows after the last one it saw and loads only those cases again, so a
// write a second costs the statistics a few small queries, not a recompute over every case.
//  - SQLite: one writer at a time, so rows appear in the order of their "seq".
//  - PostgreSQL: transactions commit out of "seq" order, so each row keeps its transaction's id
//    ("xid"), and a reader finds again the rows of transactions still open when it last read
//    (lib/data/stats-facts.ts).
// The newest KEEP rows are kept (pruned every PRUNE_EVERY rows); a reader that fell further
// behind loads every case again.
// No "server-only": setup, migrations and tests ensure the triggers, as lib/data-version.ts's.
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

export const STATS_CHANGE_KEEP = 20_000;
const PRUNE_EVERY = 1_000;
/** The applicationId of a change that touches every case. */
export const EVERY_CASE = "*";

type Row = "NEW" | "OLD";

/**
 * Per table, a SELECT of the affected case ids (column "v") for the row NEW or OLD. A lookup
 * through a parent that is already gone (a cascade) finds nothing; the parent's own trigger
 * names the case.
 */
const SOURCES: Record<string, (r: Row) => string> = {
  Application: (r) => `SELECT ${r}."id" AS v`,
  Part: (r) => `SELECT ${r}."applicationId" AS v`,
  Answer: (r) => `SELECT ${r}."applicationId" AS v`,
  AppealStage: (r) => `SELECT ${r}."applicationId" AS v`,
  ApplicationGroup: (r) => `SELECT ${r}."applicationId" AS v`,
  Applicant: (r) => `SELECT ${r}."applicationId" AS v`,
  IncidentApplication: (r) => `SELECT ${r}."applicationId" AS v`,
  PartOutcome: (r) => `SELECT "applicationId" AS v FROM "Answer" WHERE "id" = ${r}."answerId"`,
  GroundCited: (r) => `SELECT "applicationId" AS v FROM "Answer" WHERE "id" = ${r}."answerId"`,
  Evidence: (r) => `SELECT "applicationId" AS v FROM "Answer" WHERE "id" = ${r}."answerId"`,
  Ruling: (r) => `SELECT "applicationId" AS v FROM "AppealStage" WHERE "id" = ${r}."appealStageId"`,
  IncidentPerson: (r) => `SELECT "applicationId" AS v FROM "IncidentApplication" WHERE "incidentId" = ${r}."incidentId"`,
  // A person's name, privacy or numbers decide which stated reasons may be quoted (withheld wordings).
  Person: (r) =>
    `SELECT "applicationId" AS v FROM "Applicant" WHERE "personId" = ${r}."id"
     UNION SELECT ia."applicationId" AS v FROM "IncidentPerson" ip JOIN "IncidentApplication" ia ON ia."incidentId" = ip."incidentId" WHERE ip."personId" = ${r}."id"`,
  RefusalGround: () => `SELECT '${EVERY_CASE}' AS v`,
};

const OPS: { op: "INSERT" | "UPDATE" | "DELETE"; rows: Row[] }[] = [
  { op: "INSERT", rows: ["NEW"] },
  { op: "UPDATE", rows: ["NEW", "OLD"] },
  { op: "DELETE", rows: ["OLD"] },
];

/**
 * How many of the triggers exist, and how many there should be: readiness (lib/data/readiness.ts)
 * refuses traffic without them, since the statistics would then silently stop following writes.
 */
export function statsChangeTriggersSql(postgres: boolean): { sql: string; expected: number } {
  return postgres
    ? {
        sql: `SELECT COUNT(*) AS n FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relnamespace = current_schema()::regnamespace AND g.tgname LIKE 'sc\_%'`,
        expected: Object.keys(SOURCES).length + 1,
      }
    : { sql: `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sc\_%' ESCAPE '\'`, expected: Object.keys(SOURCES).length * OPS.length + 1 };
}

const affected = (table: string, rows: Row[]) => `SELECT v FROM (${rows.map((r) => SOURCES[table](r)).join(" UNION ")}) AS changed WHERE v IS NOT NULL`;

export function ensureStatsChangesSqlite(sqlite: BetterSqlite3.Database): number {
  let made = 0;
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`);
  const make = (name: string, sql: string) => {
    if (exists.get(name)) return;
    sqlite.exec(sql);
    made++;
  };
  for (const table of Object.keys(SOURCES)) {
    for (const { op, rows } of OPS) {
      const name = `sc_${table}_${op.toLowerCase()}`;
      make(name, `CREATE TRIGGER "${name}" AFTER ${op} ON "${table}" BEGIN INSERT INTO "StatsChange" ("applicationId") ${affected(table, rows)}; END`);
    }
  }
  make(
    "sc_prune",
    `CREATE TRIGGER "sc_prune" AFTER INSERT ON "StatsChange" WHEN NEW."seq" % ${PRUNE_EVERY} = 0
       BEGIN DELETE FROM "StatsChange" WHERE "seq" <= NEW."seq" - ${STATS_CHANGE_KEEP}; END`,
  );
  return made;
}

export async function ensureStatsChangesPostgres(client: pg.Client): Promise<number> {
  let made = 0;
  const { rows } = await client.query<{ tgname: string }>(
    `SELECT g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relnamespace = current_schema()::regnamespace AND g.tgname LIKE 'sc\\_%'`,
  );
  const have = new Set(rows.map((r) => r.tgname));
  for (const table of Object.keys(SOURCES)) {
    const fn = `tracker_stats_change_${table.toLowerCase()}`;
    const body = OPS.map(
      ({ op, rows: rs }) =>
        `IF TG_OP = '${op}' THEN INSERT INTO "StatsChange" ("applicationId", "xid") SELECT v, pg_current_xact_id()::text::bigint FROM (${affected(table, rs)}) AS c; END IF;`,
    ).join("\n  ");
    await client.query(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body}
  RETURN NULL;
END $$`);
    const name = `sc_${table}`;
    if (have.has(name)) continue;
    await client.query(`CREATE TRIGGER "${name}" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    made++;
  }
  await client.query(`CREATE OR REPLACE FUNCTION tracker_stats_change_prune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."seq" % ${PRUNE_EVERY} = 0 THEN
    DELETE FROM "StatsChange" WHERE "seq" <= NEW."seq" - ${STATS_CHANGE_KEEP};
  END IF;
  RETURN NULL;
END $$`);
  if (!have.has("sc_prune")) {
    await client.query(`CREATE TRIGGER "sc_prune" AFTER INSERT ON "StatsChange" FOR EACH ROW EXECUTE FUNCTION tracker_stats_change_prune()`);
    made++;
  }
  return made;
}
