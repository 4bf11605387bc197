import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

// Issue #11, item 3: on the edit page, "Make private" and then "Save changes" must leave the
// record private. The form used to carry its own "Publish this record" box, still ticked from
// when the page was loaded, and the save published the record again. The edit form no longer
// posts visibility at all, and the update ignores it (tests/integration/privacy.test.ts,
// "saving the edit form"), so a form loaded or posted without JavaScript cannot undo it either.

async function publishedCase(page: Page, title: string): Promise<string> {
  await signIn(page, "editor");
  const path = await logApplication(page, { title, form: "picket", place: "Gandhi park" }, async () => {
    await page.getByLabel("Publish this record").check();
  });
  await expect(page.locator("header").getByText("Public", { exact: true })).toBeVisible();
  return path;
}

/** What someone without an account gets: nothing about the record. */
async function expectHiddenFromVisitors(browser: Browser, path: string, title: string) {
  const visitor = await browser.newContext();
  try {
    const page = await visitor.newPage();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Application not found" })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
    const api = await visitor.request.get(`/api/v1/applications/${path.split("/").pop()}`);
    expect(api.status()).toBe(404);
  } finally {
    await visitor.close();
  }
}

test("Make private, then Save changes: the record stays private", async ({ page, browser }) => {
  const title = `Visibility check ${Date.now()}`;
  const path = await publishedCase(page, title);

  await page.goto(`${path}/edit`);
  await page.getByRole("button", { name: "Make private" }).click();
  await expect(page.getByText("Private to your group again.")).toBeVisible();
  // The form says what the toggle did; it has no publish box of its own to disagree.
  await expect(page.getByText("This record is private to the group.")).toBeVisible();
  await expect(page.getByLabel("Publish this record")).toHaveCount(0);
  await page.getByLabel("Title").fill(`${title} (edited)`);
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${title} (edited)`);
  await expect(page.locator("header").getByText("Private", { exact: true })).toBeVisible();
  await expectHiddenFromVisitors(browser, path, title);
});
