// Each page hands the browser only the message namespaces its client components read
// (components/i18n/ClientMessages). A form whose namespace was left out would show raw keys
// and log MISSING_MESSAGE: this walks every page with a form, in English and in Russian, and
// fails on any console error, page error, or raw key in the text.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

const RAW_KEY = /\b(?:common|nav|errors|applications|answers|appeals|events|incidents|settings|tokens|casefile|share|auth|vocab|stats|cases|dashboard|notify)\.[a-z][A-Za-z]*(?:\.[A-Za-z_]+)*\b/;

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

async function visit(page: Page, problems: string[], path: string) {
  const before = problems.length;
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  // Hydrated: the client components have rendered with the browser's messages.
  await page.waitForLoadState("networkidle");
  const text = await page.locator("body").innerText();
  expect(RAW_KEY.exec(text)?.[0] ?? null, `${path}: a message key shown instead of its text`).toBeNull();
  expect(problems.slice(before), path).toEqual([]);
}

test("every page with a form has its strings, in English and Russian", async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await signIn(page, "admin");

  // A case of the admin's own group, so its edit forms can be opened.
  const caseUrl = await logApplication(page, { title: "Rally for the message check", form: "rally", place: "Republic Square" });

  const pages = [
    "/dashboard",
    "/applications",
    "/applications/new",
    caseUrl,
    `${caseUrl}/edit`,
    `${caseUrl}/answers/new`,
    `${caseUrl}/appeals/new`,
    `${caseUrl}/events/new`,
    `${caseUrl}/case-file`,
    // Documented history: answers, grounds, an appeal, sources, all rendered in the browser too.
    "/applications/hist-app-2023-03-20-march-2024",
    "/applications/hist-app-2021-11-16-march-rally",
    "/appeals",
    "/incidents",
    "/incidents/new",
    "/stats",
    "/sources",
    "/settings",
    "/settings/members",
    "/settings/holidays",
    "/settings/rules",
    "/settings/tokens",
    "/settings/calendar",
    "/settings/delivery",
    "/settings/standards",
    "/settings/export",
  ];
  for (const locale of ["en", "ru"]) {
    await page.context().addCookies([{ name: "locale", value: locale, url: page.url() }]);
    for (const path of pages) await visit(page, problems, path);
  }

  // Signed out: the sign-in form.
  await page.context().clearCookies();
  await visit(page, problems, "/signin");
});
