// `npm start` rebuilds only when something the build reads changed (scripts/build-if-changed.ts):
// the stamp moves with a source file, the lockfile or a build-time variable, and stays put for
// what the build does not read; with a build whose stamp matches, the script starts nothing. And
// `npm run setup` on a database with every migration applied does not start the Prisma CLI.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildStamp } from "../../scripts/build-if-changed";

const tree = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-stamp-"));
const dist = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-dist-"));
afterAll(() => {
  fs.rmSync(tree, { recursive: true, force: true });
  fs.rmSync(dist, { recursive: true, force: true });
});

function write(rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
  fs.writeFileSync(path.join(tree, rel), text);
}

describe("the build stamp", () => {
  it("moves with the sources, the lockfile and build-time variables, and only with them", () => {
    write("app/page.tsx", "export default function Page() { return null; }\n");
    write("messages/en/common.json", '{"hello":"Hello"}\n');
    write("package-lock.json", '{"lockfileVersion":3}\n');
    write("lib/generated/sqlite/client.ts", "// generated\n");
    const env = { NEXT_PUBLIC_SITE: "a", DATABASE_URL: "file:./data/a.db" };
    const first = buildStamp(env, tree);
    expect(buildStamp(env, tree)).toBe(first);

    // Not read by the build: runtime settings, secrets, the generated clients (the schema is).
    expect(buildStamp({ ...env, DATABASE_URL: "postgresql://x@db/y", NEXTAUTH_SECRET: "s" }, tree)).toBe(first);
    write("lib/generated/sqlite/client.ts", "// generated again\n");
    expect(buildStamp(env, tree)).toBe(first);

    expect(buildStamp({ ...env, NEXT_PUBLIC_SITE: "b" }, tree)).not.toBe(first);
    expect(buildStamp({ ...env, TRACKER_MAX_UPLOAD_MB: "50" }, tree)).not.toBe(first);
    write("messages/en/common.json", '{"hello":"Hello!"}\n');
    const edited = buildStamp(env, tree);
    expect(edited).not.toBe(first);
    write("package-lock.json", '{"lockfileVersion":3,"packages":{}}\n');
    expect(buildStamp(env, tree)).not.toBe(edited);
  });

  it("lets a restart with nothing changed skip the build", () => {
    const env = { ...process.env, NEXT_DIST_DIR: dist };
    fs.writeFileSync(path.join(dist, "BUILD_ID"), "test-build\n");
    fs.writeFileSync(path.join(dist, "tracker-build-stamp"), `${buildStamp(env)}\n`);
    const started = Date.now();
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/build-if-changed.ts"], { env, encoding: "utf8" });
    expect(out).toMatch(/build: up to date/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The build it would have made is untouched.
    expect(fs.readFileSync(path.join(dist, "BUILD_ID"), "utf8")).toBe("test-build\n");
  });

  it("lets setup skip the Prisma CLI when every migration is applied, and apply them when not", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-setup-"));
    try {
      const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "t.db")}`, TRACKER_SKIP_OCR_INSTALL: "1" };
      const setup = () => {
        const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts"], { env, encoding: "utf8" });
        expect(r.status, r.stderr).toBe(0);
        return r.stderr;
      };
      // A fresh database: the CLI applies the migrations (it announces its configuration).
      expect(setup()).toMatch(/Loaded Prisma config/);
      // A restart: nothing pending, no CLI.
      expect(setup()).not.toMatch(/Loaded Prisma config/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
