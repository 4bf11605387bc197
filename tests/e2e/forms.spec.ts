import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// A failed save is never silent: the error summary at the top of the form takes focus and
// links to each field (with JavaScript), and is at the top without JavaScript too. Requests
// that no form sends (10 MB bodies) answer 413, and the shared case file keeps its own CSP.

async function activeIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement === document.querySelector(s), selector);
}

test("a save from the bottom of the long application form shows the error summary, focused, with links to the fields", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/applications/new");
  // Everything but the title, which is required.
  const first = page.locator("fieldset", { has: page.getByText("Form 1", { exact: true }) });
  await first.getByLabel("Form of assembly").selectOption("march");
  await first.getByLabel("Date of the event").fill("2026-03-08");
  const save = page.getByRole("button", { name: "Save application" });
  await save.scrollIntoViewIfNeeded();
  await save.click();

  const summary = page.locator("[data-error-summary]");
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect.poll(() => activeIs(page, "[data-error-summary]")).toBe(true);
  await expect(summary).toBeInViewport();

  const link = summary.getByRole("link", { name: /Title/ });
  await expect(link).toHaveAttribute("href", "#title-error");
  await link.click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("title");
  await expect(page.locator("#title")).toBeInViewport();
});

test("before the JavaScript has loaded, the error summary comes back at the top of the form", async ({ page, browser }) => {
  await signIn(page, "editor");
  // The app's code never arrives (a slow phone): the form posts as plain HTML, and the server
  // renders the answer. (Next.js's own inline streaming scripts still run, as they would.)
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  await context.route("**/_next/static/**/*.js", (route) => route.abort());
  const noJs = await context.newPage();
  await noJs.goto("/applications/new");
  await noJs.getByRole("button", { name: "Save application" }).click();
  const summary = noJs.locator("[data-error-summary]");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /Title/ })).toHaveAttribute("href", "#title-error");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  const [summaryBox, titleBox] = [await summary.boundingBox(), await noJs.locator("#title").boundingBox()];
  expect(summaryBox!.y).toBeLessThan(titleBox!.y);
  // Nothing hydrated: this was the server's answer to a plain form post.
  expect(await noJs.evaluate(() => Boolean((window as unknown as { next?: unknown }).next))).toBe(false);
  await context.close();
});

test("a 10 MB body answers 413, not 500, on a server action and on the API", async ({ request }) => {
  const big = Buffer.alloc(10 * 1024 * 1024, "a");
  const action = await request.post("/applications/new", {
    headers: { "content-type": "multipart/form-data; boundary=----x", "next-action": "0".repeat(40) },
    data: big,
  });
  expect(action.status()).toBe(413);
  const api = await request.post("/api/v1/applications", { headers: { "content-type": "application/json" }, data: big });
  expect(api.status()).toBe(413);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  const auth = await request.post("/api/auth/callback/credentials", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: big });
  expect(auth.status()).toBe(413);
});

test("the shared case file keeps its own default-src 'none' policy through the proxy", async ({ request }) => {
  const res = await request.get("/s/not-a-real-token");
  expect(res.status()).toBe(410);
  const csp = res.headers()["content-security-policy"];
  expect(csp).toMatch(/^default-src 'none'/);
  expect(csp).not.toContain("nonce-");
});

test("the auth cookies are Secure when the proxy says the request came over HTTPS", async ({ request }) => {
  const https = await request.get("/api/auth/csrf", { headers: { "x-forwarded-proto": "https" } });
  const secure = https.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(secure.length).toBeGreaterThan(0);
  for (const c of secure) expect(c).toMatch(/;\s*Secure/i);
  const http = await request.get("/api/auth/csrf");
  for (const c of http.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value)) expect(c).not.toMatch(/;\s*Secure/i);
});

test("before the JavaScript has loaded, a save after someone else's keeps both edits", async ({ page, browser }) => {
  await signIn(page, "editor");
  const title = `Merge ${Date.now()}`;
  await page.goto("/applications/new");
  await page.getByLabel("Title").fill(title);
  const first = page.locator("fieldset", { has: page.getByText("Form 1", { exact: true }) });
  await first.getByLabel("Form of assembly").selectOption("picket");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  const edit = `${page.url().replace(/#.*$/, "")}/edit`;

  // A loads the edit page on a phone whose scripts have not arrived.
  const slow = await browser.newContext({ storageState: await page.context().storageState() });
  await slow.route("**/_next/static/**/*.js", (route) => route.abort());
  const a = await slow.newPage();
  await a.goto(edit);

  // B saves a new title meanwhile.
  await page.goto(edit);
  await page.getByLabel("Title").fill(`${title} (B)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${title} (B)`);

  // A writes notes and saves: the panel says nothing was changed by both, and names the title.
  await a.locator("#notes").fill("A's notes");
  await a.getByRole("button", { name: "Save changes" }).click();
  const panel = a.locator("[data-conflict]");
  await expect(panel).toContainText("No field was changed by both of you");
  await expect(panel.locator('[data-theirs-field="title"]')).toBeVisible();
  await expect(a.locator("#title")).toHaveValue(`${title} (B)`);
  await expect(a.locator("#notes")).toHaveValue("A's notes");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toContainText(`${title} (B)`);

  await page.goto(edit);
  await expect(page.locator("#title")).toHaveValue(`${title} (B)`);
  await expect(page.locator("#notes")).toHaveValue("A's notes");
  await slow.close();
});
