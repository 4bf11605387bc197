import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";
import { OCR_DOCUMENT } from "./support/documents";

// A scanned refusal letter attached to a case (seeded by support/seed-documents.ts) is read by
// the app's background worker with Tesseract; the answer form shows its text and takes the
// verbatim reason from it — by selecting text, and without JavaScript by pressing a sentence.
// Nothing is saved, so the shared editor account and its group are left as they were.

const FORM = `/applications/${OCR_DOCUMENT.application}/answers/new`;

async function signIn(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** The answer form once the letter's text has been read (the worker polls every few seconds). */
async function openWhenRead(page: Page) {
  await page.goto(FORM);
  const docs = page.locator("[data-reason-documents]");
  await expect(async () => {
    await page.reload();
    await expect(docs.locator("[data-ocr-text]")).toContainText("ремонтными", { timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [2000] });
  return docs;
}

test.describe("with JavaScript", () => {
  test("the scanned letter's recognised text is shown and a selected sentence becomes the verbatim reason, still editable", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page);
    const docs = await openWhenRead(page);
    await expect(docs.getByText("Akimat letter (scan)", { exact: true })).toBeVisible();
    const text = docs.locator("[data-ocr-text]");
    await expect(text).toContainText("Акимат города Алматы");

    // Select "В проведении … маршруте." in the recognised text, as a user drags over it.
    await text.evaluate((el) => {
      const node = el.firstChild as Text;
      const all = node.data;
      const start = all.indexOf("В проведении");
      const end = all.indexOf("маршруте.") + "маршруте.".length;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await docs.getByRole("button", { name: "Use selection" }).click();
    const reason = page.getByLabel("The reason, verbatim");
    await expect(reason).toHaveValue(/^В проведении шествия отказано в связи с ремонтными работами на маршруте\.$/);
    await expect(reason).toBeFocused();
    await expect(docs.getByRole("status")).toHaveText("The reason was taken from the document: check it and save.");
    // Still the user's to edit.
    await reason.press("End");
    await reason.pressSequentially(" (sic)");
    await expect(reason).toHaveValue(/маршруте\. \(sic\)$/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("pressing a sentence of the recognised text puts it in the reason field and keeps what was typed", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page);
    const docs = await openWhenRead(page);
    await page.getByLabel("Reference number").fill("ЗТ-2025-0308");
    await docs.locator("button[name=takeReason]", { hasText: "ремонтными" }).click();
    await expect(page.getByLabel("The reason, verbatim")).toHaveValue(/В проведении шествия отказано в связи с ремонтными работами на маршруте\./);
    await expect(page.getByLabel("Reference number")).toHaveValue("ЗТ-2025-0308");
    await expect(page.locator("[data-reason-documents]").getByRole("status")).toHaveText("The reason was taken from the document: check it and save.");
    // Nothing was saved: still the new-answer form.
    await expect(page).toHaveURL(new RegExp(`${FORM}$`));
  });
});
