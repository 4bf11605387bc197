// No form may send a secret in a URL, and every form must work before JavaScript loads: each
// <form> in app/ and components/ posts (an action={serverAction}, for which React sets POST,
// or method="post"), or is a search form (method="get") with no password field in its file.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(tsx|ts)$/.test(e.name) ? [p] : [];
  });
}

/** Each `<form …>` opening tag (JSX or an HTML string), with its file. */
function forms(): { file: string; tag: string }[] {
  const out: { file: string; tag: string }[] = [];
  for (const file of [...files(path.join(root, "app")), ...files(path.join(root, "components"))]) {
    const src = fs.readFileSync(file, "utf8");
    for (const m of src.matchAll(/<form\b/g)) {
      // The opening tag ends at the first ">" that is not inside braces (JSX attributes hold arrows).
      let depth = 0;
      let end = m.index!;
      for (let i = m.index! + 5; i < src.length; i++) {
        const c = src[i];
        if (c === "{") depth++;
        else if (c === "}") depth--;
        else if (c === ">" && depth === 0 && src[i - 1] !== "=") {
          end = i;
          break;
        }
      }
      out.push({ file: path.relative(root, file), tag: src.slice(m.index!, end + 1) });
    }
  }
  return out;
}

describe("forms", () => {
  const all = forms();

  it("finds the app's forms", () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.map((f) => f.file)).toContain(path.join("components", "auth", "SignInForm.tsx"));
  });

  it.each(all.map((f) => [f.file, f.tag] as const))("%s posts, or is a search without secrets", (file, tag) => {
    const posts = /\baction=\{/.test(tag) || /\bmethod=["']post["']/i.test(tag) || /\bmethod=\\?["']post\\?["']/i.test(tag);
    const getSearch = /\bmethod=["']get["']/i.test(tag) && !/type=["']password["']|name=["'](password|passcode|token)["']/.test(fs.readFileSync(path.join(root, file), "utf8"));
    expect(posts || getSearch, `${file}: ${tag}`).toBe(true);
  });
});
