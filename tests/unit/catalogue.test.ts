import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/config";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(obj: unknown, prefix = ""): [string, string][] {
  if (typeof obj === "string") return [[prefix, obj]];
  if (typeof obj !== "object" || obj === null) return [];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The argument names a message uses, and for each plural or select the cases it offers. */
function shape(els: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of els) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(el.value);
      for (const o of Object.values(el.options)) shape(o.value, out);
    }
    if (el.type === TYPE.tag) shape(el.children, out);
  }
  return out;
}

describe("message catalogue", () => {
  it("offers Kazakh beside English and Russian", () => {
    expect([...LOCALES].sort()).toEqual(["en", "kk", "ru"]);
  });

  it("every message parses as ICU in every locale, with the plural categories the locale has and the arguments English passes", () => {
    const en = new Map(leaves(loadMessages("en")));
    for (const l of LOCALES) {
      const categories = new Set(new Intl.PluralRules(l).resolvedOptions().pluralCategories);
      for (const [key, text] of leaves(loadMessages(l))) {
        let ast: MessageFormatElement[] = [];
        expect(() => (ast = parse(text, { requiresOtherClause: true })), `${l}:${key} parses`).not.toThrow();
        const walk = (els: MessageFormatElement[]): void => {
          for (const el of els) {
            if (el.type === TYPE.plural) {
              for (const c of Object.keys(el.options)) if (!c.startsWith("=")) expect(categories.has(c as Intl.LDMLPluralRule), `${l}:${key} plural case "${c}"`).toBe(true);
              for (const o of Object.values(el.options)) walk(o.value);
            }
            if (el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
            if (el.type === TYPE.tag) walk(el.children);
          }
        };
        walk(ast);
        expect([...shape(ast)].sort(), `${l}:${key} arguments`).toEqual([...shape(parse(en.get(key) ?? ""))].sort());
      }
    }
  });

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
