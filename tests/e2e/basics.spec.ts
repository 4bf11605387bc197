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
  const unknown = await page.getByRole("alert").textContent();
  await page.getByLabel("Email").fill("editor@e2e.test");
  await page.getByLabel("Password").fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(unknown ?? "");
  await expect(page).toHaveURL(/\/signin/);
});

test("a member signs in and lands on the dashboard", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Elena Editor" })).toBeVisible();
});
