import { execFileSync } from "node:child_process";
import { ACCOUNTS, PASSWORD } from "./accounts";

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
