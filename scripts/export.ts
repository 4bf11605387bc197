// npm run export -- --format json|csv --out PATH [--group SLUG]
//   json: one document with every entity and its links (PATH is a file; "-" for stdout)
//   csv:  one file per entity in the folder PATH
// Password hashes, API tokens, invitations and share links are not exported.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db-client";
import { exportData, exportToCsvFiles, exportToJson } from "../lib/data/export";

const USAGE = "usage: npm run export -- --format json|csv --out PATH [--group SLUG]";

async function main() {
  const { values } = parseArgs({ options: { format: { type: "string", default: "json" }, out: { type: "string" }, group: { type: "string" } } });
  if ((values.format !== "json" && values.format !== "csv") || !values.out || (values.format === "csv" && values.out === "-")) {
    console.error(USAGE);
    process.exit(2);
  }
  const db = createPrismaClient();
  try {
    let groupId: string | undefined;
    if (values.group) {
      const g = await db.group.findFirst({ where: { OR: [{ slug: values.group }, { id: values.group }] }, select: { id: true } });
      if (!g) throw new Error(`no group "${values.group}"`);
      groupId = g.id;
    }
    const doc = await exportData(db, { groupId });
    const total = Object.values(doc.entities).reduce((s, rows) => s + rows.length, 0);
    if (values.format === "json") {
      const text = exportToJson(doc);
      if (values.out === "-") process.stdout.write(text);
      else {
        fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
        fs.writeFileSync(values.out, text);
      }
    } else {
      fs.mkdirSync(values.out, { recursive: true });
      for (const [file, text] of Object.entries(exportToCsvFiles(doc))) fs.writeFileSync(path.join(values.out, file), text);
    }
    if (values.out !== "-") console.log(`export: ${total} records (${Object.keys(doc.entities).length} entities) → ${values.out}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error("export failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
