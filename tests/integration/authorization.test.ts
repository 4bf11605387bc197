// Every page, route handler and server action × every role: anonymous, viewer, editor and
// admin of group A (which owns a complete, private case), an admin of another group B, and an
// operator of the server (a viewer of group B) who alone edits the shared reference data.
//
// The route files and the "use server" exports are enumerated from the file system, so a new
// page, route or action that is not in the tables below fails this suite until someone states
// who may use it — and then the walk checks that the code agrees:
//  - a role that is not allowed gets sign-in / not found / forbidden, never the content, and
//    (for actions) an error with nothing written to any table;
//  - an allowed role gets the page, the response, or the action's success.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { navigation } from "../support/setup";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  const { redirect } = await import("next/navigation");
  return {
    getActor: async () => session.actor,
    requireActor: async () => {
      if (!session.actor) throw new AppError("unauthenticated");
      return session.actor;
    },
    requirePageActor: async (callbackUrl = "/dashboard") => {
      if (!session.actor) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return session.actor;
    },
  };
});

// Server components translate through next-intl's request config, which only Next.js sets
// up: a translator that echoes "namespace.key" is enough to walk them (and lets the walk see
// an "errors.forbidden" notice).
vi.mock("next-intl/server", async () => {
  const { loadMessages } = await import("@/lib/i18n/catalogue");
  const translator = (ns?: unknown) => {
    const prefix = typeof ns === "string" ? ns : typeof ns === "object" && ns && "namespace" in ns ? String((ns as { namespace?: string }).namespace ?? "") : "";
    const t = (key: string) => (prefix ? `${prefix}.${key}` : key);
    return Object.assign(t, { rich: t, markup: t, raw: t, has: () => true });
  };
  // Not thenable, or awaiting it would never settle.
  const formatter = new Proxy({}, { get: (_t, key) => (key === "then" ? undefined : (v: unknown) => String(v)) });
  return {
    getTranslations: async (ns?: unknown) => translator(ns),
    getLocale: async () => "en",
    getMessages: async () => loadMessages("en"),
    getFormatter: async () => formatter,
    getNow: async () => new Date(),
    getTimeZone: async () => "Asia/Almaty",
    setRequestLocale: () => undefined,
    getRequestConfig: (fn: unknown) => fn,
  };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  draftMode: async () => ({ isEnabled: false }),
}));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import type { FormState } from "@/lib/actions/form-state";
import { resetLimits } from "@/lib/rate-limit";

import { ROOT, ROLES, LEVELS, ACTIONS, AUTH_ERRORS, makeFixture, snapshot, useServerFiles, callAction, type RoleName, type Level, type Fixture } from "../support/action-table";

beforeAll(async () => {
  await loadReference(db);
});
afterAll(() => db.$disconnect());

describe("server actions × roles", () => {
  const files = useServerFiles();

  it("every exported server action has a stated access level", async () => {
    const unlisted: string[] = [];
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, "lib/actions", file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function" && !ACTIONS[file]?.[name]) unlisted.push(`${file} ${name}`);
    }
    expect(unlisted, "add these to ACTIONS in tests/integration/authorization.test.ts with who may call them").toEqual([]);
  });

  for (const file of files) {
    for (const [name, spec] of Object.entries(ACTIONS[file] ?? {})) {
      it(`${file} ${name}: only ${LEVELS[spec.level].join(", ")}`, async () => {
        const mod = (await import(/* @vite-ignore */ path.join(ROOT, "lib/actions", file))) as Record<string, (...a: unknown[]) => Promise<FormState | void>>;
        const fn = mod[name];
        expect(fn, `${file} no longer exports ${name}`).toBeTypeOf("function");
        const fx = await makeFixture();
        const allowed = LEVELS[spec.level] as RoleName[];
        for (const role of ROLES.filter((r) => !allowed.includes(r))) {
          await resetLimits();
          session.actor = fx.actors[role];
          const before = await snapshot();
          const r = await callAction(fn, file, spec.entries(fx));
          const what = `${name} as ${role}`;
          if (r.kind === "redirect") expect.fail(`${what} redirected to ${r.to}: it must be refused`);
          if (r.kind === "error") expect.fail(`${what} threw ${(r.error as Error)?.message}: it must return an error state`);
          if (r.kind === "state") {
            expect(r.state?.ok, `${what} succeeded`).toBeFalsy();
            expect(AUTH_ERRORS, `${what} answered "${r.state?.message}", not an authorization error`).toContain(r.state?.message);
          }
          expect(await snapshot(), `${what} wrote to the database`).toBe(before);
        }
        // The least-privileged allowed role gets through (and so the input above is valid).
        const role = spec.succeedsAs ?? allowed.find((r) => ROLES.includes(r))!;
        await resetLimits();
        session.actor = fx.actors[role];
        const r = await callAction(fn, file, spec.entries(fx));
        const what = `${name} as ${role}`;
        if (r.kind === "error") expect.fail(`${what} threw ${(r.error as Error)?.stack}`);
        if (r.kind === "state" && file !== "locale.ts") expect(r.state, `${what} was refused: ${JSON.stringify(r.state)}`).toMatchObject(spec.outcome ?? { ok: true });
      });
    }
  }
});

// ───────────────────────────── pages and route handlers

type Outcome = "ok" | "signin" | "notfound" | "forbidden" | `redirect:${string}` | `status:${number}`;

/** Walks what a server component returns, running the async (server) components inside it. */
async function walk(node: unknown, seen: { text: string[]; types: string[] }, depth = 0): Promise<void> {
  if (depth > 60 || node === null || node === undefined || typeof node === "boolean") return;
  if (typeof node === "string" || typeof node === "number") {
    seen.text.push(String(node));
    return;
  }
  if (Array.isArray(node)) {
    for (const c of node) await walk(c, seen, depth + 1);
    return;
  }
  if (typeof (node as Promise<unknown>).then === "function") return walk(await node, seen, depth + 1);
  if (typeof node !== "object") return;
  const el = node as { type?: unknown; props?: Record<string, unknown> };
  if (typeof el.type === "function") {
    seen.types.push(el.type.name);
    if (el.type.constructor.name === "AsyncFunction") {
      await walk(await (el.type as (p: unknown) => Promise<unknown>)(el.props ?? {}), seen, depth + 1);
      return;
    }
  }
  for (const [k, v] of Object.entries(el.props ?? {})) {
    if (v && typeof v === "object") await walk(v, seen, depth + 1);
    else if (k === "children") await walk(v, seen, depth + 1);
  }
}

function classify(e: unknown): Outcome {
  const digest = (e as { digest?: string })?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
    const to = digest.split(";")[2] ?? "";
    return to.startsWith("/signin") ? "signin" : `redirect:${to}`;
  }
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "notfound";
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403")) return "forbidden";
  throw e;
}

async function renderPage(file: string, params: Record<string, string>, notice?: RegExp, searchParams: Record<string, string> = {}): Promise<Outcome> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as { default: (p: unknown) => unknown };
  const seen = { text: [] as string[], types: [] as string[] };
  try {
    // The (app) layout sends anonymous visitors to sign in before any page runs.
    if (file.startsWith("app/(app)/")) {
      const layout = (await import(/* @vite-ignore */ path.join(ROOT, "app/(app)/layout.tsx"))) as { default: (p: unknown) => unknown };
      await walk(await layout.default({ children: null }), seen);
    }
    await walk(await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) }), seen);
  } catch (e) {
    return classify(e);
  }
  if (seen.types.includes("Forbidden") || seen.text.some((t) => t === "errors.forbidden" || Boolean(notice?.test(t)))) return "forbidden";
  return "ok";
}

async function callRoute(file: string, method: string, params: Record<string, string>, urlPath: string, init: RequestInit = {}): Promise<Outcome> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  try {
    const res = await mod[method](new Request(`http://localhost${urlPath}`, { method, ...init }), { params: Promise.resolve(params) });
    if (res.status >= 300 && res.status < 400) {
      const to = res.headers.get("location") ?? "";
      return to.includes("/signin") ? "signin" : `redirect:${to}`;
    }
    if (res.status === 404 || res.status === 410) return "notfound";
    if (res.status === 401) return "signin";
    if (res.status === 403) return "forbidden";
    if (res.ok) return "ok";
    return `status:${res.status}`;
  } catch (e) {
    return classify(e);
  }
}

interface RouteSpec {
  level: Level;
  /** Route params from the fixture; the URL for route handlers. */
  params?: (fx: Fixture) => Record<string, string>;
  url?: (fx: Fixture) => string;
  /** Route handlers: which methods, and a request init per method. */
  methods?: string[];
  init?: (fx: Fixture) => RequestInit;
  /** Not walked role by role: why, and a check that the reason still holds. */
  exempt?: { why: string; check: (fx: Fixture) => Promise<void> };
  /** A page that answers a denied role with a notice of its own instead of errors.forbidden. */
  notice?: RegExp;
}

const PAGES: Record<string, RouteSpec> = {
  "app/page.tsx": { level: "anyone" },
  "app/bench/bare/page.tsx": {
    level: "anyone",
    exempt: {
      why: "the benchmark's baseline: a 404 for everyone unless the server runs with BENCH_PAGES=1",
      check: async (fx) => {
        for (const role of ROLES) {
          session.actor = fx.actors[role];
          expect(await renderPage("app/bench/bare/page.tsx", {}), role).toBe("notfound");
        }
      },
    },
  },
  "app/(public)/signin/page.tsx": { level: "anyone" },
  "app/(public)/signin/code/page.tsx": {
    level: "anyone",
    exempt: {
      why: "the second sign-in step: without a pending sign-in cookie (a correct password a moment ago) it sends everyone, signed in or not, back to the first step (two-factor.test.ts covers the way through)",
      check: async () => {
        session.actor = null;
        expect(await renderPage("app/(public)/signin/code/page.tsx", {})).toBe("signin");
      },
    },
  },
  "app/(public)/applications/page.tsx": { level: "anyone" },
  "app/(public)/applications/[id]/page.tsx": { level: "memberOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(public)/appeals/page.tsx": { level: "anyone" },
  "app/(public)/incidents/page.tsx": { level: "anyone" },
  "app/(public)/incidents/[id]/page.tsx": { level: "memberOfA", params: (fx) => ({ id: fx.incidentId }) },
  "app/(public)/sources/page.tsx": { level: "anyone" },
  "app/(public)/search/page.tsx": { level: "anyone" },
  "app/(public)/sources/[slug]/page.tsx": { level: "memberOfA", params: (fx) => ({ slug: fx.sourceSlug }) },
  "app/(public)/stats/page.tsx": { level: "anyone" },
  "app/(public)/invite/[token]/page.tsx": { level: "anyone", params: (fx) => ({ token: fx.invitationToken }) },
  // Account recovery: for whoever holds the emailed link (its token in a cookie, accounts.test.ts).
  "app/(public)/password-reset/page.tsx": { level: "anyone" },
  "app/(public)/password-reset/new/page.tsx": { level: "anyone" },
  "app/(public)/account/lock/confirm/page.tsx": { level: "anyone" },
  "app/(public)/account/locked/page.tsx": { level: "anyone" },
  "app/(public)/account/deleted/page.tsx": { level: "anyone" },
  "app/(app)/dashboard/page.tsx": { level: "signedIn" },
  "app/(app)/applications/new/page.tsx": { level: "editorSomewhere", notice: /\.noWritableGroup$/ },
  "app/(app)/applications/[id]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/answers/new/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/answers/[answerId]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId, answerId: fx.answerId }) },
  "app/(app)/applications/[id]/appeals/new/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/events/new/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/events/[eventId]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId, eventId: fx.eventId }) },
  "app/(app)/applications/[id]/case-file/page.tsx": { level: "memberOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/filings/page.tsx": { level: "memberOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/filings/[kind]/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId, kind: "complaint" }), notice: /\.viewerCannot$/ },
  "app/(app)/appeals/[stageId]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.stageId }) },
  "app/(app)/appeals/[stageId]/hearings/new/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.stageId }) },
  "app/(app)/appeals/[stageId]/ruling/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.stageId }) },
  "app/(app)/appeals/[stageId]/ruling/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.ruledStageId }) },
  "app/(app)/appeals/[stageId]/hearings/[hearingId]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.stageId, hearingId: fx.hearingId }) },
  "app/(app)/incidents/new/page.tsx": { level: "editorSomewhere" },
  "app/(app)/incidents/[id]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.incidentId }) },
  "app/(app)/settings/page.tsx": { level: "signedIn" },
  "app/(app)/settings/members/page.tsx": { level: "memberSomewhere" },
  "app/(app)/settings/tokens/page.tsx": { level: "signedIn" },
  "app/(app)/settings/calendar/page.tsx": { level: "signedIn" },
  "app/(app)/settings/delivery/page.tsx": { level: "adminSomewhere" },
  "app/(app)/settings/security/page.tsx": { level: "signedIn" },
  "app/(app)/settings/export/page.tsx": { level: "signedIn" },
  "app/(app)/settings/import/page.tsx": { level: "signedIn" },
  "app/(app)/settings/import/[id]/page.tsx": {
    level: "editorOfA",
    exempt: {
      why: "a pending import is its uploader's alone (here A's editor): A's admin and viewer find nothing, like every other role",
      check: async (fx) => {
        for (const role of ROLES) {
          session.actor = fx.actors[role];
          const got = await renderPage("app/(app)/settings/import/[id]/page.tsx", { id: fx.importBatchId });
          expect(got, role).toBe(role === "editor" ? "ok" : role === "anonymous" ? "signin" : "notfound");
        }
      },
    },
  },
  "app/(app)/settings/rules/page.tsx": { level: "signedIn" },
  "app/(app)/settings/rules/[id]/page.tsx": { level: "operator", params: (fx) => ({ id: fx.ruleId }) },
  "app/(app)/settings/holidays/page.tsx": { level: "signedIn" },
  "app/(app)/settings/standards/page.tsx": { level: "signedIn" },
  "app/(app)/settings/filings/page.tsx": { level: "signedIn" },
  // Anyone signed in may read a template and preview it; saving a version is the operators' (saveTemplateAction).
  "app/(app)/settings/filings/[kind]/[locale]/page.tsx": { level: "signedIn", params: () => ({ kind: "complaint", locale: "ru" }) },
  "app/(app)/settings/standards/[id]/page.tsx": { level: "operator", params: (fx) => ({ id: fx.standardId }), notice: /\.onlyOperators$/ },
};

const ROUTES: Record<string, RouteSpec> = {
  "app/api/health/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/health" },
  // The service worker script: the same public file for everyone (components/offline).
  "app/sw.js/route.ts": { level: "anyone", methods: ["GET"], url: () => "/sw.js" },
  "app/api/ready/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/ready" },
  // A file of A's case (the fixture's generated filing): its members read it, everyone else gets 404.
  "app/files/[id]/route.ts": { level: "memberOfA", methods: ["GET"], params: (fx) => ({ id: fx.filingId }), url: (fx) => `/files/${fx.filingId}` },
  "app/files/[id]/thumb/route.ts": { level: "memberOfA", methods: ["GET"], params: (fx) => ({ id: fx.filingId }), url: (fx) => `/files/${fx.filingId}/thumb` },
  "app/files/route.ts": {
    level: "editorOfA",
    exempt: {
      why: "multipart upload answering JSON: each role posts a real PDF to A's case; only A's editors and admins attach it",
      check: async (fx) => {
        const { PDFDocument } = await import("pdf-lib");
        const pdf = await PDFDocument.create();
        pdf.addPage();
        const bytes = await pdf.save();
        for (const role of ROLES) {
          await resetLimits();
          session.actor = fx.actors[role];
          const before = await db.attachment.count({ where: { applicationId: fx.appId, deletedAt: null } });
          const fd = new FormData();
          for (const [k, v] of Object.entries({ subjectType: "application", subjectId: fx.appId, kind: "evidence", title: `by ${role}`, documentDate: "", returnTo: `/applications/${fx.appId}` })) fd.append(k, v);
          fd.append("files", new File([new Uint8Array(bytes)], "scan.pdf", { type: "application/pdf" }));
          const headers = new Headers({ host: "localhost", origin: "http://localhost", accept: "application/json" });
          const mod = (await import(/* @vite-ignore */ path.join(ROOT, "app/files/route.ts"))) as { POST: (req: Request) => Promise<Response> };
          const res = await mod.POST(new Request("http://localhost/files", { method: "POST", body: fd, headers }));
          const after = await db.attachment.count({ where: { applicationId: fx.appId, deletedAt: null } });
          if ((LEVELS.editorOfA as readonly string[]).includes(role)) expect(after, `POST /files as ${role}`).toBe(before + 1);
          else {
            expect(after, `POST /files as ${role} attached a file`).toBe(before);
            expect(res.status === 200 ? ((await res.json()) as { ok: boolean }).ok : false, `POST /files as ${role}`).toBe(false);
          }
        }
      },
    },
  },
  "app/s/[token]/files/[id]/route.ts": {
    level: "anyone",
    exempt: {
      why: "a share link's own capability, not a role: documents.test.ts fetches a file through links with and without the documents section",
      check: async (fx) => {
        // Whoever calls, a made-up token reaches no file.
        for (const role of ROLES) {
          session.actor = fx.actors[role];
          const got = await callRoute("app/s/[token]/files/[id]/route.ts", "GET", { token: "not-a-token", id: fx.filingId }, `/s/not-a-token/files/${fx.filingId}`);
          expect(got, role).not.toBe("ok");
        }
      },
    },
  },
  "app/api/auth/[...nextauth]/route.ts": {
    level: "anyone",
    exempt: {
      why: "next-auth's own handler (sign-in is tested in sign-in.test.ts and the browser suite)",
      check: async () => {
        // Nothing of ours in the route: only next-auth over our options (built per request, for
        // the cookies' Secure flag), with email + password only.
        const src = fs.readFileSync(path.join(ROOT, "app/api/auth/[...nextauth]/route.ts"), "utf8");
        expect(src).toMatch(/NextAuth\(req[^\n]*authOptionsFor\(/);
        expect(src.split("\n").filter((l) => l.trim() && !l.startsWith("import") && !l.trim().startsWith("//")).length).toBeLessThanOrEqual(5);
        const { authOptions, authOptionsFor } = await import("@/lib/auth/options");
        expect(authOptions.providers.map((p) => p.id)).toEqual(["credentials"]);
        for (const https of [true, false]) expect(authOptionsFor(https).providers.map((p) => p.id)).toEqual(["credentials"]);
      },
    },
  },
  "app/api/v1/openapi.json/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/v1/openapi.json" },
  "app/api/v1/stats/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/v1/stats" },
  "app/api/v1/search/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/v1/search?q=march" },
  "app/api/v1/applications/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/v1/applications" },
  "app/api/v1/applications/[id]/route.ts": { level: "memberOfA", methods: ["GET"], params: (fx) => ({ id: fx.appId }), url: (fx) => `/api/v1/applications/${fx.appId}` },
  "app/(app)/settings/import/template/route.ts": { level: "signedIn", methods: ["GET"], url: () => "/settings/import/template?format=csv" },
  "app/(app)/settings/import/upload/route.ts": {
    level: "editorOfA",
    exempt: {
      why: "a multipart upload answered with a redirect: each role posts a spreadsheet for A; only A's editors and admins get a pending import",
      check: async (fx) => {
        for (const role of ROLES) {
          session.actor = fx.actors[role];
          const before = await db.importBatch.count({ where: { groupId: fx.groupA } });
          const fd = new FormData();
          fd.append("kind", "sheet");
          fd.append("groupId", fx.groupA);
          fd.append("file", new File(["Название;Форма\nПикет;Пикет\n"], "a.csv", { type: "text/csv" }));
          const mod = (await import(/* @vite-ignore */ path.join(ROOT, "app/(app)/settings/import/upload/route.ts"))) as { POST: (req: Request) => Promise<Response> };
          const res = await mod.POST(new Request("http://localhost/settings/import/upload", { method: "POST", body: fd, headers: { host: "localhost", origin: "http://localhost" } }));
          const after = await db.importBatch.count({ where: { groupId: fx.groupA } });
          if ((LEVELS.editorOfA as readonly string[]).includes(role)) {
            expect(after, `upload as ${role}`).toBe(before + 1);
            expect(res.headers.get("location"), role).toMatch(/^\/settings\/import\/[A-Za-z0-9_-]+$/);
          } else {
            expect(after, `upload as ${role} kept a file`).toBe(before);
            expect(res.status === 403 || (res.headers.get("location") ?? "").startsWith("/signin"), `upload as ${role}: ${res.status}`).toBe(true);
          }
        }
      },
    },
  },
  "app/api/v1/export/route.ts": { level: "memberOfA", methods: ["GET"], url: (fx) => `/api/v1/export?group=${fx.groupA}` },
  "app/(public)/stats/csv/[table]/route.ts": { level: "anyone", methods: ["GET"], params: () => ({ table: "grounds" }), url: () => "/stats/csv/grounds" },
  "app/(app)/applications/[id]/filings/[kind]/download/route.ts": {
    level: "editorOfA",
    methods: ["GET", "POST"],
    params: (fx) => ({ id: fx.appId, kind: "complaint" }),
    url: (fx) => `/applications/${fx.appId}/filings/complaint/download?locale=ru&format=docx`,
  },
  "app/(app)/applications/[id]/filings/saved/[fileId]/route.ts": {
    level: "memberOfA",
    methods: ["GET"],
    params: (fx) => ({ id: fx.appId, fileId: fx.filingId }),
    url: (fx) => `/applications/${fx.appId}/filings/saved/${fx.filingId}`,
  },
  "app/(app)/applications/[id]/case-file/pdf/route.ts": { level: "memberOfA", methods: ["GET"], params: (fx) => ({ id: fx.appId }), url: (fx) => `/applications/${fx.appId}/case-file/pdf` },
  // Share links are opened by whoever holds the token (a lawyer without an account).
  // Email links: they only move the token into a cookie and redirect (accounts.test.ts).
  "app/(public)/password-reset/link/route.ts": {
    level: "anyone",
    exempt: {
      why: "an email link: for everyone alike it moves the token into a cookie and redirects to the clean form (accounts.test.ts)",
      check: async () => {
        for (const role of ROLES) expect(await callRoute("app/(public)/password-reset/link/route.ts", "GET", {}, "/password-reset/link?t=some-token-some-token"), role).toBe("redirect:/password-reset/new");
      },
    },
  },
  "app/(public)/account/lock/route.ts": {
    level: "anyone",
    exempt: {
      why: "an email link: for everyone alike it moves the token into a cookie and redirects to the confirmation page (accounts.test.ts)",
      check: async () => {
        for (const role of ROLES) expect(await callRoute("app/(public)/account/lock/route.ts", "GET", {}, "/account/lock?t=some-token-some-token"), role).toBe("redirect:/account/lock/confirm");
      },
    },
  },
  "app/s/[token]/route.ts": { level: "anyone", methods: ["GET"], params: (fx) => ({ token: fx.shareToken }), url: (fx) => `/s/${fx.shareToken}` },
  "app/s/[token]/pdf/route.ts": { level: "anyone", methods: ["GET"], params: (fx) => ({ token: fx.shareToken }), url: (fx) => `/s/${fx.shareToken}/pdf` },
  // A calendar feed is read by whoever holds its secret (a calendar app sends no session).
  "app/api/calendar/[token]/route.ts": { level: "anyone", methods: ["GET"], params: (fx) => ({ token: fx.calendarFeedToken }), url: (fx) => `/api/calendar/${fx.calendarFeedToken}` },
  "app/(app)/applications/[id]/calendar/[event]/route.ts": {
    level: "memberOfA",
    methods: ["GET"],
    params: (fx) => ({ id: fx.appId, event: "hearing" }),
    url: (fx) => `/applications/${fx.appId}/calendar/hearing`,
  },
  "app/api/telegram/[secret]/route.ts": {
    level: "anyone",
    exempt: {
      why: "Telegram's webhook: it answers only to TELEGRAM_WEBHOOK_SECRET in the path and header (walked in telegram.test.ts)",
      check: async () => {
        const { POST } = await import("@/app/api/telegram/[secret]/route");
        const res = await POST(new Request("http://localhost/api/telegram/x", { method: "POST", body: "{}" }), { params: Promise.resolve({ secret: "x" }) });
        expect(res.status).toBe(404);
      },
    },
  },
};

function routeFiles(): { pages: string[]; routes: string[] } {
  const pages: string[] = [];
  const routes: string[] = [];
  const visit = (dir: string) => {
    for (const d of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${d.name}`;
      if (d.isDirectory()) visit(rel);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(d.name)) pages.push(rel);
      else if (/^route\.(tsx|ts|jsx|js)$/.test(d.name)) routes.push(rel);
    }
  };
  visit("app");
  return { pages: pages.sort(), routes: routes.sort() };
}

/** What a denied role must see: no content, and no hint that another group's record exists. */
function checkDenied(what: string, role: RoleName, level: Level, got: Outcome) {
  expect(got, `${what} as ${role} got the content`).not.toBe("ok");
  if ((role === "outsider" || role === "loner" || role === "operator") && level.endsWith("OfA")) expect(got, `${what} as ${role} must look missing`).toBe("notfound");
}

describe("pages and route handlers × roles", () => {
  const { pages, routes } = routeFiles();

  it("every page and route handler has a stated access level", () => {
    expect(pages.filter((p) => !PAGES[p]), "add these pages to PAGES in tests/integration/authorization.test.ts").toEqual([]);
    expect(routes.filter((r) => !ROUTES[r]), "add these route handlers to ROUTES in tests/integration/authorization.test.ts").toEqual([]);
  });

  for (const file of [...pages, ...routes]) {
    const exempt = (PAGES[file] ?? ROUTES[file])?.exempt;
    if (exempt) it(`${file}: exempt — ${exempt.why}`, async () => exempt.check(await makeFixture()));
  }

  for (const file of pages) {
    const spec = PAGES[file];
    if (!spec || spec.exempt) continue;
    it(`${file}: ${LEVELS[spec.level].join(", ")}`, async () => {
      const fx = await makeFixture();
      const allowed = LEVELS[spec.level] as RoleName[];
      for (const role of ROLES) {
        session.actor = fx.actors[role];
        navigation.redirects.length = 0;
        const got = await renderPage(file, spec.params?.(fx) ?? {}, spec.notice);
        if (allowed.includes(role)) expect(got, `${file} as ${role}`).toBe("ok");
        else checkDenied(file, role, spec.level, got);
      }
    });
  }

  for (const file of routes) {
    const spec = ROUTES[file];
    if (!spec || spec.exempt) continue;
    it(`${file}: ${LEVELS[spec.level].join(", ")}`, async () => {
      const fx = await makeFixture();
      const allowed = LEVELS[spec.level] as RoleName[];
      for (const method of spec.methods ?? ["GET"]) {
        for (const role of ROLES) {
          await resetLimits();
          session.actor = fx.actors[role];
          // The open data API knows callers by their personal token, not the browser session.
          const bearer = spec.url!(fx).startsWith("/api/v1/") && fx.tokens[role] ? { authorization: `Bearer ${fx.tokens[role]}` } : undefined;
          const got = await callRoute(file, method, spec.params?.(fx) ?? {}, spec.url!(fx), { ...spec.init?.(fx), ...(bearer ? { headers: bearer } : {}) });
          if (allowed.includes(role)) expect(got, `${method} ${file} as ${role}`).toBe("ok");
          else checkDenied(`${method} ${file}`, role, spec.level, got);
        }
      }
    });
  }
});

describe("every response is hardened (proxy.ts)", () => {
  it("sets a nonce CSP that forbids framing, and the other security headers, on pages, API and assets", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    const nonces = new Set<string>();
    for (const p of ["/", "/applications", "/api/v1/stats", "/_next/static/chunks/app.js", "/s/some-token"]) {
      // A member's request (a session cookie): always rendered for them, with a nonce.
      const res = await proxy(new NextRequest(`http://localhost${p}`, { headers: { cookie: "next-auth.session-token=x" } }));
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options"), p).toBe("nosniff");
      // Same-origin only (a form posted before JavaScript loads needs its Origin); none from a shared case file.
      expect(res.headers.get("referrer-policy"), p).toBe(p.startsWith("/s/") ? "no-referrer" : "same-origin");
      expect(res.headers.get("x-frame-options"), p).toBe("DENY");
      expect(res.headers.get("strict-transport-security"), `${p} over plain HTTP`).toBeNull();
      // The share page (/s/…) is a script-free document with its own policy, like the API; built files get the API's, without a nonce.
      if (!p.startsWith("/api/") && !p.startsWith("/s/") && !p.startsWith("/_next/static/")) {
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        expect(nonce, p).toMatch(/^[A-Za-z0-9+/]{22}==$/);
        nonces.add(nonce!);
        expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
        // Next.js reads the nonce from the request's CSP to put it on its own scripts.
        expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
      } else {
        expect(csp).toContain("default-src 'none'");
      }
    }
    expect(nonces.size, "a fresh nonce per request").toBe(2);
  });

  it("adds HSTS and upgrade-insecure-requests over HTTPS, also behind a TLS proxy", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    for (const req of [new NextRequest("https://tracker.example/"), new NextRequest("http://127.0.0.1:3000/", { headers: { "x-forwarded-proto": "https" } })]) {
      const res = await proxy(req);
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{8,}/);
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    }
  });
});
