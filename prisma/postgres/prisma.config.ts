// The Prisma CLI's view of the PostgreSQL variant (generate, migrate diff). Applying the
// migrations is NOT done through the CLI: see scripts/pg-migrate.ts for why.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(here, "schema.prisma"),
  migrations: { path: path.join(here, "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL || "postgresql://localhost:5432/tracker" });
  },
});
