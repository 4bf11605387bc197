import { expect, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./accounts";

export async function signIn(page: Page, who: keyof typeof ACCOUNTS = "editor") {
  await page.goto("/signin");
  await page.getByLabel(/email|почта/i).fill(ACCOUNTS[who].email);
  await page.getByLabel(/password|пароль/i).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in|войти/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}
