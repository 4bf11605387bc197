import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

// Issue #17: a visitor without a session gets public pages from the anonymous page cache
// (lib/page-cache), under a CSP that allows inline scripts by their SHA-256 instead of a
// nonce. A script written into a record is text; one that got into the page anyway has no hash
// in the policy and does not run; the framework's own scripts still do. A member gets copies
// rendered for them alone, and their write shows to the next visitor at once.

const INJECTED = "<script>window.__injected = 1</script>";

/** Every CSP violation the page reports, collected from before its first script. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const injected = (page: Page) => page.evaluate(() => (window as unknown as { __injected?: number }).__injected);
/** React has hydrated the page: its client components are live. */
const hydrated = (page: Page) => page.waitForFunction(() => [...document.querySelectorAll("header *")].some((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))));

/**
 * What the client router asks for (a navigation, a prefetch, router.refresh() after an upload)
 * is React's payload rendered for the request, never a cached copy's HTML: given HTML, the
 * router reloads the whole page and what the member had on screen is lost.
 */
async function expectRouterPayload(request: APIRequestContext, path: string, headers: Record<string, string>) {
  const payload = await request.get(`${path}?_rsc=abc12`, { headers });
  expect(payload.headers()["content-type"]).toContain("text/x-component");
  expect(payload.headers()["x-tracker-cache"]).toBeUndefined();
}

test("a cached page runs the app's scripts by hash, and no injected script", async ({ page, browser }) => {
  const title = `Cached page check ${Date.now()} ${INJECTED}`;
  await signIn(page, "editor");
  const casePath = await logApplication(page, { title, form: "picket", place: "Old square" }, async () => {
    await page.getByLabel("Publish this record").check();
  });
  // The member's own page: a copy rendered for them alone, under the same hash-based CSP,
  // showing what only members see; a form that is no public page is rendered per request, with a nonce.
  await page.request.get(casePath);
  const mine = await page.request.get(casePath);
  expect(mine.headers()["x-tracker-cache"]).toBe("hit");
  expect(/script-src ([^;]+)/.exec(mine.headers()["content-security-policy"])![1]).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]+=*')+ 'strict-dynamic'$/);
  expect(await mine.text()).toContain(`${casePath}/edit`);
  await expectRouterPayload(page.request, casePath, { RSC: "1" });
  await expectRouterPayload(page.request, casePath, { RSC: "1", "Next-Router-Prefetch": "1" });
  const form = await page.request.get("/applications/new");
  expect(form.headers()["x-tracker-cache"]).toBeUndefined();
  expect(form.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  // The member's copy runs in the browser: the page hydrates and its own scripts are allowed.
  await watchViolations(page);
  const shown = await page.goto(casePath);
  expect(shown!.headers()["x-tracker-cache"]).toBe("hit");
  await hydrated(page);
  expect(await violations(page)).toEqual([]);

  // No service worker: once one controls the page it fetches the HTML itself and page.route()
  // never sees it, so whether the altered page arrived would depend on how fast it installed.
  const visitor = await browser.newContext({ serviceWorkers: "block" });
  try {
    const v = await visitor.newPage();
    await expectRouterPayload(v.request, casePath, { RSC: "1" });
    await watchViolations(v);
    await v.goto(casePath);
    const res = await v.goto(casePath);
    expect(res!.headers()["x-tracker-cache"]).toBe("hit");
    // Compressed as the browser asked, from the copy kept for it (scripts/serve.ts).
    expect(res!.headers()["content-encoding"]).toBe("br");
    const csp = res!.headers()["content-security-policy"];
    const scriptSrc = /script-src ([^;]+)/.exec(csp)![1];
    expect(scriptSrc).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]+=*')+ 'strict-dynamic'$/);
    expect(csp).not.toContain("unsafe-inline' 'strict");
    // The record's <script> is shown as text and did not run; the app's own scripts did.
    await expect(v.getByRole("heading", { level: 1 })).toContainText(INJECTED);
    await hydrated(v);
    expect(await injected(v)).toBeUndefined();
    expect(await violations(v)).toEqual([]);

    // A script that got into the cached HTML some other way (a stored injection React did not
    // escape) is refused: its hash is not in the policy sent with the page.
    await v.route(casePath, async (route) => {
      const original = await route.fetch();
      const body = (await original.text()).replace("</body>", `${INJECTED}</body>`);
      await route.fulfill({ response: original, body });
    });
    const again = await v.goto(casePath);
    expect(again!.headers()["x-tracker-cache"]).toBe("hit");
    await hydrated(v);
    expect(await injected(v)).toBeUndefined();
    // The browser reports the refusal as a queued event: wait for it rather than read it once.
    await expect.poll(async () => (await violations(v)).some((x) => x.startsWith("script-src"))).toBe(true);
    expect(await injected(v)).toBeUndefined();
    await v.unroute(casePath);

    // A write shows to the next visitor at once.
    await page.goto(`${casePath}/edit`);
    await page.getByLabel("Title").fill(`${title} (moved)`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("(moved)");
    const after = await v.goto(casePath);
    expect(after!.headers()["x-tracker-cache"]).toBe("miss");
    expect(after!.headers()["content-encoding"]).toBe("br");
    await expect(v.getByRole("heading", { level: 1 })).toContainText("(moved)");
  } finally {
    await visitor.close();
  }
});

test("axe finds nothing on the statistics and the list, nor on a member's case page", async ({ page, browser }) => {
  const axe = fs.readFileSync(path.join(process.cwd(), "node_modules", "axe-core", "axe.min.js"), "utf8");
  const check = async (p: Page, url: string) => {
    await p.goto(url);
    await hydrated(p);
    // Evaluated by the test runner, not by the page: the page's CSP does not apply.
    await p.evaluate(axe);
    const found = await p.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return r.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(found, url).toEqual([]);
  };
  const visitor = await browser.newContext();
  try {
    const v = await visitor.newPage();
    await check(v, "/stats");
    await check(v, "/applications");
  } finally {
    await visitor.close();
  }
  await signIn(page, "editor");
  const casePath = await logApplication(page, { title: `Landmarks check ${Date.now()}`, form: "rally", place: "Republic square" });
  await check(page, casePath);
});
