// Personal data encrypted at rest: AES-256-GCM under TRACKER_DATA_KEY, a key kept outside the
// database (in .env.local, 0600, or the server's environment). A stored value reads
//   v1:<key id>:<iv>:<tag>:<ciphertext>      (base64url parts)
// so a value already sealed is recognized (migration is idempotent) and key rotation can tell
// which key sealed it. The field name is bound in as associated data: a ciphertext copied from
// one column to another does not open. Searching by ID number uses a keyed hash (HMAC-SHA256
// under a key derived from the data key with HKDF), never the plain value.
// No "server-only" marker: the scripts (setup, rotate-key, export, backup) use it too.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const PREFIX = "v1:";

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface KeyRing {
  current: DataKey;
  /** Every key that may have sealed a stored value: the current one and older ones. */
  byId: Map<string, DataKey>;
}

export class DataKeyError extends Error {}

export function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update("tracker data key id").update(key).digest("hex").slice(0, 8);
}

export function parseKey(b64: string, name = "TRACKER_DATA_KEY"): DataKey {
  const key = Buffer.from(b64.trim(), "base64");
  if (key.length !== 32) throw new DataKeyError(`${name} must be 32 bytes in base64 (got ${key.length}): run \`npm run setup\` to generate one`);
  return { id: keyId(key), key };
}

export function generateKey(): string {
  return crypto.randomBytes(32).toString("base64");
}

/** The environment file the keys live in (TRACKER_ENV_FILE, else ./.env.local). */
export function envFilePath(): string {
  // turbopackIgnore: a file named at run time; without it the build would trace the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.TRACKER_ENV_FILE || ".env.local");
}

/** KEY=value lines of the environment file (scripts run by tsx do not load it as Next.js does). */
export function readEnvFile(file = envFilePath()): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return out;
  for (const line of fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out.set(m[1], m[2].replace(/^(['"])(.*)\1$/, "$2"));
  }
  return out;
}

function setting(name: string): string {
  const v = process.env[name];
  if (v !== undefined && v.trim() !== "") return v.trim();
  return readEnvFile().get(name)?.trim() ?? "";
}

let cached: { source: string; ring: KeyRing } | null = null;

/** TRACKER_DATA_KEY seals; TRACKER_DATA_KEY_OLD (comma-separated) still opens, during a rotation. */
export function keyRing(): KeyRing {
  const current = setting("TRACKER_DATA_KEY");
  const old = setting("TRACKER_DATA_KEY_OLD");
  const source = `${current}|${old}`;
  if (cached && cached.source === source) return cached.ring;
  if (!current) throw new DataKeyError("TRACKER_DATA_KEY is not set: run `npm run setup` (it generates one in .env.local)");
  const ring = ringOf(current, old ? old.split(",").filter((s) => s.trim()) : []);
  cached = { source, ring };
  return ring;
}

export function ringOf(current: string, old: readonly string[] = []): KeyRing {
  const cur = parseKey(current);
  const byId = new Map<string, DataKey>([[cur.id, cur]]);
  for (const o of old) {
    const k = parseKey(o, "TRACKER_DATA_KEY_OLD");
    if (!byId.has(k.id)) byId.set(k.id, k);
  }
  return { current: cur, byId };
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

/** The id of the key that sealed a stored value, or null for plain text. */
export function sealedWith(value: string): string | null {
  return isSealed(value) ? value.split(":")[1] ?? null : null;
}

/** Seals a value; the empty string stays empty (nothing to hide, and "not given" stays visible). */
export function seal(value: string, field: string, ring: KeyRing = keyRing()): string {
  if (value === "" || isSealed(value)) return value;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(field));
  const ct = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${PREFIX}${ring.current.id}:${iv.toString("base64url")}:${tag.toString("base64url")}:${ct.toString("base64url")}`;
}

/** Opens a sealed value; plain text (a row from before encryption) is returned as it is. */
export function open(value: string, field: string, ring: KeyRing = keyRing()): string {
  if (!isSealed(value)) return value;
  const [, kid, iv, tag, ct] = value.split(":");
  const k = ring.byId.get(kid);
  if (!k) throw new DataKeyError(`A stored ${field} was sealed with key ${kid}, which is not in TRACKER_DATA_KEY or TRACKER_DATA_KEY_OLD`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", k.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(field));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

const searchKeys = new WeakMap<DataKey, Buffer>();

function searchKey(k: DataKey): Buffer {
  let s = searchKeys.get(k);
  if (!s) {
    s = Buffer.from(crypto.hkdfSync("sha256", k.key, Buffer.alloc(0), "tracker search hash v1", 32));
    searchKeys.set(k, s);
  }
  return s;
}

/** An ID number or phone as compared: digits only ("+7 (701) 123-45-67" = "77011234567"). */
export function normalizeNumber(value: string): string {
  return value.replace(/\D/g, "");
}

/** The keyed hash a person is found by; "" for an empty value (nothing to find). */
export function searchHash(value: string, kind: "idNumber" | "phone", ring: KeyRing = keyRing()): string {
  // A phone is compared by its last ten digits: "+7 705 …", "8 705 …" and "705 …" are one number.
  const n = kind === "phone" ? normalizeNumber(value).slice(-10) : normalizeNumber(value);
  if (!n) return "";
  return crypto.createHmac("sha256", searchKey(ring.current)).update(`${kind}:${n}`).digest("base64url");
}
