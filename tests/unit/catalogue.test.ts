import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/config";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogue", () => {
  it("every locale has every key English has, and no extra", () => {
    const en = keys(loadMessages("en")).sort();
    for (const l of LOCALES) expect(keys(loadMessages(l)).sort(), `locale ${l}`).toEqual(en);
  });

  it("no message is empty", () => {
    for (const l of LOCALES) for (const k of keys(loadMessages(l))) expect(k.length).toBeGreaterThan(0);
    for (const l of LOCALES) {
      const walk = (o: unknown, at: string): void => {
        if (typeof o === "string") expect(o.trim(), `${l}:${at}`).not.toBe("");
        else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) walk(v, `${at}.${k}`);
      };
      walk(loadMessages(l), "");
    }
  });

  it("every zod error key used in validation has a message", () => {
    const dir = path.resolve(__dirname, "../../lib/validation");
    const used = new Set<string>();
    for (const f of fs.readdirSync(dir)) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      for (const m of src.matchAll(/error:\s*"([a-z_]+)"/g)) used.add(m[1]);
    }
    const errors = loadMessages("en").errors as Record<string, string>;
    for (const k of used) expect(errors[k], `errors.${k}`).toBeTruthy();
  });
});
