// A passkey in a real browser: Chromium's virtual authenticator (CDP WebAuthn domain) stands in
// for a security key. A member with two factors adds a passkey in Settings → Security, signs
// out, and signs in with the password and the passkey instead of the code. The page is opened
// as localhost: a browser refuses an IP address as a passkey's domain. At the end two factors
// are turned off again (which removes the passkey), so the account is as it was.
import { expect, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { ACCOUNTS, PASSWORD } from "./support/accounts";

const who = ACCOUNTS.viewer;
const ORIGIN = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const codeFor = (secret: string, offset = 0) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offset });

test("a member adds a passkey and signs in with it instead of the code", async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "usb", hasResidentKey: false, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await page.goto(`${ORIGIN}/signin?callbackUrl=%2Fsettings%2Fsecurity`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);

  // Without two factors there is nothing to add a passkey to.
  await expect(page.locator("#passkeys")).toContainText("Turn on two-factor sign-in with an app first");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "I have saved them" }).click();

  let signedOut = false;
  try {
    // Add the passkey: a name, then the (virtual) authenticator answers the browser's prompt.
    const add = page.getByTestId("add-passkey");
    await add.getByLabel("Name of the passkey").fill("Virtual key");
    await add.getByRole("button", { name: "Add a passkey" }).click();
    await expect(add.getByRole("status")).toContainText("The passkey was added.");
    await expect(page.getByTestId("passkey")).toHaveCount(1);
    await expect(page.getByTestId("passkey")).toContainText("Virtual key");
    await expect(page.getByTestId("passkey")).toContainText("not used yet");

    // Sign out; the password alone leads to the code step, where the passkey stands in for the code.
    await page.getByRole("banner").getByRole("button", { name: /sign out/i }).click();
    signedOut = true;
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto(`${ORIGIN}/signin?callbackUrl=%2Fsettings%2Fsecurity`);
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/signin\/code$/);
    await page.getByRole("button", { name: "Use a passkey instead" }).click();
    await expect(page).toHaveURL(/\/settings\/security$/);
    signedOut = false;
    await expect(page.getByRole("link", { name: who.name })).toBeVisible();
    await expect(page.getByTestId("passkey")).toContainText("last used");
  } finally {
    // Put the account back: two factors off (the passkey goes with them).
    if (signedOut) {
      await page.goto(`${ORIGIN}/signin?callbackUrl=%2Fsettings%2Fsecurity`);
      await page.getByLabel("Email").fill(who.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByLabel("Code").fill(codeFor(secret));
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/settings\/security$/);
    }
    const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
    await twoFactor.getByLabel("Current password").fill(PASSWORD);
    await twoFactor.getByRole("textbox", { name: "Code", exact: true }).fill(codeFor(secret));
    await twoFactor.getByRole("button", { name: "Turn off" }).click();
    await expect(page.locator("#two-factor")).toContainText("Off");
  }
});
