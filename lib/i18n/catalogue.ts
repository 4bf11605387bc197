// The message catalogue: messages/<locale>/<namespace>.json, one file per feature so that
// features can grow their strings independently. Read once per process.
import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

export type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

export function loadMessages(locale: Locale, root: string = path.join(/*turbopackIgnore: true*/ process.cwd(), "messages")): Messages {
  const hit = cache.get(locale);
  if (hit && process.env.NODE_ENV === "production") return hit;
  const dir = path.join(root, locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
