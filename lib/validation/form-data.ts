// FormData → plain object for zod. "parts.0.form" nests into arrays/objects; a key ending
// in "[]" (checkbox groups) always yields an array; empty strings stay empty strings.
// Field names come from whoever sends the request, so they are bounded and can never name
// an object's prototype, and how deep they nest is bounded too (the deepest real field is
// "base.parts.0.form"): a deeper one rejects the whole submission with a clear message.
import { AppError } from "../errors";

export type Plain = { [k: string]: unknown };

/** Segments a field name may have ("base.parts.0.form" has 4). */
export const MAX_DEPTH = 6;

/** A submission whose field names nest deeper than any form of the app: rejected whole. */
export class FormTooDeepError extends AppError {
  constructor() {
    super("form_too_deep");
  }
}

/** How deep a name nests: by dots, and by brackets ("a[0][0]") for clients that send those. */
function depth(key: string): number {
  let n = 1;
  for (const ch of key) if (ch === "." || ch === "[") n++;
  return n;
}

/** Rows a form may carry (parts, applicants, evidence …): far above any real form. */
export const MAX_ROW_INDEX = 999;
/** Fields read from one submission; the rest are ignored (zod then reports what is missing). */
export const MAX_FIELDS = 5_000;
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

function usableSegments(path: string[]): boolean {
  return path.every((seg) => seg !== "" && !FORBIDDEN_SEGMENTS.has(seg) && (!/^\d+$/.test(seg) || Number(seg) <= MAX_ROW_INDEX));
}

export function formToObject(fd: FormData | Iterable<[string, FormDataEntryValue]>): Plain {
  const out: Plain = Object.create(null);
  let read = 0;
  for (const [rawKey, value] of fd as Iterable<[string, FormDataEntryValue]>) {
    if (++read > MAX_FIELDS) break;
    if (rawKey.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue; // files are handled by the routes that take them
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    if (depth(key) > MAX_DEPTH) throw new FormTooDeepError();
    const path = key.split(".");
    if (!usableSegments(path)) continue;
    let node: Plain | unknown[] = out;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i];
      const nextIsIndex = /^\d+$/.test(path[i + 1]);
      const container = node as Record<string, unknown>;
      const existing = Object.hasOwn(container, seg) ? container[seg] : undefined;
      if (existing === undefined || typeof existing !== "object" || existing === null) container[seg] = nextIsIndex ? [] : Object.create(null);
      node = container[seg] as Plain | unknown[];
    }
    const last = path[path.length - 1];
    const container = node as Record<string, unknown>;
    if (isList) {
      const current = Object.hasOwn(container, last) ? container[last] : undefined;
      const arr = Array.isArray(current) ? current : [];
      arr.push(value);
      container[last] = arr;
    } else container[last] = value;
  }
  // Arrays built from indices may have holes when a row was removed in the browser.
  return compact(out, 0) as Plain;
}

function compact(v: unknown, level: number): unknown {
  if (level > MAX_DEPTH) throw new FormTooDeepError(); // unreachable: names were bounded above
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map((x) => compact(x, level + 1));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x, level + 1)]));
  return v;
}

/**
 * A form's hidden "base" field: the values as the form was loaded, as JSON, for a three-way
 * merge when someone saved in between. Anything that is not a JSON object is no base.
 */
export function parseBase(value: unknown): Plain | null {
  if (typeof value !== "string" || !value || value.length > 500_000) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Plain) : null;
  } catch {
    return null;
  }
}
