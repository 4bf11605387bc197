// Next.js request-scoped helpers have no request in tests: record what actions ask of them.
import { vi } from "vitest";

export const navigation = { redirects: [] as string[], revalidated: [] as string[] };

vi.mock("next/cache", () => ({
  revalidatePath: (p: string) => navigation.revalidated.push(p),
  revalidateTag: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
}));

vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    navigation.redirects.push(to);
    throw Object.assign(new Error(`NEXT_REDIRECT ${to}`), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
  // Client components rendered on the server in tests (the upload form, OCR progress).
  useRouter: () => ({ refresh: () => undefined, push: () => undefined, replace: () => undefined, back: () => undefined, prefetch: () => undefined }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));

// Every test file gets its own migrated database (a SQLite file, or with
// TEST_DATABASE=postgres a fresh PostgreSQL database); lib/db.ts connects to it.
import { afterAll } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshTestDatabaseFile, testDatabaseKind } from "./db";

process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-000";
// The tests were written for an English server; a server's own default (unset: Russian) is
// tested in tests/unit/negotiate.test.ts.
process.env.DEFAULT_LOCALE ??= "en";
// Personal fields are sealed under this key (lib/crypto/fields.ts): a fresh one per test file.
process.env.TRACKER_DATA_KEY ??= (await import("node:crypto")).randomBytes(32).toString("base64");

if (testDatabaseKind() === "postgres") {
  const { createFreshPostgresDatabase, dropPostgresDatabase } = await import("./pg");
  const pgDb = await createFreshPostgresDatabase();
  process.env.DATABASE_URL = pgDb.url;
  // Attached files: a private folder per test file (on SQLite they sit beside the database).
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-files-"));
  process.env.STORAGE_URL = `file:${filesDir}`;
  afterAll(async () => {
    fs.rmSync(filesDir, { recursive: true, force: true });
    // Close the app's pool first so dropping the database does not cut live connections.
    const { db } = await import("@/lib/db");
    await db.$disconnect().catch(() => undefined);
    await dropPostgresDatabase(pgDb.name);
  });
} else {
  const testDb = freshTestDatabaseFile();
  process.env.DATABASE_URL = testDb.url;
  afterAll(() => fs.rmSync(testDb.dir, { recursive: true, force: true }));
}
