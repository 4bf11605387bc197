// npm run export -- --format json|csv --out PATH [--group SLUG]
//   json: one document with every entity and its links (PATH is a file; "-" for stdout)
//   csv:  one file per entity in the folder PATH (for spreadsheets: a cell that would run as a
//         formula is prefixed with '; the JSON document is the one `npm run import` reads)
// Attached documents: a manifest beside the export (PATH.documents.json for json, documents.json
// in the csv folder) and, with --with-files, the files themselves (PATH.files/, or files/ in the
// csv folder), named by their SHA-256.
// Password hashes, API tokens, invitations and share links are not exported. Written a batch
// of rows at a time, so memory stays flat however large the database. Files are created 0600
// in 0700 folders.
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { restrictNewFiles, privateDir } from "../lib/private-files";
import { createPrismaClient } from "../lib/db-client";
import { entityCsvChunks, ENTITIES, exportJsonChunks, exportScope } from "../lib/data/export";
import { documentManifest, exportDocumentFiles } from "../lib/data/document-manifest";

restrictNewFiles();

const USAGE = "usage: npm run export -- --format json|csv --out PATH [--group SLUG] [--with-files]";

/** Writes the pieces, waiting whenever the stream asks to. */
async function writeChunks(chunks: AsyncGenerator<string>, out: NodeJS.WritableStream): Promise<void> {
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
}

async function toFile(file: string, chunks: AsyncGenerator<string>): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  try {
    await writeChunks(chunks, out);
    out.end();
    await once(out, "finish");
    fs.renameSync(partial, file);
  } catch (e) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

async function main() {
  const { values } = parseArgs({ options: { format: { type: "string", default: "json" }, out: { type: "string" }, group: { type: "string" }, "with-files": { type: "boolean", default: false } } });
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
    const scope = await exportScope(db, { groupId });
    if (values.format === "json") {
      if (values.out === "-") await writeChunks(exportJsonChunks(db, scope), process.stdout);
      else {
        fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true, mode: 0o700 });
        await toFile(values.out, exportJsonChunks(db, scope));
      }
    } else {
      privateDir(values.out);
      for (const e of ENTITIES) await toFile(path.join(values.out, `${e.name}.csv`), entityCsvChunks(db, scope, e.name));
    }
    if (values.out !== "-") {
      // The documents: a manifest always, the files when asked.
      const csv = values.format === "csv";
      const manifestFile = csv ? path.join(values.out, "documents.json") : `${values.out}.documents.json`;
      const filesDir = values["with-files"] ? (csv ? path.join(values.out, "files") : `${values.out}.files`) : null;
      const manifest = await documentManifest(db, { groupId, filesDir: filesDir ? path.basename(filesDir) : null });
      let note = "";
      if (filesDir) {
        privateDir(filesDir);
        const r = await exportDocumentFiles(manifest, filesDir);
        note = `, ${r.copied} file(s) → ${filesDir}${r.missing.length ? ` (${r.missing.length} missing from the store)` : ""}`;
      }
      await toFile(manifestFile, (async function* () {
        yield `${JSON.stringify(manifest, null, 2)}\n`;
      })());
      console.log(`export: ${ENTITIES.length} entities → ${values.out}; ${manifest.documents.length} document(s) listed in ${manifestFile}${note}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error("export failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
