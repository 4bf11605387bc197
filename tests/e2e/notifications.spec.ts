// Notification channels in a real browser: a calendar feed created in Settings, read by its
// address as a calendar app would, then revoked (404); Settings says Telegram is off when no
// bot token is configured. Leaves the account as it found it (its feed revoked).
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("a member creates a calendar feed, a calendar app reads it by its address, and once revoked it answers 404", async ({ page, request }) => {
  await signIn(page, "viewer");
  await page.goto("/settings");
  await expect(page.locator("[data-telegram-off]")).toBeVisible();
  await page.getByRole("link", { name: "Calendar feeds" }).click();
  await expect(page).toHaveURL(/\/settings\/calendar$/);
  const name = `e2e phone ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create feed" }).click();
  const field = page.locator("[data-feed-url]");
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  expect(url).toMatch(/\/api\/calendar\/cal_[A-Za-z0-9_-]+$/);

  // A calendar app: no session, only the address.
  const feed = await request.get(url, { headers: { cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("X-WR-TIMEZONE:Asia/Almaty");

  await page.reload();
  await page.getByRole("form", { name: `Revoke feed ${name}` }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The feed is revoked" })).toBeVisible();
  expect((await request.get(url, { headers: { cookie: "" } })).status()).toBe(404);
});
