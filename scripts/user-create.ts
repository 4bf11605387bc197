// npm run user:create -- --email a@b.kz --name "Aigerim" --group "8MarchKZ" --role admin [--operator]
// The password is read from standard input (piped) or asked for without echo. There is no
// default password anywhere.
// Operators alone edit the deadline rules, holiday calendar and legal standards every group
// shares. While a server has none (no user marked, TRACKER_OPERATORS unset), the first admin
// created here becomes one, so a fresh install is never left without; --operator makes more.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "../lib/db-client";
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem } from "../lib/auth/password";
import { ROLES } from "../lib/domain/vocabulary";
import { slugify } from "../lib/domain/slug";
import { env } from "../lib/env";
import { restrictNewFiles } from "../lib/private-files";

restrictNewFiles();

const args = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(200),
  group: z.string().trim().min(1).max(200),
  role: z.enum(ROLES).default("admin"),
});

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
      out._writeToOutput = (s: string) => {
        if (s.includes(q)) out.output.write(s);
      };
      rl.question(q, (answer) => {
        out.output.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  rl.close();
  if (first !== second) throw new Error("the passwords do not match");
  return first;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, group: { type: "string" }, role: { type: "string" }, operator: { type: "boolean" } },
  });
  const { operator: operatorFlag, ...rest } = values;
  const parsed = args.safeParse(rest);
  if (!parsed.success) {
    console.error("usage: npm run user:create -- --email EMAIL --name NAME --group GROUP [--role admin|editor|viewer] [--operator]");
    for (const i of parsed.error.issues) console.error(`  --${i.path.join(".")}: ${i.message}`);
    process.exit(2);
  }
  const { email, name, group, role } = parsed.data;
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) {
    console.error(
      problem === "password_too_common"
        ? "this is one of the most commonly used passwords, which attackers try first: choose another"
        : `the password must have at least ${MIN_PASSWORD_LENGTH} characters (and at most 500)`,
    );
    process.exit(2);
  }
  const db = createPrismaClient();
  try {
    const slug = slugify(group);
    const existing = await db.group.findFirst({ where: { OR: [{ slug }, { name: group }] } });
    const g = existing ?? (await db.group.create({ data: { name: group, slug } }));
    const passwordHash = await hashPassword(password);
    const noOperatorYet = env.operatorEmails.length === 0 && (await db.user.count({ where: { isOperator: true } })) === 0;
    const makeOperator = operatorFlag === true || (role === "admin" && noOperatorYet);
    const operator = makeOperator ? { isOperator: true } : {};
    // For an existing account this is a password reset: every session it had ends
    // (sessionVersion, and each device's row), so a stolen session cookie dies with the old
    // password, and a lock ("lock my account now") is lifted.
    const user = await db.user.upsert({
      where: { email },
      update: { name, passwordHash, sessionVersion: { increment: 1 }, lockedAt: null, sessions: { updateMany: { where: { revokedAt: null }, data: { revokedAt: new Date() } } }, ...operator },
      create: { email, name, passwordHash, ...operator },
    });
    await db.membership.upsert({
      where: { userId_groupId: { userId: user.id, groupId: g.id } },
      update: { role },
      create: { userId: user.id, groupId: g.id, role },
    });
    await db.changeLog.create({
      data: { userId: null, userName: "user:create", groupId: g.id, entity: "Membership", entityId: user.id, action: "create", after: JSON.stringify({ email, role, group: g.name }) },
    });
    if (makeOperator) {
      await db.changeLog.create({
        data: { userId: null, userName: "user:create", groupId: null, entity: "User", entityId: user.id, action: "update", after: JSON.stringify({ isOperator: true }) },
      });
    }
    console.log(`${email} is ${role} of ${g.name}${existing ? "" : " (new group)"}`);
    if (makeOperator) console.log(`${email} is an operator: edits the deadline rules, holiday calendar and legal standards shared by every group`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error("user:create failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
