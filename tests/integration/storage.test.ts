// lib/storage's folder store: content-addressed, private, idempotent, crash-safe names.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderStorage } from "@/lib/storage/folder";
import { sha256Hex, storage, storageFromUrl } from "@/lib/storage";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the folder store", () => {
  it("keeps bytes under their SHA-256, owner-only, and gives them back", async () => {
    const s = folderStorage(path.join(root, "a"));
    const bytes = Buffer.from("Акимат города Алматы отказал в согласовании");
    const { key, size } = await s.put(bytes);
    expect(key).toBe(sha256Hex(bytes));
    expect(size).toBe(bytes.byteLength);
    expect((await s.get(key))?.equals(bytes)).toBe(true);
    const file = path.join(root, "a", key.slice(0, 2), key.slice(2, 4), key);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(root, "a")).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it("stores the same bytes once, lists keys, deletes, and refuses what is not a key", async () => {
    const s = folderStorage(path.join(root, "b"));
    const one = await s.put(Buffer.from("one"));
    const again = await s.put(Buffer.from("one"));
    const two = await s.put(Buffer.from("two"));
    expect(again.key).toBe(one.key);
    const keys: string[] = [];
    for await (const k of s.keys()) keys.push(k);
    expect(keys.sort()).toEqual([one.key, two.key].sort());
    await s.delete(one.key);
    expect(await s.has(one.key)).toBe(false);
    expect(await s.get(one.key)).toBeNull();
    expect(await s.get("../../etc/passwd")).toBeNull();
    await expect(s.put(Buffer.alloc(0))).resolves.toMatchObject({ size: 0 });
    const leftovers = fs.readdirSync(path.join(root, "b"), { recursive: true }).map(String).filter((f) => f.endsWith(".tmp"));
    expect(leftovers).toEqual([]);
  });

  it("is chosen by STORAGE_URL, and an unknown scheme is a clear error", async () => {
    expect(storageFromUrl(`file:${path.join(root, "c")}`).where).toBe(`folder ${path.join(root, "c")}`);
    expect(() => storageFromUrl("ftp://example.org/x")).toThrow(/no storage driver for "ftp:"/);
    expect(storage().where).toMatch(/^folder /);
  });
});
