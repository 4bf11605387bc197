// lib/storage: where the bytes of attached documents live, behind one small interface.
// Content-addressed: a file's key is the SHA-256 of its (already metadata-stripped) bytes, so
// the same scan attached twice is stored once and a key says nothing about its case or
// group. Files are never served from here directly: app routes check the caller and stream
// what get() returns.
//
//   STORAGE_URL unset        → a folder beside the SQLite database (./data/files for the
//                              embedded default), or ./data/files on PostgreSQL
//   STORAGE_URL=file:/path   → that folder
//   STORAGE_URL=s3://bucket… → an S3-compatible store (registerStorageDriver("s3", …))
//
// No "server-only": the scripts (backup, export, worker) use it too.
import crypto from "node:crypto";
import path from "node:path";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../db-url";
import { folderStorage } from "./folder";
import { s3Storage } from "./s3";

export interface StoredObject {
  /** SHA-256 of the bytes, hex: the key to get them back. */
  key: string;
  size: number;
}

export interface Storage {
  /** Stores bytes (idempotent: the same bytes give the same key). */
  put(bytes: Uint8Array): Promise<StoredObject>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  /** Removes an object; missing is not an error. Callers check no other row uses the key. */
  delete(key: string): Promise<void>;
  /** Every stored key (backup, and the check that no orphan is left). */
  keys(): AsyncIterable<string>;
  /** Where the bytes are, for logs and the README's checks ("folder /srv/tracker/data/files"). */
  readonly where: string;
}

export type StorageDriver = (url: URL) => Storage;
const drivers = new Map<string, StorageDriver>();

/** Lets another module add a backend for a URL scheme (e.g. "s3") without this file importing it. */
export function registerStorageDriver(scheme: string, driver: StorageDriver): void {
  drivers.set(scheme.replace(/:$/, ""), driver);
}

// The S3-compatible store (its SDK is loaded only when an s3:// store is used).
registerStorageDriver("s3", s3Storage);

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export function isStorageKey(key: string): boolean {
  return /^[0-9a-f]{64}$/.test(key);
}

/** The folder used when STORAGE_URL is unset. */
export function defaultStorageFolder(env: NodeJS.ProcessEnv = process.env): string {
  const db = databaseUrl(env);
  if (isPostgresUrl(db)) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data", "files");
  return path.join(path.dirname(sqliteFilePath(db)), "files");
}

export function storageFromUrl(raw: string | undefined): Storage {
  const value = raw?.trim();
  if (!value) return folderStorage(defaultStorageFolder());
  if (value.startsWith("file:")) return folderStorage(path.resolve(/*turbopackIgnore: true*/ process.cwd(), value.replace(/^file:(\/\/)?/, "")));
  const url = new URL(value);
  const driver = drivers.get(url.protocol.replace(/:$/, ""));
  if (!driver) throw new Error(`STORAGE_URL: no storage driver for "${url.protocol}" (file: and the registered ones are known)`);
  return driver(url);
}

let cached: { url: string; storage: Storage } | null = null;

/** The configured store (re-read when STORAGE_URL or DATABASE_URL changes, as tests do). */
export function storage(): Storage {
  const url = `${process.env.STORAGE_URL ?? ""}|${databaseUrl()}`;
  if (!cached || cached.url !== url) cached = { url, storage: storageFromUrl(process.env.STORAGE_URL) };
  return cached.storage;
}
