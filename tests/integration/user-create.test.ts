// `npm run user:create`: while a server has no operator, the first admin it creates becomes
// one (a fresh install must not be left where nobody may fix a legal deadline, nor where any
// group's admin may); --operator names more. Run as the CLI runs, against this file's database.
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const tsx = path.resolve("node_modules/.bin/tsx");
function userCreate(args: string[], env: Record<string, string> = {}): string {
  const { TRACKER_OPERATORS: _ignored, ...rest } = process.env;
  void _ignored;
  return execFileSync(tsx, ["scripts/user-create.ts", ...args], {
    env: { ...rest, ...env },
    input: "a sturdy long passphrase for tests 7\n",
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
}
const isOperator = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).isOperator;

afterAll(() => db.$disconnect());

describe("user:create and the server's operators", () => {
  it("an editor does not become an operator, even on a server without one", async () => {
    userCreate(["--email", "editor@example.test", "--name", "Editor", "--group", "kazfem", "--role", "editor"]);
    expect(await isOperator("editor@example.test")).toBe(false);
  });

  it("the first admin becomes the operator; the next admin does not", async () => {
    const said = userCreate(["--email", "first@example.test", "--name", "First", "--group", "kazfem", "--role", "admin"]);
    expect(said).toMatch(/operator/);
    expect(await isOperator("first@example.test")).toBe(true);
    userCreate(["--email", "second@example.test", "--name", "Second", "--group", "feminita", "--role", "admin"]);
    expect(await isOperator("second@example.test")).toBe(false);
    expect(await db.changeLog.count({ where: { entity: "User", action: "update", groupId: null } })).toBe(1);
  });

  it("--operator makes another operator", async () => {
    userCreate(["--email", "third@example.test", "--name", "Third", "--group", "feminita", "--role", "viewer", "--operator"]);
    expect(await isOperator("third@example.test")).toBe(true);
  });

  it("with TRACKER_OPERATORS set there are operators already: a first admin is not made one", async () => {
    await db.user.updateMany({ data: { isOperator: false } });
    userCreate(["--email", "fourth@example.test", "--name", "Fourth", "--group", "svet", "--role", "admin"], { TRACKER_OPERATORS: "ops@example.test" });
    expect(await isOperator("fourth@example.test")).toBe(false);
  });
});
