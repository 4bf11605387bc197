// `npm run rotate-key`: a new TRACKER_DATA_KEY, every person's sealed fields re-sealed under
// it (batches, each in a transaction), and the old key dropped from .env.local once nothing
// needs it. Stop the app (and `npm run worker`) first: a running server keeps the old key in
// memory and could neither read rows re-sealed under the new one nor seal new rows with it.
// Safe to run again after an interruption: while TRACKER_DATA_KEY_OLD is in the file, a run
// finishes the rotation already begun instead of starting another.
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db-client";
import { envFilePath, generateKey, readEnvFile, ringOf } from "../lib/crypto/fields";
import { peopleNotOnCurrentKey, sealPeople } from "../lib/data/personal";
import { restrictNewFiles } from "../lib/private-files";

restrictNewFiles();

/** Sets (or, with undefined, removes) KEY=value lines, written to a 0600 file and renamed into place. */
function writeEnv(file: string, values: Record<string, string | undefined>): void {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split(/\r?\n/) : [];
  const kept = lines.filter((l) => l.trim() !== "" && !Object.keys(values).some((k) => new RegExp(`^\\s*${k}\\s*=`).test(l)));
  for (const [k, v] of Object.entries(values)) if (v !== undefined) kept.push(`${k}=${v}`);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, `${kept.join("\n")}\n`, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

async function main() {
  const file = envFilePath();
  const saved = readEnvFile(file);
  const current = saved.get("TRACKER_DATA_KEY");
  if (process.env.TRACKER_DATA_KEY && process.env.TRACKER_DATA_KEY !== current) {
    throw new Error(`TRACKER_DATA_KEY is set in the environment, not (or differently) in ${file}: rotate-key rewrites that file only. Unset it here, or put the key in ${file} first.`);
  }
  if (!current) throw new Error(`no TRACKER_DATA_KEY in ${file}: run \`npm run setup\` first`);
  const pending = (saved.get("TRACKER_DATA_KEY_OLD") ?? "").split(",").filter(Boolean);
  let key = current;
  let old = pending;
  if (pending.length) {
    console.log("rotate-key: finishing the rotation an earlier run began");
  } else {
    key = generateKey();
    old = [current];
    ringOf(key, old); // both parse before anything is written
    // The new key goes to the file before any row is touched: an interruption leaves both
    // keys there, and every row readable.
    writeEnv(file, { TRACKER_DATA_KEY: key, TRACKER_DATA_KEY_OLD: old.join(",") });
  }
  process.env.TRACKER_DATA_KEY = key;
  process.env.TRACKER_DATA_KEY_OLD = old.join(",");
  const db = createPrismaClient();
  try {
    const n = await sealPeople(db);
    const left = await peopleNotOnCurrentKey(db);
    if (left) throw new Error(`${left} people still have values under an older key; TRACKER_DATA_KEY_OLD is kept in ${file}. Run rotate-key again.`);
    console.log(`rotate-key: re-sealed ${n} people under the new key`);
  } finally {
    await db.$disconnect();
  }
  writeEnv(file, { TRACKER_DATA_KEY: key, TRACKER_DATA_KEY_OLD: undefined });
  delete process.env.TRACKER_DATA_KEY_OLD;
  console.log(`rotate-key: done; ${file} holds the new key only. Start the app again. Backups made before now need the old key.`);
}

main().catch((e) => {
  console.error("rotate-key failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
