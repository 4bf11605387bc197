// FormData → plain object for zod. "parts.0.form" nests into arrays/objects; a key ending
// in "[]" (checkbox groups) always yields an array; empty strings stay empty strings.
export type Plain = { [k: string]: unknown };

export function formToObject(fd: FormData | Iterable<[string, FormDataEntryValue]>): Plain {
  const out: Plain = {};
  for (const [rawKey, value] of fd as Iterable<[string, FormDataEntryValue]>) {
    if (rawKey.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue; // files are handled by the routes that take them
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const path = key.split(".");
    let node: Plain | unknown[] = out;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i];
      const nextIsIndex = /^\d+$/.test(path[i + 1]);
      const container = node as Record<string, unknown>;
      if (container[seg] === undefined) container[seg] = nextIsIndex ? [] : {};
      node = container[seg] as Plain | unknown[];
    }
    const last = path[path.length - 1];
    const container = node as Record<string, unknown>;
    if (isList) {
      const arr = (container[last] as unknown[] | undefined) ?? [];
      arr.push(value);
      container[last] = arr;
    } else container[last] = value;
  }
  // Arrays built from indices may have holes when a row was removed in the browser.
  return compact(out) as Plain;
}

function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  return v;
}
