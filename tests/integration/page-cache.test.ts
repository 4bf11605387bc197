// The page cache (lib/page-cache) in front of a renderer that reads the real data layer, as the
// pages do: a loopback HTTP server here renders a case page and the list from
// getCase/listApplications for whoever its request's session cookie belongs to (checked as the
// pages check it), with the inline and sourced scripts Next.js writes. The cache answers as the
// proxy uses it (answerFromCache): for visitors without a session, and for each member apart.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RECOMPUTE_PACE_MS } from "@/lib/recompute-generation";
import type { Actor } from "@/lib/auth/access";
import { getCase } from "@/lib/data/cases";
import { listApplications } from "@/lib/data/applications";
import { readApplicationFilters } from "@/lib/validation/applications";
import { answerFromCache, clearPageCache } from "@/lib/page-cache/serve";
import { cookieNames } from "@/lib/page-cache/policy";
import { FIGURES_ONLY_MARKER, sha256Source, STALE_MARKER } from "@/lib/page-cache/html";
import { recomputeEnded } from "@/lib/recompute-generation";
import { encode } from "next-auth/jwt";
import { sessionCookie } from "@/lib/auth/cookies";
import { sessionClaims } from "@/lib/auth/options";
import { actorForSessionToken } from "@/lib/auth/session-token";
import { openSession } from "@/lib/data/sessions";
import { endSession } from "@/lib/data/users";
import { env } from "@/lib/env";
import { makeActor, makeGroup } from "../support/fixtures";

/** A real session cookie for a user: a row in their sessions and a token naming it. */
async function signIn(actor: Actor): Promise<{ cookie: string; sessionId: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  const sessionId = await openSession(user.id, "test browser");
  const token = await encode({ token: sessionClaims({ ...user, sessionId }), secret: env.authSecret });
  return { cookie: `${sessionCookie().name}=${token}`, sessionId };
}

let MEMBER_COOKIE: string;
let member: Actor;
let otherMember: Actor;
let groupA: string;
let publicCase: string;
let privateCase: string;
let server: http.Server;
let origin: string;
/** What the renderer was asked for: path and the cookie it came with. */
const renders: { path: string; cookie: string }[] = [];
/** A page the renderer should write with an extra inline script of its own, a stale or figures-only marker, or a failure. */
const extra = { script: "", stale: false, figuresOnly: false, fail: false };

function page(body: string, payload: unknown): string {
  const rsc = JSON.stringify(payload).replace(/</g, "\\u003c");
  return `<!DOCTYPE html><html lang="en"><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main.js"/><script src="/_next/static/chunks/main.js" async=""></script><script src="/_next/static/chunks/polyfills.js" noModule=""></script></head><body>${body}${extra.stale ? `<span hidden ${STALE_MARKER}=""></span>` : ""}${extra.figuresOnly ? `<span hidden ${FIGURES_ONLY_MARKER}=""></span>` : ""}${extra.script}<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,${JSON.stringify(rsc)}])</script></body></html>`;
}

async function renderPage(path: string, cookie: string): Promise<{ status: number; html: string }> {
  const raw = cookieNames(cookie).get(sessionCookie().name);
  const actor = await actorForSessionToken(raw);
  const url = new URL(path, "http://x");
  const caseId = /^\/applications\/(.+)$/.exec(url.pathname)?.[1];
  if (caseId) {
    try {
      const c = await getCase(actor, caseId);
      return { status: 200, html: page(renderToStaticMarkup(h("main", null, h("h1", null, c.title), h("p", { "data-notes": "" }, c.notes))), { title: c.title, notes: c.notes }) };
    } catch {
      return { status: 404, html: page(renderToStaticMarkup(h("h1", null, "Not found")), {}) };
    }
  }
  const list = await listApplications(actor, readApplicationFilters(Object.fromEntries(url.searchParams)));
  return { status: 200, html: page(renderToStaticMarkup(h("ul", null, ...list.items.map((i) => h("li", { key: i.id }, i.title)))), list.items.map((i) => i.title)) };
}

beforeAll(async () => {
  groupA = (await makeGroup("cache-a", "Cache group A")).id;
  member = await makeActor("cache-member", [[groupA, "editor"]]);
  otherMember = await makeActor("cache-other", [[(await makeGroup("cache-b", "Cache group B")).id, "editor"]]);
  MEMBER_COOKIE = (await signIn(member)).cookie;
  const make = (title: string, isPublic: boolean, notes = "") => db.application.create({ data: { groupId: groupA, isPublic, title, notes, procedure: "notification", city: "Almaty", filedOn: "2025-03-01" } });
  publicCase = (await make("Picket for clean air <script>window.injected=1</script>", true, "Members-only note: meet at the back door")).id;
  privateCase = (await make("Secret planning meeting", false)).id;
  server = http.createServer((req, res) => {
    renders.push({ path: req.url ?? "", cookie: String(req.headers.cookie ?? "") });
    if (extra.fail) {
      res.writeHead(500);
      res.end("the renderer failed");
      return;
    }
    renderPage(req.url ?? "/", String(req.headers.cookie ?? "")).then(
      ({ status, html }) => {
        res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
        res.end(html);
      },
      (e) => {
        res.writeHead(500);
        res.end(String(e));
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  clearPageCache();
  renders.length = 0;
  extra.script = "";
  extra.stale = false;
  extra.figuresOnly = false;
  extra.fail = false;
});

const visit = (path: string, headers: Record<string, string> = {}) => answerFromCache(new Request(`https://tracker.test${path}`, { headers: { accept: "text/html", ...headers } }), { origin, https: true });

function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1])).map((m) => sha256Source(m[2]));
}

describe("the anonymous page cache", () => {
  it("renders a page once and serves the copy until a write moves the data version", async () => {
    const first = await visit("/applications");
    expect(first?.headers.get("x-tracker-cache")).toBe("miss");
    const second = await visit("/applications");
    expect(second?.headers.get("x-tracker-cache")).toBe("hit");
    expect(await second!.text()).toBe(await first!.text());
    expect(renders).toHaveLength(1);

    // A write (as any instance would make it): the next anonymous request sees it.
    await db.application.update({ where: { id: publicCase }, data: { title: "Picket for clean air, moved to Saturday" } });
    const after = await visit("/applications");
    expect(after?.headers.get("x-tracker-cache")).toBe("miss");
    expect(await after!.text()).toContain("Picket for clean air, moved to Saturday");
    expect(renders).toHaveLength(2);
    await db.application.update({ where: { id: publicCase }, data: { title: "Picket for clean air <script>window.injected=1</script>" } });
  });

  it("never answers a session cookie from the public copies: a forged or expired one goes to the renderer", async () => {
    await visit(`/applications/${publicCase}`);
    expect(await visit(`/applications/${publicCase}`, { cookie: `${sessionCookie().name}=forged` })).toBeNull();
    expect(await visit(`/applications/${publicCase}`, { cookie: "__Secure-next-auth.session-token=expired" })).toBeNull();
    const stale = await encode({ token: sessionClaims({ id: member.userId, name: "x", email: "x", sessionVersion: 0, sessionId: "x" }), secret: env.authSecret, maxAge: -60 });
    expect(await visit(`/applications/${publicCase}`, { cookie: `${sessionCookie().name}=${stale}` })).toBeNull();
    expect(renders).toHaveLength(1);
  });

  it("renders for nobody: the copy is made without the visitor's cookies and carries no members-only text", async () => {
    // A visitor with other cookies (a half-finished sign-in) and a member's cookie name nowhere.
    const res = await visit(`/applications/${publicCase}`, { cookie: "next-auth.csrf-token=abc; locale=ru" });
    const html = await res!.text();
    expect(renders.map((r) => r.cookie)).toEqual(["locale=ru"]);
    expect(html).toContain("Picket for clean air");
    expect(html).not.toContain("Members-only note");
    // The member's own page has it (the renderer does show it to members).
    expect((await renderPage(`/applications/${publicCase}`, MEMBER_COOKIE)).html).toContain("Members-only note");
    // Locales are kept apart.
    expect((await visit(`/applications/${publicCase}`, { cookie: "locale=en" }))?.headers.get("x-tracker-cache")).toBe("miss");
  });

  it("never keeps a private record: its address answers 404 every time, and the list leaves it out", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await visit(`/applications/${privateCase}`);
      expect(res?.status).toBe(404);
      expect(res?.headers.get("x-tracker-cache")).toBe("pass");
      expect(await res!.text()).not.toContain("Secret planning meeting");
    }
    expect(renders).toHaveLength(2);
    expect(await (await visit("/applications"))!.text()).not.toContain("Secret planning meeting");
  });

  it("sends a strict CSP whose hashes are exactly the cached copy's inline scripts", async () => {
    const res = await visit(`/applications/${publicCase}`);
    const html = await res!.text();
    const csp = res!.headers.get("content-security-policy") ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(csp)![1].split(" ");
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline'; script");
    expect(scriptSrc.some((s) => s.includes("unsafe-inline") || s.startsWith("'nonce-"))).toBe(false);
    expect(scriptSrc.filter((s) => s.startsWith("'sha256-")).sort()).toEqual(inlineScriptHashes(html).sort());
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    // Sourced scripts are loaded by a hashed loader ('strict-dynamic' trusts what it adds); their preloads and the legacy polyfills are gone.
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).not.toContain('rel="preload" as="script"');
    expect(html).toContain('"/_next/static/chunks/main.js"');
    expect(html).not.toContain("polyfills.js");
    // The record's <script> is text: escaped, not a script element.
    expect(html).toContain("&lt;script&gt;window.injected=1&lt;/script&gt;");
    expect(res!.headers.get("cache-control")).toBe("private, no-cache");
    // Revalidation: the same copy answers 304.
    const etag = res!.headers.get("etag")!;
    expect((await visit(`/applications/${publicCase}`, { "if-none-match": etag }))?.status).toBe(304);
  });

  it("does not vouch for an inline script the framework did not write, and keeps figures a recompute old only until the recompute ends", async () => {
    extra.script = "<script>window.injected=1</script>";
    expect(await visit("/applications")).toBeNull();
    extra.script = "";
    // Figures one recompute old: one render serves every visitor until a recompute ends…
    extra.stale = true;
    const states: (string | null | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await visit("/applications");
      states.push(res?.headers.get("x-tracker-cache"));
      expect(res?.headers.get("content-security-policy")).toMatch(/script-src 'self'( 'sha256-[^']+')+ 'strict-dynamic'/);
      expect(await res?.text()).toContain(STALE_MARKER);
    }
    expect(states).toEqual(["miss", "hit", "hit"]);
    expect(renders).toHaveLength(2);
    // …then the next visitor gets the page rendered with the recomputed figures, kept as usual.
    extra.stale = false;
    recomputeEnded();
    const fresh = await visit("/applications");
    expect(fresh?.headers.get("x-tracker-cache")).toBe("miss");
    expect(await fresh?.text()).not.toContain(STALE_MARKER);
    expect((await visit("/applications"))?.headers.get("x-tracker-cache")).toBe("hit");
    // A recompute ending changes nothing for a page rendered with exact figures.
    recomputeEnded();
    expect((await visit("/applications"))?.headers.get("x-tracker-cache")).toBe("hit");
    expect(renders).toHaveLength(3);
  });

  it("answers a page of background figures only from its last copy after a write, while the next copy renders", async () => {
    extra.figuresOnly = true;
    expect((await visit("/applications"))?.headers.get("x-tracker-cache")).toBe("miss");
    await db.application.create({ data: { groupId: groupA, isPublic: true, title: "Rally counted in the figures", procedure: "notification", city: "Almaty", filedOn: "2025-04-01" } });
    // No visitor waits for the render: the last copy answers, and the next one is rendered behind it.
    const old = await visit("/applications");
    expect(old?.headers.get("x-tracker-cache")).toBe("refresh");
    expect(await old!.text()).not.toContain("Rally counted in the figures");
    expect(old?.headers.get("content-security-policy")).toMatch(/script-src 'self'( 'sha256-[^']+')+ 'strict-dynamic'/);
    // With only writes since (no recompute ended), it is rendered again at most once per
    // RECOMPUTE_PACE_MS after the last render: not yet, a moment after the first.
    await visit("/applications");
    expect(renders).toHaveLength(1);
    const started = Date.now();
    let next: Response | null = null;
    for (let i = 0; i < 300 && next?.headers.get("x-tracker-cache") !== "hit"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      next = await visit("/applications");
    }
    expect(next?.headers.get("x-tracker-cache")).toBe("hit");
    expect(await next!.text()).toContain("Rally counted in the figures");
    expect(renders).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(RECOMPUTE_PACE_MS + 1_000);

    // A copy whose next render fails is not served again: the renderer answers the visitor after.
    extra.fail = true;
    await db.application.create({ data: { groupId: groupA, isPublic: true, title: "Picket after a failure", procedure: "notification", city: "Almaty", filedOn: "2025-04-02" } });
    expect((await visit("/applications"))?.headers.get("x-tracker-cache")).toBe("refresh");
    let after: Response | null | undefined;
    for (let i = 0; i < 300 && after !== null; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await visit("/applications");
    }
    expect(after).toBeNull();
  });

  it("keeps a member's own copy, rendered with their cookie, for them alone, until a write or their session ends", async () => {
    // Signed in before anything is kept: a sign-in is a write, which would set every copy aside.
    const mine = await signIn(member);
    const other = (await signIn(otherMember)).cookie;
    const path = `/applications/${publicCase}`;
    const first = await visit(path, { cookie: `locale=en; ${mine.cookie}` });
    expect(first?.headers.get("x-tracker-cache")).toBe("miss");
    const html = await first!.text();
    expect(html).toContain("Members-only note");
    expect(renders.map((r) => r.cookie)).toEqual([`locale=en; ${mine.cookie}`]);
    expect(first?.headers.get("content-security-policy")).toMatch(/script-src 'self'( 'sha256-[^']+')+ 'strict-dynamic'/);
    const again = await visit(path, { cookie: `locale=en; ${mine.cookie}` });
    expect(again?.headers.get("x-tracker-cache")).toBe("hit");
    expect(await again!.text()).toBe(html);
    // The same member on another device shares it; a visitor, another member, do not.
    expect((await visit(path, { cookie: `locale=en; ${MEMBER_COOKIE}` }))?.headers.get("x-tracker-cache")).toBe("hit");
    const visitor = await visit(path, { cookie: "locale=en" });
    expect(visitor?.headers.get("x-tracker-cache")).toBe("miss");
    expect(await visitor!.text()).not.toContain("Members-only note");
    const theirs = await visit(path, { cookie: `locale=en; ${other}` });
    expect(theirs?.headers.get("x-tracker-cache")).toBe("miss");
    expect(await theirs!.text()).not.toContain("Members-only note");
    // A private record: the member's copy shows it, nobody else's request is answered with it.
    const secret = await visit(`/applications/${privateCase}`, { cookie: mine.cookie });
    expect(await secret!.text()).toContain("Secret planning meeting");
    expect((await visit(`/applications/${privateCase}`, { cookie: mine.cookie }))?.headers.get("x-tracker-cache")).toBe("hit");
    expect((await visit(`/applications/${privateCase}`))?.status).toBe(404);
    const notTheirs = await visit(`/applications/${privateCase}`, { cookie: other });
    expect(notTheirs?.headers.get("x-tracker-cache")).toBe("pass");
    expect(await notTheirs!.text()).not.toContain("Secret planning meeting");
    // A write: the member's next request is rendered afresh.
    await db.application.update({ where: { id: publicCase }, data: { notes: "Members-only note: meet at the front" } });
    const after = await visit(path, { cookie: `locale=en; ${mine.cookie}` });
    expect(after?.headers.get("x-tracker-cache")).toBe("miss");
    expect(await after!.text()).toContain("meet at the front");
    // Signed out on this device: no copy for that cookie, not even the one just made.
    const before = renders.length;
    await endSession(member.userId, mine.sessionId);
    expect(await visit(path, { cookie: `locale=en; ${mine.cookie}` })).toBeNull();
    expect(renders).toHaveLength(before);
    // Removed from the group: their account changed, so does their copy (and it no longer shows the note).
    await db.membership.deleteMany({ where: { userId: member.userId, groupId: groupA } });
    const removed = await visit(path, { cookie: `locale=en; ${MEMBER_COOKIE}` });
    expect(removed?.headers.get("x-tracker-cache")).toBe("miss");
    expect(await removed!.text()).not.toContain("Members-only note");
    await db.membership.create({ data: { userId: member.userId, groupId: groupA, role: "editor" } });
    await db.application.update({ where: { id: publicCase }, data: { notes: "Members-only note: meet at the back door" } });
  });

  it("keeps no member's copies when TRACKER_PAGE_CACHE=anonymous", async () => {
    process.env.TRACKER_PAGE_CACHE = "anonymous";
    try {
      expect(await visit("/applications", { cookie: MEMBER_COOKIE })).toBeNull();
      expect((await visit("/applications"))?.headers.get("x-tracker-cache")).toBe("miss");
    } finally {
      delete process.env.TRACKER_PAGE_CACHE;
    }
  });

  it("leaves everything else to the renderer: other pages, client navigations, posts", async () => {
    expect(await visit("/applications/new")).toBeNull();
    expect(await visit("/signin")).toBeNull();
    expect(await visit("/applications", { rsc: "1" })).toBeNull();
    expect(await visit("/applications/new", { cookie: MEMBER_COOKIE })).toBeNull();
    expect(await visit("/applications?_rsc=abc")).toBeNull();
    expect(await answerFromCache(new Request("https://tracker.test/applications", { method: "POST" }), { origin, https: true })).toBeNull();
    expect(renders).toHaveLength(0);
  });
});
