// lib/storage's S3 driver against a real S3-compatible server (s3rver, started here): the same
// contract as the folder store, chosen by STORAGE_URL=s3://…, and an attached document's
// bytes land in the bucket.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";
import { sha256Hex, storage, storageFromUrl } from "@/lib/storage";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-s3rver-"));
let server: { close: () => Promise<void> };
let url: string;
// The PostgreSQL pass sets STORAGE_URL for every test file (tests/support/setup.ts): kept as found.
const before = process.env.STORAGE_URL;
const restore = () => (before === undefined ? delete process.env.STORAGE_URL : (process.env.STORAGE_URL = before));

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  const instance = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "tracker-files" }] });
  const info = (await instance.run()) as AddressInfo;
  server = instance;
  url = `s3://tracker-files?endpoint=http://127.0.0.1:${info.port}&region=us-east-1&prefix=test/`;
});

afterAll(async () => {
  await server?.close();
  restore();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the S3 store", () => {
  it("keeps bytes under their SHA-256, once, lists, deletes, and refuses what is not a key", async () => {
    const s = storageFromUrl(url);
    expect(s.where).toMatch(/^s3 bucket tracker-files at http:\/\/127\.0\.0\.1:\d+ under test\/$/);
    const bytes = Buffer.from("Акимат города Алматы отказал в согласовании");
    const { key, size } = await s.put(bytes);
    expect(key).toBe(sha256Hex(bytes));
    expect(size).toBe(bytes.byteLength);
    expect((await s.get(key))?.equals(bytes)).toBe(true);
    expect((await s.put(bytes)).key).toBe(key);
    const two = await s.put(Buffer.from("two"));
    const keys: string[] = [];
    for await (const k of s.keys()) keys.push(k);
    expect(keys.sort()).toEqual([key, two.key].sort());
    await s.delete(key);
    expect(await s.has(key)).toBe(false);
    expect(await s.get(key)).toBeNull();
    expect(await s.get("../../etc/passwd")).toBeNull();
  });

  it("is what storage() returns when STORAGE_URL names it", async () => {
    process.env.STORAGE_URL = url;
    expect(storage().where).toMatch(/^s3 bucket tracker-files/);
    const { key } = await storage().put(Buffer.from("scan"));
    expect(await storage().has(key)).toBe(true);
    restore();
    expect(storage().where).toMatch(/^folder /);
  });
});
