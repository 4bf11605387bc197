// Every page, in English, Russian and Kazakh. Each page hands the browser only the message
// namespaces its client components read (components/i18n/ClientMessages); a string left out
// of a catalogue shows as a raw key and logs MISSING_MESSAGE. This walks every page and
// fails on a console error, a page error, a raw key, a page not in the language asked for
// (the locale cookie is set for the whole site: scoped to one page's path, the other pages
// would have stayed English and passed unseen), and, in Russian and Kazakh, on English words
// in the text outside quotations, the original documents and the proper names below.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";
import { OCR_DOCUMENT } from "./support/documents";
import { ACCOUNTS } from "./support/accounts";

const RAW_KEY = /\b(?:common|nav|errors|applications|answers|appeals|events|incidents|settings|tokens|casefile|share|auth|vocab|stats|cases|dashboard|translations|sources|home|export|mail|api|notify|accounts|documents|ocr|filings|steps|erasure|importer|phone|passkeys|names)\.[a-z][A-Za-z]*(?:\.[A-Za-z_]+)*\b/;

/** Common English words: one of them in a Russian or Kazakh page is an untranslated string. */
const ENGLISH = new Set(
  (
    "the and of to for with from not this that your you are is was has have will be by on at or an in no yes all any new save edit delete add remove back " +
    "search filter filters show hide sign out page next previous case cases date name email password group members settings status outcome refused approved " +
    "pending answer appeal court ruling hearing event events incident incidents source sources download print share link create cancel submit apply help home " +
    "dashboard applications application notification approval deadline working days day year years month city place form rally march picket meeting statistics " +
    "refusal refusals ground grounds total none unknown private public language more than about when where who what which there their been were known reported"
  ).split(" "),
);

/** What the other browser tests type (titles, places, notes …): their records are English data, not UI. */
const here = path.dirname(fileURLToPath(import.meta.url));
const TYPED = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".spec.ts"))
  .flatMap((f) => [...fs.readFileSync(path.join(here, f), "utf8").matchAll(/(?:title: |fill\(|const (?:TITLE|REASON|RELIEF) = )(?:"([^"]{4,})"|`([^`$]{4,})(?:\$\{|`))/g)].map((m) => (m[1] ?? m[2]).trim()));

/** Proper names and data other tests typed in English: allowed anywhere. */
const NAMES = [
  ...TYPED,
  ...Object.values(ACCOUNTS).flatMap((a) => [a.name, a.group]),
  // The scanned letter's case that scripts/e2e-server.sh seeds for ocr.spec.ts.
  OCR_DOCUMENT.title,
  "Human Rights Watch",
  "Front Line Defenders",
  "RFE/RL (rferl.org), reporting a Human Rights Watch news release",
  "Kazakhstan International Bureau for Human Rights (KIBHR), via ACCA (acca.media)",
  "Women's March",
  "Women’s March",
];

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

async function setLocale(page: Page, locale: string) {
  const { hostname } = new URL(page.url() === "about:blank" ? "http://127.0.0.1" : page.url());
  // The whole site: a cookie scoped to one page's path left every other page in English.
  await page.context().addCookies([{ name: "locale", value: locale, domain: hostname, path: "/" }]);
}

/** The visible text in the page's own language: not the documents shown as published (lang), quotations, code. */
async function ownText(page: Page, locale: string, scope: string): Promise<string> {
  return page.evaluate(
    ({ locale, scope }) => {
      const out: string[] = [];
      for (const root of Array.from(document.querySelectorAll(scope))) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || !el.checkVisibility()) continue;
          const lang = el.closest("[lang]")?.getAttribute("lang") ?? locale;
          if (!lang.startsWith(locale)) continue;
          // Not UI strings: quotations, codes (set in monospace), chart labels (their tables are checked), and the
          // choices of a select, which are records (authorities, groups) other tests typed in English.
          if (el.closest("blockquote, q, code, pre, script, style, select, .font-mono, [data-full-label], .chart-legend")) continue;
          out.push(n.textContent ?? "");
        }
        out.push("\n");
      }
      return out.join(" ");
    },
    { locale, scope },
  );
}

function englishWords(text: string): string[] {
  let t = text;
  for (const n of [...NAMES].sort((a, b) => b.length - a.length)) t = t.split(n).join(" ");
  // Codes are not words: rule and ground codes (notification_answer, place_taken).
  t = t.replace(/\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g, " ");
  // Quotations stay in their original language: “…”, "…", «…».
  t = t.replace(/“[^”]*”/g, " ").replace(/"[^"]*"/g, " ").replace(/«[^»]*»/g, " ");
  return [...new Set((t.match(/[A-Za-z]+/g) ?? []).filter((w) => ENGLISH.has(w.toLowerCase())))];
}

interface Visit {
  path: string;
  /** Where to look for English: the whole page, or only its chrome where a list shows other tests' records. */
  english?: "page" | "chrome" | "none";
}

async function visit(page: Page, problems: string[], locale: string, v: Visit) {
  const before = problems.length;
  const res = await page.goto(v.path);
  expect(res?.status(), v.path).toBeLessThan(400);
  // Hydrated: the client components have rendered with the browser's messages.
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html"), `${v.path} in ${locale}`).toHaveAttribute("lang", locale);
  const text = await page.locator("body").innerText();
  expect(RAW_KEY.exec(text)?.[0] ?? null, `${locale} ${v.path}: a message key shown instead of its text`).toBeNull();
  expect(problems.slice(before), `${locale} ${v.path}`).toEqual([]);
  const where = v.english ?? "page";
  if (locale !== "en" && where !== "none") {
    const scope = where === "page" ? "body" : "header, nav, h1, h2, label, button, thead, legend, form";
    expect(englishWords(await ownText(page, locale, scope)), `${locale} ${v.path}: English words`).toEqual([]);
  }
}

test("every page has its strings in English, Russian and Kazakh, and no English left in Russian or Kazakh", async ({ page }) => {
  test.setTimeout(480_000);
  const problems = watchConsole(page);
  await signIn(page, "admin");

  // A case of the admin's own group, so its edit forms can be opened, written in Russian.
  const caseUrl = await logApplication(page, { title: "Митинг для проверки переводов", form: "rally", place: "Площадь Республики" });

  const pages: Visit[] = [
    { path: "/dashboard", english: "chrome" },
    { path: "/applications", english: "chrome" },
    { path: "/applications?q=алматы", english: "chrome" },
    { path: "/applications/new" },
    // The change log lists what other records were linked in; the page's chrome is checked.
    { path: caseUrl, english: "chrome" },
    { path: `${caseUrl}/edit` },
    { path: `${caseUrl}/answers/new` },
    { path: `${caseUrl}/appeals/new` },
    { path: `${caseUrl}/events/new` },
    { path: `${caseUrl}/case-file` },
    // The documented history: answers, grounds, an appeal, events, sources. Titles, purposes,
    // notes, descriptions, arguments and evidence are translated (asserted below); places
    // ("Park behind the Sary-Arka cinema"), the holder of a conflicting booking and the
    // citing records' titles on a source page are not yet, so only the chrome is checked.
    { path: "/applications/hist-app-2023-03-20-march-2024", english: "chrome" },
    { path: "/applications/hist-app-2021-11-16-march-rally", english: "chrome" },
    { path: "/applications/hist-app-2019-09-28-rally", english: "chrome" },
    { path: "/incidents/hist-inc-karaganda-crowd-attack", english: "chrome" },
    { path: "/appeals", english: "chrome" },
    { path: "/incidents", english: "chrome" },
    { path: "/incidents/new" },
    // Statistics quote stated reasons verbatim in a table: the headings and filters are checked.
    { path: "/stats", english: "chrome" },
    { path: "/stats?by=authority", english: "chrome" },
    { path: "/sources" },
    // Search results quote the records (titles, reasons) as they are: the chrome is checked.
    { path: "/search" },
    { path: "/search?q=2023", english: "chrome" },
    { path: "/sources/fld-2023-04-28-2024-march-prohibited", english: "chrome" },
    { path: "/settings" },
    { path: "/settings/members", english: "chrome" },
    { path: "/settings/holidays", english: "chrome" },
    { path: "/settings/rules" },
    { path: "/settings/tokens", english: "chrome" },
    { path: "/settings/standards" },
    { path: "/settings/export" },
    { path: "/settings/import" },
    { path: "/settings/security" },
    { path: "/settings/calendar" },
    { path: "/settings/delivery" },
  ];
  for (const locale of ["en", "ru", "kk"]) {
    await setLocale(page, locale);
    for (const v of pages) await visit(page, problems, locale, v);
  }

  // The history is ours in translation, and says so; the document itself stays as published.
  await page.goto("/applications/hist-app-2023-03-20-march-2024");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2024 жылғы 8 наурыздағы Әйелдер шеруі");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Трекер аудармасы");
  await page.goto("/settings/rules");
  await expect(page.locator("body")).toContainText("Әкімшілік рәсімдік-процестік кодекс (2021), 161-бап");
  await expect(page.locator("body")).toContainText("Бірінші саты сотының шешіміне апелляциялық шағым");
  await page.goto("/sources/fld-2023-04-28-2024-march-prohibited");
  await expect(page.locator("[data-original-language=en]")).toContainText("ағылшын");
  await expect(page.locator("div[lang=en]")).toContainText("Akimat of Almaty");

  // Back to English for the specs after this one (the locale is the browser's, not the account's).
  await setLocale(page, "en");
});

test("signed out: sign-in, a share link and the statistics in Russian and Kazakh; chart labels do not overlap", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin");
  const caseUrl = await logApplication(page, { title: "Пикет для ссылки", form: "picket", place: "У акимата" });
  await page.goto(caseUrl);
  await page.getByRole("button", { name: "Create share link" }).click();
  const shareUrl = (await page.getByTestId("share-url").inputValue().catch(() => null)) ?? (await page.getByTestId("share-url").textContent());
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  const problems = watchConsole(visitor);
  for (const locale of ["ru", "kk"]) {
    await visitor.goto("/signin");
    await setLocale(visitor, locale);
    for (const path of ["/signin", new URL(shareUrl!).pathname, "/stats?by=authority", "/applications/hist-app-2022-02-07-march-rally"])
      await visit(visitor, problems, locale, { path, english: path.startsWith("/s/") || path === "/signin" ? "page" : "chrome" });

    // Long ground and authority names keep to their row: no two labels of a chart overlap.
    await visitor.goto("/stats?by=authority");
    await visitor.locator("figure svg").first().waitFor();
    const overlaps = await visitor.evaluate(() => {
      const found: string[] = [];
      for (const svg of Array.from(document.querySelectorAll("figure svg"))) {
        const boxes = Array.from(svg.querySelectorAll("text[data-full-label]")).map((t) => ({ label: t.getAttribute("data-full-label") ?? "", r: t.getBoundingClientRect() }));
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].r;
            const b = boxes[j].r;
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) found.push(`${boxes[i].label} / ${boxes[j].label}`);
          }
      }
      return found;
    });
    expect(overlaps, `${locale}: overlapping chart labels`).toEqual([]);
    // Every label is drawn, cut to its place, with the whole label in its title.
    const tick = visitor.locator("figure svg text[data-full-label]").first();
    await expect(tick.locator("title")).toHaveText((await tick.getAttribute("data-full-label"))!);
  }
  await context.close();
});
