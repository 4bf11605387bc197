// Prisma 6.19 runs offline only with the JS engine and a driver adapter (no Rust binaries).
// This config is the SQLite one; PostgreSQL has prisma/postgres/prisma.config.ts (generate,
// migrate diff) and scripts/pg-migrate.ts (applying migrations).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./lib/db-url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = databaseUrl();
    if (isPostgresUrl(url)) {
      // Otherwise the URL would be taken for a file name and a stray SQLite file created.
      throw new Error("DATABASE_URL is PostgreSQL: migrate it with `npm run setup` (scripts/pg-migrate.ts), not this SQLite config");
    }
    return new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
  },
});
