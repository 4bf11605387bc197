// The app in Kazakh: a first visit from a Kazakh browser gets it, a member's chosen language
// follows them to a fresh browser at sign-in, and the main pages (public and a member's) show
// no raw message key and log no error (a MISSING_MESSAGE, a page error) in kk.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

const RAW_KEY = /\b(?:common|nav|errors|applications|answers|appeals|events|incidents|settings|tokens|casefile|share|auth|vocab|stats|cases|dashboard|home|sources|export|mail|api)\.[a-z][A-Za-z]*(?:\.[A-Za-z_]+)*\b/;
const DOCUMENTED_CASE = "/applications/hist-app-2021-11-16-march-rally";

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /MISSING_MESSAGE/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

async function visitInKazakh(page: Page, problems: string[], path: string) {
  const before = problems.length;
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html"), path).toHaveAttribute("lang", "kk");
  const text = await page.locator("body").innerText();
  expect(RAW_KEY.exec(text)?.[0] ?? null, `${path}: a message key shown instead of its text`).toBeNull();
  // The header's language switch shows the current language.
  await expect(page.getByRole("combobox", { name: "Тіл" }), path).toHaveValue("kk");
  expect(problems.slice(before), path).toEqual([]);
}

/** The language cookie for the whole site (a `url` would scope it to that page's folder). */
async function chooseKazakh(page: Page) {
  await page.context().addCookies([{ name: "locale", value: "kk", domain: new URL(page.url()).hostname, path: "/" }]);
}

async function freshPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

test("a first visit picks Kazakh or Russian from the browser's Accept-Language", async ({ browser }) => {
  const kk = await freshPage(browser, "kk-KZ");
  await kk.goto("/");
  await expect(kk.locator("html")).toHaveAttribute("lang", "kk");
  await expect(kk.getByRole("heading", { level: 1 })).toHaveText("Жиналыс өткізуге берілген әрбір өтініш — есепте");
  await kk.context().close();

  const ru = await freshPage(browser, "ru-KZ");
  await ru.goto("/");
  await expect(ru.locator("html")).toHaveAttribute("lang", "ru");
  await ru.context().close();
});

test("a member who chose Kazakh on one device sees Kazakh after signing in on a fresh browser", async ({ browser }) => {
  // Device 1: an English browser; the member switches to Қазақша.
  const one = await freshPage(browser, "en-US");
  await signIn(one, "editor");
  await one.getByRole("combobox", { name: "Language" }).selectOption("kk");
  await expect(one.getByRole("heading", { level: 1 })).toHaveText("Басқару тақтасы");
  await one.context().close();

  // Device 2: another English browser, no cookies.
  const two = await freshPage(browser, "en-US");
  await two.goto("/signin");
  await expect(two.locator("html")).toHaveAttribute("lang", "en");
  await two.getByLabel("Email").fill(ACCOUNTS.editor.email);
  await two.getByLabel("Password").fill(PASSWORD);
  await two.getByRole("button", { name: "Sign in" }).click();
  await expect(two).toHaveURL(/\/dashboard/);
  await expect(two.locator("html")).toHaveAttribute("lang", "kk");
  await expect(two.getByRole("heading", { level: 1 })).toHaveText("Басқару тақтасы");
  await expect(two.getByRole("button", { name: "Шығу" })).toBeVisible();
  // Back to English, so the shared editor account is as the other specs expect it.
  await two.getByRole("combobox", { name: "Тіл" }).selectOption("en");
  await expect(two.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await two.context().close();
});

test("the main pages, public and a member's, in Kazakh: no missing message", async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);

  // Signed out, Kazakh by cookie.
  await page.goto("/");
  await chooseKazakh(page);
  for (const path of ["/", "/applications", DOCUMENTED_CASE, "/applications/hist-app-2023-03-20-march-2024", "/appeals", "/incidents", "/stats", "/sources", "/signin"]) {
    await visitInKazakh(page, problems, path);
  }
  await expect(page.getByRole("button", { name: "Кіру", exact: true })).toBeVisible();

  // A member: their own case (logged in English, then read in Kazakh) and every form page.
  await page.context().clearCookies();
  await signIn(page, "admin");
  const caseUrl = await logApplication(page, { title: "Rally for the Kazakh check", form: "rally", place: "Republic Square" });
  await chooseKazakh(page);
  for (const path of [
    "/dashboard",
    "/applications",
    "/applications/new",
    caseUrl,
    `${caseUrl}/edit`,
    `${caseUrl}/answers/new`,
    `${caseUrl}/appeals/new`,
    `${caseUrl}/events/new`,
    `${caseUrl}/case-file`,
    DOCUMENTED_CASE,
    "/incidents/new",
    "/stats",
    "/settings",
    "/settings/members",
    "/settings/holidays",
    "/settings/rules",
    "/settings/tokens",
    "/settings/standards",
    "/settings/export",
  ]) {
    await visitInKazakh(page, problems, path);
  }
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Басқару тақтасы");
  // The case file's PDF in Kazakh (the route answers with a PDF, no page to walk).
  const pdf = await page.request.get(`${caseUrl}/case-file/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
});
