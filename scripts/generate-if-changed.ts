// The Prisma clients (lib/generated/sqlite and lib/generated/pg) are made from the two schemas by
// the installed Prisma version; `npm start` regenerates them only when one of those changed (a
// stamp in lib/generated), which spares a restart two `prisma generate` runs. `npm run
// db:generate` always regenerates.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = path.join(root, "lib", "generated", ".stamp");
const outputs = [path.join(root, "lib", "generated", "sqlite", "client.ts"), path.join(root, "lib", "generated", "pg", "client.ts")];

export function generateStamp(base = root): string {
  const hash = crypto.createHash("sha256");
  for (const rel of ["prisma/schema.prisma", "prisma/postgres/schema.prisma", "node_modules/prisma/package.json", "node_modules/@prisma/client/package.json"]) {
    const file = path.join(base, rel);
    hash.update(`${rel}\0`);
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const stamp = generateStamp();
const current = outputs.every((f) => fs.existsSync(f)) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === stamp;
/** `prisma generate` for one schema, as a child process (the two run side by side: a fresh install waits for them). */
function generate(args: string[]): Promise<void> {
  const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prisma, "generate", ...args], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma generate ${args.join(" ")} exited with ${code}`))));
  });
}

if (!current || process.argv.includes("--force")) {
  fs.rmSync(stampFile, { force: true });
  Promise.all([generate([]), generate(["--config", "prisma/postgres/prisma.config.ts"])]).then(
    () => fs.writeFileSync(stampFile, `${stamp}\n`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
