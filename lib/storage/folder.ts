// The embedded store: a private folder (0700, files 0600), one file per SHA-256 under a
// two-level fan-out (ab/cd/abcd…). Writes go to a temporary name and are renamed into place,
// so a crash never leaves a half-written object under a real key.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PRIVATE_FILE_MODE, privateDir } from "../private-files";
import type { Storage, StoredObject } from "./index";

function hash(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export function folderStorage(root: string): Storage {
  const valid = (key: string) => /^[0-9a-f]{64}$/.test(key);
  const fileOf = (key: string) => {
    if (!valid(key)) throw new Error(`not a storage key: ${key.slice(0, 80)}`);
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    where: `folder ${root}`,
    async put(bytes: Uint8Array): Promise<StoredObject> {
      const key = hash(bytes);
      const file = fileOf(key);
      if (!fs.existsSync(file)) {
        privateDir(root);
        privateDir(path.dirname(path.dirname(file)));
        privateDir(path.dirname(file));
        const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
        await fs.promises.writeFile(tmp, bytes, { mode: PRIVATE_FILE_MODE });
        await fs.promises.rename(tmp, file);
      }
      return { key, size: bytes.byteLength };
    },
    async get(key: string): Promise<Buffer | null> {
      if (!valid(key)) return null;
      try {
        return await fs.promises.readFile(fileOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    async has(key: string): Promise<boolean> {
      return valid(key) && fs.existsSync(fileOf(key));
    },
    async delete(key: string): Promise<void> {
      if (!valid(key)) return;
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async *keys(): AsyncIterable<string> {
      if (!fs.existsSync(root)) return;
      for (const a of await fs.promises.readdir(root)) {
        const da = path.join(root, a);
        if (!(await fs.promises.stat(da)).isDirectory()) continue;
        for (const b of await fs.promises.readdir(da)) {
          const db = path.join(da, b);
          if (!(await fs.promises.stat(db)).isDirectory()) continue;
          for (const f of await fs.promises.readdir(db)) if (valid(f)) yield f;
        }
      }
    },
  };
}
