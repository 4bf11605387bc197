import { execFileSync } from "node:child_process";
import { ACCOUNTS, PASSWORD, PRIVATE_RECORDS } from "./accounts";

if (!/^file:\/tmp\//.test(process.env.DATABASE_URL ?? "")) {
  console.error("refusing to create test accounts outside a throwaway /tmp database");
  process.exit(1);
}
for (const a of Object.values(ACCOUNTS)) {
  execFileSync("npx", ["tsx", "scripts/user-create.ts", "--email", a.email, "--name", a.name, "--group", a.group, "--role", a.role], {
    input: `${PASSWORD}\n`,
    stdio: ["pipe", "inherit", "inherit"],
  });
}

// Another group's private records, for the tests that check a private record answers exactly
// like a missing one (tests/e2e/not-found.spec.ts).
const { createPrismaClient } = await import("../../../lib/db-client");
const db = createPrismaClient();
try {
  const other = await db.group.findFirstOrThrow({ where: { name: ACCOUNTS.other.group } });
  await db.application.create({ data: { id: PRIVATE_RECORDS.application, groupId: other.id, isPublic: false, title: "Private rally of another group", procedure: "notification", status: "draft", parts: { create: [{ form: "rally" }] } } });
  await db.incident.create({ data: { id: PRIVATE_RECORDS.incident, groupId: other.id, isPublic: false, kind: "threat", title: "Private threat of another group" } });
  await db.source.create({ data: { groupId: other.id, isPublic: false, slug: PRIVATE_RECORDS.source, title: "Private notes of another group", text: "Not for anyone else." } });
  // Written past the data layer: indexed for search as setup indexes the history.
  const { rebuildSearchIndex } = await import("../../../lib/data/search-index");
  await rebuildSearchIndex(db);
} finally {
  await db.$disconnect();
}
