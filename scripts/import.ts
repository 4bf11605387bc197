// npm run import -- PATH
// Loads a JSON export (npm run export -- --format json) into an EMPTY database: migrate a
// new database first (e.g. DATABASE_URL=file:./data/new.db npx prisma migrate deploy). Ids
// and timestamps are kept, so exporting again gives the same document. Users arrive without
// a usable password: set one with `npm run user:create -- --email … --name … --group …`.
import fs from "node:fs";
import { createPrismaClient } from "../lib/db-client";
import { importData } from "../lib/data/import-data";
import { sealPeople } from "../lib/data/personal";
import { rebuildSearchIndex } from "../lib/data/search-index";
import { restrictNewFiles } from "../lib/private-files";

restrictNewFiles();

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: npm run import -- PATH");
    process.exit(2);
  }
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  const db = createPrismaClient();
  try {
    const counts = await importData(db, doc);
    // Names of a group that encrypts them arrive opened: sealed (and hashed) under this server's key.
    await sealPeople(db);
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    console.log(`import: ${total} records loaded from ${file}`);
    // Rows loaded past the data layer log nothing: the search index is built from them now.
    await rebuildSearchIndex(db);
    if (counts.users) console.log(`import: ${counts.users} user(s) need a password: npm run user:create -- --email EMAIL --name NAME --group GROUP`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error("import failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
