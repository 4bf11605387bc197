import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// An organizer on a phone with a poor connection: every section of the site one tap away, the
// list's filters folded, pages already opened readable offline, and an incident typed offline
// kept on the device and saved once when the connection returns.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The service worker is in charge of this page (the first load only installs it). */
async function serviceWorkerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("on a phone every header section is behind Menu, and the nine filters fold behind one button with the count", async ({ page }) => {
  await page.goto("/applications?form=march&status=closed");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Statistics" })).toBeHidden();

  // Keyboard: the button opens the menu, every section is there, Escape closes it.
  const menu = page.locator("summary", { hasText: "Menu" });
  await menu.focus();
  await page.keyboard.press("Enter");
  for (const name of ["Applications", "Appeals", "Incidents", "Statistics", "Sources"]) await expect(nav.getByRole("link", { name })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "Statistics" })).toBeHidden();

  // Touch: open, follow a link, and the menu is closed on the new page.
  await menu.click();
  await nav.getByRole("link", { name: "Sources" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await expect(nav.getByRole("link", { name: "Statistics" })).toBeHidden();

  // The filters: folded, the button says two are chosen; opened, the chosen ones are there.
  await page.goto("/applications?form=march&status=closed");
  const filters = page.getByTestId("list-filters");
  await expect(filters.locator("summary")).toHaveText(/Filters\s*·\s*2 chosen/);
  await expect(page.getByLabel("Form", { exact: true })).toBeHidden();
  await expect(page.getByLabel("Search", { exact: true })).toBeVisible();
  await filters.locator("summary").click();
  await expect(page.getByLabel("Form", { exact: true })).toHaveValue("march");
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("closed");
  await page.goto("/applications");
  await expect(page.getByTestId("list-filters").locator("summary")).toHaveText(/none chosen/);
});

test("signed in, in each language, no page runs wider than the phone's screen", async ({ page }) => {
  await signIn(page, "editor");
  const host = new URL(page.url()).hostname;
  for (const locale of ["en", "ru", "kk"]) {
    await page.context().addCookies([{ name: "locale", value: locale, domain: host, path: "/" }]);
    for (const path of ["/dashboard", "/applications", "/incidents/new", "/stats", "/search?q=Almaty", "/settings"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // A page wider than the screen scrolls sideways, and a phone browser then misplaces taps.
      // (A wide table may scroll inside its own box.)
      const wide = await page.evaluate(() => {
        const clipped = (e: Element) => {
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
          return false;
        };
        const over = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 391 && !clipped(e));
        return { width: document.documentElement.scrollWidth, over: over.map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)}: ${(e.textContent ?? "").slice(0, 30)}`).slice(0, 3) };
      });
      expect(wide, `${locale} ${path}`).toEqual({ width: 390, over: [] });
    }
  }
});

test("offline: a page opened before reads as a dated read-only copy; an incident typed offline is kept as a draft and saved once when the connection returns", async ({ page, context }) => {
  await signIn(page, "editor");
  await page.goto("/incidents");
  await serviceWorkerReady(page);
  // Opened with the service worker in charge: kept for offline reading.
  await page.goto("/incidents");
  await page.goto("/incidents/new");
  await expect(page.getByText("as a draft on this device, unencrypted")).toBeVisible();

  await context.setOffline(true);
  await page.goto("/incidents");
  await expect(page.getByTestId("offline-banner")).toContainText(/You are offline — read-only copy from .+/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/incidents/new");
  const title = `Detained offline ${Date.now()}`;
  await page.getByLabel("Kind").selectOption("detention");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Record the incident" }).click();
  await expect(page.getByTestId("draft-notice")).toContainText("Kept as a draft on this device (unencrypted)");
  await expect(page.getByLabel("Title")).toHaveValue(title);

  // The connection returns: the draft is sent through the same action and the incident opens.
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/incidents\/[a-z0-9]+$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const saved = page.url();

  // A reload, and the form opened again: nothing is sent a second time.
  await page.reload();
  await page.goto("/incidents/new");
  await expect(page.getByText("as a draft on this device, unencrypted")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("tracker.drafts.v1"))).toBeNull();
  await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(1);

  // Leave the group's list as it was, then sign out: this device keeps no page of the member.
  page.once("dialog", (d) => d.accept());
  await page.goto(`${new URL(saved).pathname}/edit`);
  await page.getByRole("button", { name: "Delete this incident" }).click();
  await expect(page).toHaveURL(/\/incidents(\?.*)?$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  const kept = await page.evaluate(async () => (await (await caches.open("tracker-pages")).keys()).map((r) => new URL(r.url).pathname));
  expect(kept.filter((p) => p.startsWith("/incidents") || p.startsWith("/dashboard"))).toEqual([]);
});
