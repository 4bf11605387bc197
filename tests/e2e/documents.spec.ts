// The paper trail in a real browser: a member attaches the akimat's scanned letter to the
// answer, sees it listed, shares the case with its documents, and the lawyer's one PDF
// contains the letter as an exhibit. A viewer of the group reads the file but cannot attach.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

async function scannedLetter(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  doc.setAuthor("Scanner operator");
  return Buffer.from(await doc.save());
}

function pdfToText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-bundle-"));
  try {
    fs.writeFileSync(path.join(dir, "b.pdf"), bytes);
    return execFileSync("pdftotext", [path.join(dir, "b.pdf"), "-"]).toString("utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("attach the akimat's letter to the answer, share the case with its documents, and download one bundle", async ({ page, browser }) => {
  const stamp = Date.now();
  const letterText = `AKIMAT LETTER OF REFUSAL ${stamp}`;
  await signIn(page, "editor");
  const casePath = await logApplication(page, { title: `Rally for the documents test ${stamp}`, form: "rally", place: "Near the akimat" });

  await page.getByRole("link", { name: /record the (authority's )?answer/i }).first().click();
  await page.locator('[name="receivedOn"]').fill("2025-11-12");
  for (const fs of await page.locator("fieldset[data-outcome-row]").all()) await fs.getByLabel("Outcome").selectOption("refused");
  await page.getByLabel("The reason, verbatim").fill("The square is booked.");
  await page.getByLabel(/Place already taken by another event/).check();
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.locator("blockquote", { hasText: "The square is booked." })).toBeVisible();

  // Attach from the answer's edit form page: the upload shows progress and the file is listed.
  await page.locator('a[href*="/answers/"][href$="/edit"]').first().click();
  await expect(page).toHaveURL(/\/answers\/[^/]+\/edit$/);
  const block = page.locator("section[data-documents=answer]");
  await block.getByText("Attach documents").click();
  await block.getByLabel("Files").setInputFiles({ name: "akimat-letter.pdf", mimeType: "application/pdf", buffer: await scannedLetter(letterText) });
  await block.getByLabel("Title").fill("Akimat's letter of refusal");
  await block.getByRole("button", { name: "Attach" }).click();
  // The upload's own message: the new file's "Reading the text…" is a status too, until OCR is done.
  await expect(block.getByRole("status").filter({ hasText: "Attached: 1" })).toBeVisible();
  const link = block.getByRole("link", { name: "Akimat's letter of refusal" });
  await expect(link).toBeVisible();
  const fileHref = (await link.getAttribute("href"))!;
  expect(fileHref).toMatch(/^\/files\/[a-z0-9]+$/);
  const file = await page.request.get(fileHref);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  // The stored copy has lost the scanner's author field.
  expect((await file.body()).toString("latin1")).not.toContain("Scanner operator");

  // A wrong file is refused with the reason, and the typed title stays.
  await block.getByLabel("Files").setInputFiles({ name: "not-a-scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><body>not a pdf</body></html>") });
  await block.getByLabel("Title").fill("Second try");
  await block.getByRole("button", { name: "Attach" }).click();
  await expect(block.locator("[data-upload-error]")).toContainText("not-a-scan.pdf");
  await expect(block.getByLabel("Title")).toHaveValue("Second try");

  // It is on the case page too, beside the answer.
  await page.goto(casePath);
  await expect(page.locator(`section[data-documents=answer] a[href="${fileHref}"]`).first()).toBeVisible();

  // Share with documents (off until ticked), and the lawyer gets the letter in the bundle.
  const documents = page.getByLabel(/^Documents \(attached scans and files\)/);
  await expect(documents).not.toBeChecked();
  await documents.check();
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = (await page.getByTestId("share-url").textContent())!.trim();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  const lawyer = await browser.newContext();
  const lp = await lawyer.newPage();
  await lp.goto(url);
  await expect(lp.getByText("Akimat's letter of refusal").first()).toBeVisible();
  const shared = await lp.request.get(`${url}/files/${fileHref.split("/").pop()}`);
  expect(shared.status()).toBe(200);
  // The member's own file address is no good to the lawyer.
  expect((await lp.request.get(fileHref)).status()).toBe(404);
  const bundle = await lp.request.get(`${url}/pdf`);
  expect(bundle.status()).toBe(200);
  const text = pdfToText(await bundle.body());
  // The lawyer's browser asks for no language: the server's default (Russian) is used.
  expect(text).toMatch(/Exhibit D1|Приложение Д1/);
  expect(text).toContain(letterText);
  await lawyer.close();

  // A viewer of the group reads the file but is offered no upload.
  const viewerContext = await browser.newContext();
  const vp = await viewerContext.newPage();
  await signIn(vp, "viewer");
  await vp.goto(casePath);
  await expect(vp.locator(`a[href="${fileHref}"]`).first()).toBeVisible();
  await expect(vp.getByText("Attach documents")).toHaveCount(0);
  expect((await vp.request.get(fileHref)).status()).toBe(200);
  await viewerContext.close();
});
