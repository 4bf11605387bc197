import { expect, test } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";

// Settings → Import with JavaScript off: a spreadsheet is uploaded (a plain multipart post),
// previewed row by row, refused while its error row is not skipped, then imported; or cancelled.
// The importer account has a group of its own, so no other spec sees these records.
test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: "serial" });

const TITLE = `Импорт пикета ${Date.now()}`;
const CSV = [
  "Название;Дата подачи;Орган;Город;Форма;Результат;Причина отказа",
  `${TITLE};12 марта 2023 г.;Акимат города Алматы;Алматы;Пикет;Отказ;Ремонтные работы`,
  `Ошибочная строка;31.02.2023;Акимат города Алматы;Алматы;Митинг;;`,
  `${TITLE} (шествие);2023-03-20;Акимат города Алматы;Алматы;Шествие;;`,
].join("\n");

async function signIn(page: import("@playwright/test").Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ACCOUNTS.importer.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function upload(page: import("@playwright/test").Page, name: string) {
  await page.goto("/settings/import");
  await page.locator("#upload").getByLabel("Spreadsheet file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  await page.locator("#upload").getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/settings\/import\/[A-Za-z0-9_-]{20,}$/);
}

test("without JavaScript: upload a CSV, see each row as read, skip the error row, import, find the records in the list", async ({ page }) => {
  await signIn(page);
  await upload(page, "заявления.csv");
  await expect(page.getByTestId("import-counts")).toHaveText("2 new · 0 duplicates · 1 with errors");
  const preview = page.getByTestId("import-preview");
  await expect(preview.locator("tr[data-row='2']")).toContainText("2023-03-12");
  await expect(preview.locator("tr[data-row='2']")).toContainText("Picket");
  await expect(preview.locator("tr[data-row='2']")).toContainText("Refused");
  await expect(page.getByTestId("import-errors")).toContainText("Row 3: Filing date: «31.02.2023» is not a date we can read");

  // Not skipping the error row: refused, nothing written.
  await page.getByRole("button", { name: "Import (2)" }).click();
  await expect(page.getByTestId("import-error")).toContainText("Some rows have errors");

  await page.getByLabel("Skip the rows with errors (1)").check();
  await page.getByRole("button", { name: "Import (2)" }).click();
  await expect(page).toHaveURL(/\/settings\/import\?imported=2(#.*)?$/);
  await expect(page.getByTestId("import-done")).toContainText("2 applications were imported.");
  await page.getByRole("link", { name: "See the applications" }).click();
  await expect(page).toHaveURL(/\/applications$/);
  await page.goto(`/applications?q=${encodeURIComponent(TITLE)}`);
  await expect(page.getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `${TITLE} (шествие)` })).toBeVisible();
});

test("without JavaScript: cancelling an upload writes nothing", async ({ page }) => {
  await signIn(page);
  await upload(page, "отмена.csv");
  // The rows of the first test are there now: these are duplicates, the error row still an error.
  await expect(page.getByTestId("import-counts")).toHaveText("0 new · 2 duplicates · 1 with errors");
  await page.getByRole("button", { name: "Cancel the import" }).click();
  await expect(page).toHaveURL(/\/settings\/import\?cancelled=1(#.*)?$/);
  await expect(page.getByText("The import was cancelled. Nothing was written.")).toBeVisible();
});
