// Loads an export document into an empty database, ids and timestamps as they were, so that
// exporting again gives the same document. No "server-only": the import script uses it.
import crypto from "node:crypto";
import type { Db } from "../db-client";
import { ENTITIES, exportDocumentSchema, REFERENCE_ENTITIES, type EntityName, type ExportDocument } from "./export";

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

type Delegate = {
  count: () => Promise<number>;
  deleteMany: () => Promise<unknown>;
  createMany: (args: { data: Record<string, unknown>[] }) => Promise<unknown>;
};

const delegate = (client: unknown, model: string) => (client as Record<string, Delegate>)[model];

/** Tables that are not exported but must be empty too: they would point at records. */
const CREDENTIAL_MODELS = ["apiToken", "invitation", "shareLink", "shareAccess", "recoveryCode"];

/**
 * No password is exported, and none is invented: imported users get a value no password
 * matches (bcrypt rejects it as a hash), until `npm run user:create` sets one.
 */
export function unusablePasswordHash(): string {
  return `!imported-${crypto.randomBytes(16).toString("hex")}`;
}

/** Which tables hold rows, apart from reference data a fresh setup loads. */
export async function nonEmptyTables(client: Db): Promise<string[]> {
  const models = [...ENTITIES.filter((e) => !REFERENCE_ENTITIES.includes(e.name)).map((e) => e.model), ...CREDENTIAL_MODELS];
  const counts = await Promise.all(models.map((m) => delegate(client, m).count()));
  return models.filter((_, i) => counts[i] > 0);
}

const EXPORT_HINT = "assembly-permit-tracker, version 1";

export function parseExportDocument(input: unknown): ExportDocument {
  const parsed = exportDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ImportError(`not an export of this tracker (format ${EXPORT_HINT}): ${first.path.join(".") || "document"}: ${first.message}`);
  }
  return parsed.data;
}

const CHUNK = 200;

/**
 * Imports into an empty database, in one transaction: all or nothing. Reference data loaded
 * by setup (grounds, deadline rules, holidays, standards) is replaced by the document's, since
 * records point at it by id and nothing points at it yet.
 */
export async function importData(client: Db, input: unknown): Promise<Record<EntityName, number>> {
  const doc = parseExportDocument(input);
  const busy = await nonEmptyTables(client);
  if (busy.length) throw new ImportError(`the database is not empty (it has ${busy.join(", ")}); import only into a new database`);
  const counts = {} as Record<EntityName, number>;
  await client.$transaction(
    async (tx) => {
      for (const e of [...ENTITIES].reverse()) if (REFERENCE_ENTITIES.includes(e.name)) await delegate(tx, e.model).deleteMany();
      for (const e of ENTITIES) {
        const rows = doc.entities[e.name].map((r) => (e.name === "users" ? { ...r, passwordHash: unusablePasswordHash() } : r));
        for (let i = 0; i < rows.length; i += CHUNK) await delegate(tx, e.model).createMany({ data: rows.slice(i, i + CHUNK) });
        counts[e.name] = rows.length;
      }
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return counts;
}
