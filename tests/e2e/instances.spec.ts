import { expect, test, type BrowserContext } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import sharp from "sharp";
import { createFreshPostgresDatabase, dropPostgresDatabase, postgresUnreachable } from "../support/pg";
import { filesUnder, runScript, startAppServer, startProxy, startS3, stopAppServer, waitFor, type Proxy } from "../support/instances";
import { logApplication } from "./support/applications";

// Issue #19: two production servers on one PostgreSQL database behind nginx (Debian's, with
// the README's reference configuration; a Node proxy where nginx is not installed). A rate
// limit is counted across both; a write through one is on the other's cached pages at once; a
// session made through one is good on the other; attached files live in an S3-compatible store
// (s3rver), so a file uploaded through one is downloaded through the other. The job queue
// across two processes is in tests/integration/workers.test.ts, shutdown in shutdown.test.ts.

const BASE = Number(process.env.E2E_PORT ?? 3100);
const A = BASE + 100;
const B = BASE + 200;
const PROXY = BASE + 300;
const EMAIL = "instances@e2e.test";
const PASSWORD = "instances-password-Correct-Horse";

let database: { url: string; name: string } | null = null;
const servers: ChildProcess[] = [];
let proxy: Proxy | null = null;
let s3: Awaited<ReturnType<typeof startS3>> | null = null;
/** The case the second test saves, where the third attaches a file. */
let casePath = "";

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(400_000);
  const why = await postgresUnreachable();
  if (why) throw new Error(`this test needs PostgreSQL (npm test's PostgreSQL pass starts it): ${why}`);
  database = await createFreshPostgresDatabase();
  s3 = await startS3();
  // Every instance shares the session secret, the data key and the file store (as a deployment must).
  const env = { ...s3.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "instances-e2e-secret", TRACKER_DATA_KEY: crypto.randomBytes(32).toString("base64"), NEXTAUTH_URL: `http://127.0.0.1:${PROXY}`, TRACKER_WORKER: "off", DEFAULT_LOCALE: "en" };
  runScript(["scripts/setup.ts"], env);
  runScript(["scripts/user-create.ts", "--email", EMAIL, "--name", "Ines Instances", "--group", "Instances Group", "--role", "editor"], env, `${PASSWORD}\n`);
  servers.push(startAppServer(A, env), startAppServer(B, env));
  await Promise.all([waitFor(`http://127.0.0.1:${A}/api/ready`), waitFor(`http://127.0.0.1:${B}/api/ready`)]);
  proxy = await startProxy(PROXY, [A, B]);
});

test.afterAll(async () => {
  await proxy?.stop();
  for (const s of servers) stopAppServer(s);
  await new Promise((r) => setTimeout(r, 1000));
  await s3?.stop();
  if (database) await dropPostgresDatabase(database.name);
});

test("a rate limit is counted across both instances", async ({ request }) => {
  // Wrong share-link tokens: 20 a minute per client, then 429. Through the proxy the requests
  // alternate between the two servers; each would allow 20 if it counted alone.
  const statuses: number[] = [];
  for (let i = 0; i < 22; i++) statuses.push((await request.get(`http://127.0.0.1:${PROXY}/s/not-a-token-${i}`, { maxRedirects: 0 })).status());
  expect(statuses.slice(0, 20).every((s) => s === 410)).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429]);
  // And straight to each server, the same client is limited on both.
  for (const port of [A, B]) {
    const r = await request.get(`http://127.0.0.1:${port}/s/not-a-token-direct`, { headers: { "x-forwarded-for": "127.0.0.1" }, maxRedirects: 0 });
    expect(r.status(), `server on ${port}`).toBe(429);
  }
});

test("a record saved through one instance is on the other's cached pages at once", async ({ browser, request }) => {
  const title = `Instances picket ${Date.now()}`;
  // The search box echoes the query: a listed record adds its link with the title.
  const listed = async (port: number) => {
    const html = await (await request.get(`http://127.0.0.1:${port}/applications?q=${encodeURIComponent(title)}`)).text();
    return new RegExp(`href="/applications/[^"]+"[^>]*>[^<]*${title}`).test(html);
  };
  const statsText = async (port: number) => (await request.get(`http://127.0.0.1:${port}/stats`)).text();
  /** The statistics page once its figures are exact (no marker of figures a recompute old, components/perf/StaleMarker). */
  const exactStats = async (port: number, unlike = "") => {
    let html = "";
    await expect.poll(async () => ((html = await statsText(port)), !html.includes("data-stale-figures") && html !== unlike), { timeout: 15_000, message: `server on ${port}` }).toBe(true);
    return html;
  };
  // Warm both servers' caches: the list search and the statistics.
  expect(await listed(A)).toBe(false);
  expect(await listed(B)).toBe(false);
  const statsBefore = [await exactStats(A), await exactStats(B)];
  expect(statsBefore[0].length).toBeGreaterThan(1000);

  let context: BrowserContext | null = null;
  try {
    context = await browser.newContext({ baseURL: `http://127.0.0.1:${PROXY}` });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel(/email/i).fill(EMAIL);
    await page.getByLabel(/password/i).fill(PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    // The session cookie made by one server is good on the other: every request of this flow
    // goes through the proxy, alternating between them.
    const path = await logApplication(page, { title, form: "picket", place: "Republic Square" }, async () => {
      await page.getByLabel("Publish this record").check();
    });
    expect(path).toMatch(/^\/applications\//);
    casePath = path;
  } finally {
    await context?.close();
  }
  // No timer, no wait: both servers see it on their next request.
  expect(await listed(A)).toBe(true);
  expect(await listed(B)).toBe(true);
  // The statistics are recomputed in the background after a write: each server's figures follow
  // within a few seconds, not at the next write. A copy holding counts only is answered at once
  // while the next renders; one quoting refusal reasons is rendered again (the write may have
  // made the quoted case private).
  for (const [i, port] of [A, B].entries()) {
    const first = await request.get(`http://127.0.0.1:${port}/stats`);
    expect(first.headers()["x-tracker-cache"], `server on ${port}`).toBe(statsBefore[i].includes("data-figures-only") ? "refresh" : "miss");
    await exactStats(port, statsBefore[i]);
  }
});

test("a file uploaded through one instance is served by the other (S3 store)", async ({ browser }) => {
  expect(casePath).toMatch(/^\/applications\//);
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PROXY}` });
  try {
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel(/email/i).fill(EMAIL);
    await page.getByLabel(/password/i).fill(PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    // Straight to instance A (the session cookie is the host's, whatever the port).
    await page.goto(`http://127.0.0.1:${A}${casePath}`);
    const block = page.locator("[data-documents=application]");
    await block.getByText("Attach documents").click();
    const photo = await sharp({ create: { width: 48, height: 32, channels: 3, background: "#b91c1c" } }).png().toBuffer();
    await block.getByLabel("Files").setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: photo });
    await block.getByLabel("Title").fill("Poster from instance A");
    await block.getByRole("button", { name: "Attach" }).click();
    await expect(block.getByRole("status").filter({ hasText: "Attached: 1" })).toBeVisible();
    const href = await block.getByRole("link", { name: "Poster from instance A" }).getAttribute("href");
    expect(href).toMatch(/^\/files\/[a-z0-9]+$/);

    // Instance B serves the same bytes: they are in the bucket, not on A's disk.
    const fromA = await context.request.get(`http://127.0.0.1:${A}${href}`);
    const fromB = await context.request.get(`http://127.0.0.1:${B}${href}`);
    expect(fromA.status()).toBe(200);
    expect(fromB.status()).toBe(200);
    expect(fromB.headers()["content-type"]).toContain("image/png");
    const bytes = await fromB.body();
    expect(bytes.equals(await fromA.body())).toBe(true);
    const key = crypto.createHash("sha256").update(bytes).digest("hex");
    expect(filesUnder(s3!.dir).some((f) => f.includes(key))).toBe(true);
  } finally {
    await context.close();
  }
});
