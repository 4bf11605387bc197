// Two-factor sign-in in a real browser: enrol by reading the key from Settings → Security and
// computing the code as an authenticator app would, sign out, then sign in with the password
// (which alone opens no session) and the code. The code step works without JavaScript.
import { expect, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { ACCOUNTS, PASSWORD } from "./support/accounts";

const who = ACCOUNTS.twofactor;
const codeFor = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("a member enrols, signs out, and signs in with password and code", async ({ page, context }) => {
    // First sign-in: the password alone (two factors are not on yet).
    await page.goto("/signin?callbackUrl=%2Fsettings%2Fsecurity");
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/security$/);
    await expect(page.getByTestId("last-sign-in")).not.toHaveText("Not recorded yet.");

    // Enrol: the QR code is drawn on the server; the key is there as text to type into an app.
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("Code").fill(codeFor(secret));
    await page.getByRole("button", { name: "Turn on" }).click();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    await page.getByRole("link", { name: "I have saved them" }).click();
    await expect(page.locator("#two-factor")).toContainText("On since");

    // Sign out.
    await page.getByRole("banner").getByRole("button", { name: /sign out/i }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

    // The password alone leads to the code step, with no session.
    await page.goto("/signin?callbackUrl=%2Fdashboard");
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/signin\/code$/);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("next-auth.session-token");
    const pending = (await context.cookies()).find((c) => c.name === "tracker.pending-sign-in");
    expect(pending?.httpOnly).toBe(true);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin/);

    // A wrong code is refused beside the field; the right one signs in.
    await page.goto("/signin/code");
    await page.getByLabel("Code").fill("000000" === codeFor(secret) ? "111111" : "000000");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("[data-field-error=code]")).toContainText("This code is not right.");
    await page.getByLabel("Code").fill(codeFor(secret));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("link", { name: who.name })).toBeVisible();
  });
});
