// `npm start` builds only when something the build depends on changed since the last build:
// a stamp (SHA-256 over the sources, the lockfile, the build configuration and the environment
// variables that end up in the build) is kept in the build folder beside Next's BUILD_ID. A
// restart with nothing changed goes straight to the server (scripts/serve.ts). TRACKER_FORCE_BUILD=1 builds anyway.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What the build reads: the app's code and messages, its schema, and the build's configuration. */
const TREES = ["app", "components", "lib", "messages", "prisma", "public"];
const FILES = ["next.config.js", "proxy.ts", "instrumentation.ts", "tsconfig.json", "postcss.config.mjs", "package.json", "package-lock.json"];
/** Not inputs: the generated Prisma clients (made from prisma/schema.prisma, which is). */
const SKIP = new Set(["lib/generated", "node_modules"]);
/** Environment read at build time: inlined into the client (NEXT_PUBLIC_*) or into next.config.js. */
const BUILD_ENV = /^(NEXT_PUBLIC_|NEXT_DIST_DIR$|TRACKER_MAX_UPLOAD_MB$|TRACKER_MAX_UPLOAD_REQUEST_MB$|DEFAULT_LOCALE$)/;

export function distDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEXT_DIST_DIR?.trim() || ".next";
}

function* walk(base: string, rel: string): Generator<string> {
  if (SKIP.has(rel)) return;
  const abs = path.join(base, rel);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return;
  }
  if (st.isFile()) {
    yield rel;
    return;
  }
  if (!st.isDirectory()) return;
  for (const name of fs.readdirSync(abs).sort()) yield* walk(base, path.posix.join(rel, name));
}

export function buildStamp(env: Record<string, string | undefined> = process.env, base = root): string {
  const hash = crypto.createHash("sha256");
  for (const rel of [...TREES.flatMap((t) => [...walk(base, t)]), ...FILES.filter((f) => fs.existsSync(path.join(base, f)))]) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(base, rel)));
    hash.update("\0");
  }
  const vars = Object.keys(env)
    .filter((k) => BUILD_ENV.test(k))
    .sort()
    .map((k) => `${k}=${env[k]}`);
  hash.update(`env\0${vars.join("\n")}\0node\0${process.version}`);
  return hash.digest("hex");
}

function main(): void {
  // The same .env files `next build` reads, so a NEXT_PUBLIC_ value set there counts too.
  nextEnv.loadEnvConfig(root, false, { info: () => undefined, error: console.error });
  const dir = path.resolve(root, distDir());
  const stampFile = path.join(dir, "tracker-build-stamp");
  const stamp = buildStamp();
  const built = fs.existsSync(path.join(dir, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === stamp;
  if (built && process.env.TRACKER_FORCE_BUILD !== "1") {
    console.log(`build: up to date (${path.relative(root, dir)}, stamp ${stamp.slice(0, 12)}), not rebuilding`);
    return;
  }
  console.log(built ? "build: TRACKER_FORCE_BUILD=1, rebuilding" : `build: sources changed since the last build (or none yet), building into ${path.relative(root, dir)}…`);
  fs.rmSync(stampFile, { force: true });
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    // Types are checked by `npm test` (next.config.js); nothing is reported to Next's telemetry.
    env: { ...process.env, TRACKER_BUILD_TYPECHECK: process.env.TRACKER_BUILD_TYPECHECK ?? "0", NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stampFile, `${stamp}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
