import { expect, type Page } from "@playwright/test";

/**
 * Logs a one-part application through the form (English UI) and returns its case page's path.
 * `more` fills anything else before saving (applicants, a second part).
 */
export async function logApplication(page: Page, a: { title: string; form: string; place: string }, more?: () => Promise<void>): Promise<string> {
  await page.goto("/applications/new");
  await page.getByLabel("Title").fill(a.title);
  const first = page.locator("fieldset", { has: page.getByText("Form 1", { exact: true }) });
  await first.getByLabel("Form of assembly").selectOption(a.form);
  await first.getByLabel("Place").fill(a.place);
  await more?.();
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(a.title);
  return new URL(page.url()).pathname;
}
