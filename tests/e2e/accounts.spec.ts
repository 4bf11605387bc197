import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";

/** Every URL the page requests, to check that no password ever travels in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

function leaks(urls: string[], secret: string): string[] {
  return urls.filter((u) => u.includes(secret) || u.includes(encodeURIComponent(secret)) || decodeURIComponent(u.replace(/\+/g, " ")).includes(secret));
}

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("a member signs in by a plain POST; the password never appears in a URL", async ({ page }) => {
    const urls = recordUrls(page);
    const posts: string[] = [];
    page.on("request", (r) => (r.url().includes("/signin") ? posts.push(r.method()) : undefined));
    await page.goto("/signin?callbackUrl=%2Fapplications");
    await page.getByLabel("Email").fill(ACCOUNTS.viewer.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/applications$/);
    await expect(page.getByRole("link", { name: ACCOUNTS.viewer.name })).toBeVisible();
    expect(posts).toContain("POST");
    expect(leaks(urls, PASSWORD)).toEqual([]);
    expect(page.url()).not.toContain("password");
  });

  test("a wrong password shows the error on the sign-in page", async ({ page }) => {
    const urls = recordUrls(page);
    await page.goto("/signin");
    await page.getByLabel("Email").fill(ACCOUNTS.other.email);
    await page.getByLabel("Password").fill("not-the-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main form").getByRole("alert")).toHaveText("The email or password is not right.");
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.other.email);
    expect(leaks(urls, "not-the-password-123")).toEqual([]);
    await expect(page.getByRole("link", { name: ACCOUNTS.other.name })).toHaveCount(0);
  });

  test("sign-out is a POST that ends the session: the old cookie does not work again", async ({ page, context }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    const captured = await context.cookies();
    expect(captured.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    // A copy of the cookie taken before sign-out is dead.
    await context.addCookies(captured);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("after sign-in the browser stays on this site", () => {
  for (const callbackUrl of ["%2F%5Cevil.example%2F", "%2F%09%2Fevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "/%09/evil.example"]) {
    test(`callbackUrl=${callbackUrl}`, async ({ page }) => {
      const offsite: string[] = [];
      page.on("request", (r) => (new URL(r.url()).hostname === "evil.example" ? offsite.push(r.url()) : undefined));
      await page.goto(`/signin?callbackUrl=${callbackUrl}`);
      await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
      expect(offsite).toEqual([]);
    });
  }
});
