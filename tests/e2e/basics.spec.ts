import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("a visitor reads the documented history's sources without an account", async ({ page }) => {
  await page.goto("/sources");
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /Local authorities prohibit 2024 Women.s March/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2024 Women");
  // The sentence the 2023 ruling rests on is highlighted in the document.
  await expect(page.locator("mark", { hasText: "ruled in support of the prohibition" }).first()).toBeVisible();
});

test("the interface switches to Russian and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language").selectOption("ru");
  await expect(page.getByRole("link", { name: "Заявления" }).first()).toBeVisible();
  await page.goto("/sources");
  await expect(page.getByRole("heading", { name: "Источники", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});

test("a wrong password does not say whether the account exists", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("nobody@e2e.test");
  await page.getByLabel("Password").fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  // The form's own alert (Next.js adds a route announcer with role="alert" after a server action).
  const alert = page.locator("main form").getByRole("alert");
  await expect(alert).not.toBeEmpty();
  const unknown = await alert.textContent();
  await page.getByLabel("Email").fill("editor@e2e.test");
  await page.getByLabel("Password").fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(unknown ?? "");
  await expect(page).toHaveURL(/\/signin/);
});

test("a member signs in and lands on the dashboard", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Elena Editor" })).toBeVisible();
});

test("a visitor follows the 2024 march from the list to its ruling and to the sentence it rests on", async ({ page }) => {
  await page.goto("/applications");
  await page.getByRole("link", { name: /Women’s March on 8 March 2024/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("8 March 2024");
  await expect(page.getByText("a threat to public security").first()).toBeVisible();
  await expect(page.getByText("Refusal upheld").first()).toBeVisible();
  // Applicants' data and the edit controls are not for visitors.
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  const ruling = page.locator("[data-citations]").filter({ has: page.locator('a[title*="21 April 2023"]') }).first();
  const link = ruling.getByRole("link").first();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/sources\/[a-z0-9-]+#c-/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(page.locator(`[id="${href!.split("#")[1]}"]`)).toBeAttached();
  await expect(page.locator("mark", { hasText: "21 April 2023" }).first()).toBeVisible();
});
