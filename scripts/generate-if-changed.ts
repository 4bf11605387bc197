// The Prisma clients (lib/generated/sqlite and lib/generated/pg) are made from the two schemas by
// the installed Prisma version; `npm start` regenerates them only when one of those changed (a
// stamp in lib/generated), which spares a restart two `prisma generate` runs. `npm run
// db:generate` always regenerates.
import { execFileSync } from "node:child_process";
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
if (!current || process.argv.includes("--force")) {
  fs.rmSync(stampFile, { force: true });
  const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
  execFileSync(process.execPath, [prisma, "generate"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(process.execPath, [prisma, "generate", "--config", "prisma/postgres/prisma.config.ts"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  fs.writeFileSync(stampFile, `${stamp}\n`);
}
