// Hostile or unusual requests get a clear answer, never a crash or a weaker policy: field
// names nested without end, bodies far larger than any form, the share page's own CSP, and
// the session cookie's Secure flag behind a TLS-terminating proxy.
import { beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })), get: (n: string) => (request.cookies.has(n) ? { name: n, value: request.cookies.get(n) } : undefined) }),
}));
vi.mock("@/lib/auth/session", () => import("../support/session"));
// The route hands next-auth the options for this request; the test keeps them and signs in
// through next-auth's own core with them (its route wrapper reads next/headers by require,
// which a test cannot stand in for).
const nextAuth = vi.hoisted(() => ({ options: null as unknown }));
vi.mock("next-auth", () => ({
  default: (_req: unknown, _ctx: unknown, options: unknown) => {
    nextAuth.options = options;
    return new Response(null, { status: 204 });
  },
}));

import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { resetLimits } from "@/lib/rate-limit";
import { proxy } from "@/proxy";
import { SHARE_CSP } from "@/lib/security/headers";
import { createApplicationAction } from "@/lib/actions/applications";
import { addEventAction } from "@/lib/actions/events";
import { initialFormState } from "@/lib/actions/form-state";
import { GET as shareGET } from "@/app/s/[token]/route";
import { GET as authGET } from "@/app/api/auth/[...nextauth]/route";
import { createRequire } from "node:module";
import path from "node:path";
import { makeActor, makeGroup } from "../support/fixtures";
import { session } from "../support/session";

beforeEach(async () => {
  await resetLimits();
  request.headers = new Headers();
  request.cookies = new Map();
});

describe("field names nested without end", () => {
  const deep = (n: number) => `a${".b".repeat(n)}`;

  it("an action answers with a clear message, not a crash, and saves nothing", async () => {
    const group = await makeGroup("deep", "Deep");
    session.actor = await makeActor("Deep editor", [[group.id, "editor"]]);
    const before = await db.application.count();
    for (const key of [deep(200_000), `a${"[0]".repeat(200_000)}`, deep(6)]) {
      const fd = new FormData();
      fd.append("title", "Deep");
      fd.append(key, "x");
      const state = await createApplicationAction(initialFormState, fd);
      expect(state).toMatchObject({ ok: false, message: "form_too_deep" });
    }
    const events = new FormData();
    events.append(deep(100_000), "x");
    expect(await addEventAction(initialFormState, events)).toMatchObject({ ok: false, message: "form_too_deep" });
    expect(await db.application.count()).toBe(before);
  });
});

describe("a body far larger than any form", () => {
  const big = String(10 * 1024 * 1024);

  for (const path of ["/applications/new", "/api/v1/applications", "/s/some-token", "/api/auth/callback/credentials"]) {
    it(`answers 413 at ${path} before anything reads it`, async () => {
      const res = await proxy(new NextRequest(`http://tracker.test${path}`, { method: "POST", headers: { "content-length": big, "next-action": "abc" } }));
      expect(res.status).toBe(413);
      const text = await res.text();
      expect(text).toContain(path.startsWith("/api/") ? "payload_too_large" : "too large");
    });
  }

  it("lets a form-sized body through", async () => {
    const res = await proxy(new NextRequest("http://tracker.test/applications/new", { method: "POST", headers: { "content-length": "20000" } }));
    expect(res.status).toBe(200);
  });
});

describe("the share page's CSP", () => {
  it("is its own default-src 'none' policy, in the route and in the proxy alike", async () => {
    const page = await shareGET(new Request("http://tracker.test/s/not-a-token"), { params: Promise.resolve({ token: "not-a-token" }) });
    expect(page.headers.get("content-security-policy")).toBe(SHARE_CSP);
    for (const path of ["/s/not-a-token", "/s/not-a-token/pdf"]) {
      const viaProxy = await proxy(new NextRequest(`http://tracker.test${path}`));
      expect(viaProxy.headers.get("content-security-policy")).toBe(SHARE_CSP);
    }
    expect(SHARE_CSP).toMatch(/^default-src 'none'/);
    // Pages keep theirs.
    expect((await proxy(new NextRequest("http://tracker.test/applications", { headers: { cookie: "next-auth.session-token=x" } }))).headers.get("content-security-policy")).toMatch(/^default-src 'self'/);
  });
});

describe("the session cookie behind a TLS-terminating proxy", () => {
  type Cookie = { name: string; value: string; options: { secure?: boolean } };
  type Internal = { body?: unknown; cookies?: Cookie[] };
  // next-auth's core is not in its package exports: loaded by file.
  const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as { AuthHandler: (a: unknown) => Promise<unknown> };
  const core = (req: Record<string, unknown>, options: unknown) => AuthHandler({ req: req as never, options: options as never }) as Promise<Internal>;

  /** Signs in through the real next-auth core, with the options the route builds for this request. */
  async function signIn(proto: string | null): Promise<Cookie[]> {
    await db.user.deleteMany({ where: { email: "cookie@example.test" } });
    await db.user.create({ data: { email: "cookie@example.test", name: "Cookie", passwordHash: await hashPassword("a-long-enough-password") } });
    const headers = { host: "tracker.test", "x-forwarded-for": "203.0.113.5", ...(proto ? { "x-forwarded-proto": proto } : {}) };
    request.headers = new Headers(headers);
    nextAuth.options = null;
    await authGET(new NextRequest("http://tracker.test/api/auth/csrf", { headers }), { params: Promise.resolve({ nextauth: ["csrf"] }) });
    const options = { ...(nextAuth.options as Record<string, unknown>) };
    expect(options).toBeTruthy();
    const csrf = await core({ method: "GET", action: "csrf", headers, cookies: {}, query: {} }, options);
    const csrfCookie = csrf.cookies!.find((c) => c.name.includes("csrf-token"))!;
    const res = await core(
      {
        method: "POST",
        action: "callback",
        providerId: "credentials",
        headers,
        cookies: { [csrfCookie.name]: csrfCookie.value },
        query: {},
        body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email: "cookie@example.test", password: "a-long-enough-password", callbackUrl: "/dashboard" },
      },
      options,
    );
    return res.cookies ?? [];
  }

  it("is Secure when the request came over HTTPS (X-Forwarded-Proto), though NEXTAUTH_URL is unset", async () => {
    expect(process.env.NEXTAUTH_URL ?? "").not.toMatch(/^https:/);
    const cookie = (await signIn("https")).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie?.value).toBeTruthy();
    expect(cookie?.options.secure).toBe(true);
  });

  it("is not Secure over plain HTTP, under the same name (so the server finds it either way)", async () => {
    const https = (await signIn("https")).find((c) => c.name.endsWith("next-auth.session-token"));
    const http = (await signIn(null)).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(http?.value).toBeTruthy();
    expect(http?.options.secure).toBe(false);
    expect(http?.name).toBe(https?.name);
  });
});
