import { expect, test } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";

// An organizer on a slow phone submits before any script has run, or has JavaScript off:
// every form must still post (method="post" to a server action), show its errors at the top
// and beside the field, and save. No script at all runs in these tests.
test.use({ javaScriptEnabled: false });

test("with JavaScript off, a member logs an incident: the form is there, a mistake is explained, then it saves", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/incidents/new");
  const form = page.locator("main form").first();
  await expect(form).toBeVisible();
  expect((await form.getAttribute("method"))?.toLowerCase()).toBe("post");

  // Nothing chosen: the summary at the top names the missing fields, nothing is saved.
  await form.getByRole("button", { name: "Record the incident" }).click();
  const summary = page.locator("[data-error-summary]");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Title/ })).toBeVisible();

  const title = `No-script fine ${Date.now()}`;
  await page.getByLabel("Kind").selectOption("fine");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Amount").fill("69000");
  await page.locator("main form").first().getByRole("button", { name: "Record the incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/[^/]+$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("with JavaScript off, a member's reminder days are saved from Settings", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ACCOUNTS.viewer.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings");
  const field = page.getByLabel("Working days before");
  await expect(field).toBeVisible();
  await field.fill("5,2");
  await field.locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Reminder settings saved.")).toBeVisible();
  await expect(page.getByLabel("Working days before")).toHaveValue("5,2");
});
