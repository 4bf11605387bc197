import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker package throws outside React Server Components; tests call server code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // *.pg.test.ts exercise PostgreSQL-only machinery: they run in the PostgreSQL pass only.
    exclude: process.env.TEST_DATABASE === "postgres" ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.pg.test.ts"],
    setupFiles: ["tests/support/setup.ts"],
    environment: "node",
    pool: "forks",
    // Vitest's default leaves one core idle (one worker on CI's two). Each test file has its own
    // database, and much of the suite waits on real peers (SMTP, Tesseract, PostgreSQL), so two
    // workers on two cores cut the pass's wall-clock time.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
