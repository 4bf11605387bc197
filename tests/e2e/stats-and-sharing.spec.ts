import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { extractPdfText } from "../../lib/pdf/extract-text";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

test("a monitor filters the statistics, links the view, and downloads a table as CSV", async ({ page }) => {
  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "Refusal statistics", level: 1 })).toBeVisible();
  await page.getByLabel("From year").selectOption("2021");
  await page.getByLabel("To year").selectOption("2023");
  await page.getByRole("button", { name: "Apply filters" }).click();
  // The filtered view is in the URL, so it can be shared.
  await expect(page).toHaveURL(/yearFrom=2021/);
  await expect(page).toHaveURL(/yearTo=2023/);
  const grounds = page.locator("section", { has: page.getByRole("heading", { name: "Refusals by ground", exact: true }) }).first();
  // In 2021–2023 the documented refusals cite works (2021 and 2022) and a booked place (2021).
  await expect(grounds.getByRole("table")).toContainText("Construction or repair works at the place");
  await expect(grounds.getByRole("table")).not.toContainText("Organizer not eligible");

  // One breakdown of the grounds at a time, switched by a link that keeps the filters.
  await expect(page.getByRole("heading", { name: "Refusals by ground and year" })).toBeVisible();
  await page.getByRole("navigation", { name: "Break the refusal grounds down by" }).getByRole("link", { name: "City" }).click();
  await expect(page).toHaveURL(/by=city/);
  await expect(page).toHaveURL(/yearFrom=2021/);
  const byCity = page.locator("section", { has: page.getByRole("heading", { name: "Refusals by ground and city" }) });
  await expect(byCity.getByRole("table")).toContainText("Almaty");
  await expect(page.getByRole("heading", { name: "Refusals by ground and year" })).toHaveCount(0);
  // The chart is drawn in the browser from the same figures.
  await expect(byCity.locator("figure svg").first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), grounds.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(1);
  expect(csv).toContain("Construction or repair works at the place");
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});

test("share a case with a lawyer without personal data, then revoke the link", async ({ page, browser }) => {
  const applicant = `Aigerim Sharetest ${Date.now()}`;
  await signIn(page, "editor");
  await logApplication(page, { title: "Picket for the share test", form: "picket", place: "Near the akimat" }, async () => {
    await page.getByRole("button", { name: "Add an applicant" }).click();
    await page.getByLabel("Full name").first().fill(applicant);
  });
  await expect(page.getByText(applicant)).toBeVisible();

  // Personal data is left out unless ticked.
  await expect(page.getByLabel(/Include personal data/)).not.toBeChecked();
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = (await page.getByTestId("share-url").inputValue().catch(() => null)) ?? (await page.getByTestId("share-url").textContent());
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  // A lawyer opens it in a fresh browser, not signed in.
  const lawyer = await browser.newContext();
  const lp = await lawyer.newPage();
  const res = await lp.goto(url!);
  expect(res?.status()).toBe(200);
  await expect(lp.getByText("Picket for the share test").first()).toBeVisible();
  await expect(lp.getByText(/Shared by Elena Editor/)).toBeVisible();
  await expect(lp.locator("body")).not.toContainText(applicant);
  expect(res?.headers()["x-robots-tag"]).toContain("noindex");

  // The PDF has the case and not the name.
  const pdf = await lp.request.get(`${url}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  const text = extractPdfText(await pdf.body());
  expect(text).toContain("Picket for the share test");
  expect(text).not.toContain(applicant);

  // Revoke: the link stops working at once.
  await page.reload();
  await page.getByRole("button", { name: /Revoke/ }).first().click();
  await expect(page.getByText("Revoked").first()).toBeVisible();
  const gone = await lp.goto(url!);
  expect(gone?.status()).toBe(410);
  await expect(lp.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await expect(lp.locator("body")).not.toContainText("Picket for the share test");
  await lawyer.close();
});
