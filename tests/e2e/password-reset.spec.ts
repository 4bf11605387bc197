// A forgotten password, through the email a real SMTP server (started here) receives: the link
// leads to a page whose address holds no token, the new password signs in, and the old one does
// not. The account is the spec's own (invited by the shared admin), deleted at the end.
import { test, expect } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { signIn } from "./support/auth";

// scripts/e2e-server.sh points the app's SMTP_URL here (E2E_SMTP_PORT, else the app's port + 25).
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 25);
const inbox: ParsedMail[] = [];
let smtp: SMTPServer;

test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => inbox.push(m))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

test("reset a forgotten password through the emailed link, then delete the account", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const email = `reset-${Date.now()}@e2e.test`;
  const first = "the first long passphrase";
  const second = "a second long passphrase";

  // The shared admin invites this spec's own account.
  await signIn(page, "admin");
  await page.goto("/settings/members");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const invite = await page.locator("#invite-link").inputValue();
  expect(invite).toContain("/invite/");

  const context = await browser.newContext();
  const me = await context.newPage();
  await me.goto(invite);
  await me.getByLabel("Your name").fill("Rita Reset");
  await me.getByLabel("Password").fill(first);
  await me.getByRole("button", { name: "Create account and join" }).click();
  await expect(me).toHaveURL(/\/signin/);

  // Forgot it: ask for a link.
  await me.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(me).toHaveURL(/\/password-reset$/);
  await me.getByLabel("Email").fill(email);
  await me.getByRole("button", { name: "Send the link" }).click();
  await expect(me.getByRole("status")).toContainText("If an account has this email");

  // The email arrives (the app's worker sends it).
  await expect.poll(() => inbox.filter((m) => m.text?.includes("/password-reset/link?t=")).length, { timeout: 45_000 }).toBe(1);
  const mail = inbox.find((m) => m.text?.includes("/password-reset/link?t="))!;
  // In the member's language: they never chose one, so the server's default (Russian unless DEFAULT_LOCALE says otherwise).
  expect(["Новый пароль", "Set a new password", "Жаңа құпиясөз"]).toContain(mail.subject);
  const link = /(https?:\/\/\S+\/password-reset\/link\?t=[A-Za-z0-9_-]+)/.exec(mail.text!)![1];

  // The token leaves the address at once.
  await me.goto(link);
  await expect(me).toHaveURL(/\/password-reset\/new$/);
  await expect(me.getByTestId("reset-for")).toContainText(email);
  await me.getByLabel("New password").fill(second);
  await me.getByRole("button", { name: "Save the new password" }).click();
  await expect(me).toHaveURL(/\/signin\?reset=1$/);
  await expect(me.getByRole("status")).toContainText("Your password is changed");

  // The same link does not work twice.
  await me.goto(link);
  await expect(me.getByRole("main").getByRole("alert")).toContainText("This reset link has been used or has expired.");

  // The old password is refused, the new one signs in.
  await me.goto("/signin");
  await me.getByLabel("Email").fill(email);
  await me.getByLabel("Password", { exact: true }).fill(first);
  await me.getByRole("button", { name: "Sign in" }).click();
  await expect(me.locator("main form").getByRole("alert")).toHaveText("The email or password is not right.");
  await me.getByLabel("Password", { exact: true }).fill(second);
  await me.getByRole("button", { name: "Sign in" }).click();
  await expect(me).toHaveURL(/\/dashboard$/);

  // Leave nothing behind in the shared group: the account deletes itself.
  await me.goto("/settings/security");
  await expect(me.getByTestId("session")).toHaveCount(1);
  await me.getByLabel("Your password").fill(second);
  await me.getByRole("button", { name: "Delete my account" }).click();
  await expect(me).toHaveURL(/\/account\/deleted$/);
  await context.close();
});
