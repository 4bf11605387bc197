// Hostile input through every form action and API filter: script tags, SQL fragments, very
// long strings, wrong types, Unicode edge cases (RTL override, zero-width, emoji, NUL, lone
// surrogates), extra fields that try to move a record to another group, and oversized
// bodies. Each must give a clear error (a catalogue key, nothing written) or store a harmless
// value (kept as data, no other record touched) — never an unexpected failure.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    getActor: async () => session.actor,
    requireActor: async () => {
      if (!session.actor) throw new AppError("unauthenticated");
      return session.actor;
    },
    requirePageActor: async () => session.actor,
  };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
}));

import { db } from "@/lib/db";
import { isPostgresUrl } from "@/lib/db-url";
import { loadReference } from "@/prisma/seed/reference";
import { resetLimits } from "@/lib/rate-limit";
import { formToObject } from "@/lib/validation/form-data";
import { ACTIONS, LEVELS, ROOT, callAction, makeFixture, useServerFiles, type Entries, type Fixture, type RoleName } from "../support/action-table";

const postgres = isPostgresUrl(process.env.DATABASE_URL ?? "");
/** Every message key of a language, by its last segment: forms translate errors from their own namespace or "errors". */
function catalogueKeys(locale: string): Set<string> {
  const keys = new Set<string>();
  const visit = (o: unknown) => {
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      keys.add(k);
      if (v && typeof v === "object") visit(v);
    }
  };
  const dir = path.join(ROOT, "messages", locale);
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) visit(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
  return keys;
}
const errorKeys = catalogueKeys("en");
const errorKeysRu = catalogueKeys("ru");

const PAYLOADS: Record<string, string> = {
  script: `<script>alert(1)</script><img src=x onerror="alert(2)">`,
  sql: `x'); DROP TABLE "Application"; --`,
  long: "A".repeat(1_000_000),
  rtl: "\u202Etxt.exe\u202C",
  zeroWidth: "a\u200Bb\u200Dc\uFEFF",
  emoji: "👩🏽‍⚖️✊🏿🇰🇿",
  nul: "before\u0000after",
  loneSurrogate: "broken\uD800",
  blank: " \t\n\u00A0 ",
  number: "1e309",
};

/** Row counts of every table and the audit trail: "nothing changed" means these are equal. */
async function counts(): Promise<string> {
  const { Prisma } = await import("@/lib/generated/sqlite/client");
  // Rate-limit counters are operational state that a refused request rightly moves.
  const models = Object.values(Prisma.ModelName).filter((m) => m !== "RateLimit");
  const sql = models.map((m) => `SELECT '${m}' AS t, COUNT(*) AS n FROM "${m}"`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; n: bigint | number }[]>(sql);
  return rows.map((r) => `${r.t}=${Number(r.n)}`).join(",");
}

/** Everything group B owns: another group's data must never change. */
async function groupBState(fx: Fixture): Promise<string> {
  const [apps, incidents, members, people] = await Promise.all([
    db.application.findMany({ where: { groupId: fx.groupB }, orderBy: { id: "asc" } }),
    db.incident.findMany({ where: { groupId: fx.groupB }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { groupId: fx.groupB }, orderBy: { id: "asc" } }),
    db.person.findMany({ where: { groupId: fx.groupB }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify([apps, incidents, members, people]);
}

function checkClearError(what: string, state: { ok?: boolean; message?: string; errors?: Record<string, string[]> }) {
  expect(state.message, `${what}: a generic "unexpected" error means the input reached a crash`).not.toBe("unexpected");
  expect(errorKeys.has(state.message ?? ""), `${what}: "${state.message}" is not a message key in messages/en`).toBe(true);
  expect(errorKeysRu.has(state.message ?? ""), `${what}: "${state.message}" is not a message key in messages/ru`).toBe(true);
  for (const [field, keys] of Object.entries(state.errors ?? {})) {
    for (const k of keys) expect(errorKeys.has(k), `${what}: field ${field} error "${k}" is not a catalogue key`).toBe(true);
  }
}

beforeAll(async () => {
  await loadReference(db);
  // Another group with data of its own, to prove no hostile write reaches it.
});
afterAll(() => db.$disconnect());

const files = useServerFiles().filter((f) => f !== "locale.ts");

describe("hostile values in every field of every form action", () => {
  for (const file of files) {
    for (const [name, spec] of Object.entries(ACTIONS[file] ?? {})) {
      it(`${file} ${name}`, async () => {
        const mod = (await import(/* @vite-ignore */ path.join(ROOT, "lib/actions", file))) as Record<string, (...a: unknown[]) => Promise<unknown>>;
        const fx = await makeFixture();
        await db.application.create({ data: { groupId: fx.groupB, title: "B's own case", procedure: "notification" } });
        const role: RoleName = spec.succeedsAs ?? (LEVELS[spec.level] as RoleName[])[0];
        const base = spec.entries(fx);
        const bState = await groupBState(fx);
        const variants: [string, Entries][] = [];
        for (const key of Object.keys(base)) {
          for (const [pname, payload] of Object.entries(PAYLOADS)) variants.push([`${key}=${pname}`, { ...base, [key]: payload }]);
          variants.push([`${key} twice`, { ...base, [key]: ["one", "two"] }]);
          variants.push([`${key} missing`, Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))]);
        }
        // Mass assignment: fields the form does not have, naming another group or record.
        variants.push(["extra groupId", { ...base, groupId: fx.groupB, isPublic: "on", createdById: "x", version: "999" }]);

        for (const [label, entries] of variants) {
          await resetLimits();
          session.actor = fx.actors[role];
          const before = await counts();
          const r = await callAction(mod[name] as never, file, entries);
          const what = `${name} with ${label}`;
          if (r.kind === "error") expect.fail(`${what} threw: ${(r.error as Error)?.message}`);
          if (r.kind === "state" && r.state && !r.state.ok) {
            checkClearError(what, r.state);
            expect(await counts(), `${what} failed but wrote`).toBe(before);
          }
          expect(await groupBState(fx), `${what} touched another group's data`).toBe(bState);
        }
        // The tables are all still there (no fragment ran as SQL) and the case still belongs to A.
        expect(await db.application.count()).toBeGreaterThan(0);
        const app = await db.application.findUnique({ where: { id: fx.appId } });
        if (app) expect(app.groupId).toBe(fx.groupA);
      }, 120_000);
    }
  }

  it("stores accepted hostile text as inert data, byte for byte", async () => {
    const fx = await makeFixture();
    session.actor = fx.actors.editor;
    const { updateEventAction } = await import("@/lib/actions/events");
    for (const [pname, payload] of Object.entries(PAYLOADS)) {
      if (["long", "blank", "number"].includes(pname)) continue;
      const r = await callAction(updateEventAction as never, "events.ts", { id: fx.eventId, kind: "other", occurredOn: "2024-02-28", occurredOnPrecision: "day", description: payload });
      if (r.kind === "redirect") {
        const stored = (await db.event.findUniqueOrThrow({ where: { id: fx.eventId } })).description;
        // Kept as typed (at most trimmed or with NUL removed), never interpreted.
        expect([payload, payload.trim(), payload.replace(/\u0000/g, ""), payload.replace(/\uD800/g, "\uFFFD")], pname).toContain(stored);
      } else if (r.kind === "state") {
        checkClearError(`description=${pname}`, r.state as never);
      } else expect.fail(`${pname}: ${String(r.error)}`);
    }
    expect(await db.application.count()).toBeGreaterThan(0);
  });
});

describe("hostile form shapes", () => {
  it("an oversized body (many large fields) is answered quickly with a clear error", async () => {
    const fx = await makeFixture();
    session.actor = fx.actors.editor;
    const { createApplicationAction } = await import("@/lib/actions/applications");
    const entries: Entries = { groupId: fx.groupA, "organizerIds[]": [fx.groupA], title: "x".repeat(2_000_000), "parts.0.form": "march" };
    for (let i = 0; i < 200; i++) entries[`junk${i}`] = "y".repeat(50_000);
    const before = await counts();
    const started = Date.now();
    const r = await callAction(createApplicationAction as never, "applications.ts", entries);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.kind).toBe("state");
    if (r.kind === "state") checkClearError("oversized body", r.state as never);
    expect(await counts()).toBe(before);
  });

  it("many rows (hundreds of parts) are refused, not processed", async () => {
    const fx = await makeFixture();
    session.actor = fx.actors.editor;
    const { createApplicationAction } = await import("@/lib/actions/applications");
    const entries: Entries = { groupId: fx.groupA, "organizerIds[]": [fx.groupA], title: "Many parts" };
    for (let i = 0; i < 500; i++) entries[`parts.${i}.form`] = "march";
    const before = await counts();
    const r = await callAction(createApplicationAction as never, "applications.ts", entries);
    if (r.kind === "state") checkClearError("500 parts", r.state as never);
    else expect.fail(`500 parts: ${r.kind}`);
    expect(await counts()).toBe(before);
  });

  // Field names are the attacker's too: they must not walk into Object.prototype, and a huge
  // row index must not build a sparse array that takes seconds to compact.
  it("field names cannot reach Object.prototype", () => {
    const fd = new FormData();
    fd.append("__proto__.polluted", "yes");
    fd.append("constructor.prototype.polluted2", "yes");
    try {
      formToObject(fd);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
      delete (Object.prototype as Record<string, unknown>).polluted2;
    }
  });

  it("a huge row index does not cost seconds", () => {
    const fd = new FormData();
    fd.append("parts.99999999.form", "march");
    const started = Date.now();
    formToObject(fd);
    expect(Date.now() - started).toBeLessThan(200);
  });
});

describe("hostile API filters and page filters", () => {
  // What a query string can carry: a lone surrogate cannot arrive over HTTP (invalid UTF-8
  // decodes to U+FFFD), so it is sent as the raw bytes instead.
  const filterValues = [...Object.entries(PAYLOADS).filter(([k, v]) => k !== "loneSurrogate" && v.length < 10_000).map(([, v]) => v), "A".repeat(20_000), "-1", "99999999999999999999", "2024-13-45", "%", "_", "\\", "' OR '1'='1"];
  const rawQueries = ["%ED%A0%80", "%FF%FE", "%00", "%C0%AE%C0%AE", "%"];

  async function api(route: string, query: string): Promise<Response> {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, route))) as { GET: (r: Request, c: unknown) => Promise<Response> };
    return mod.GET(new Request(`http://localhost/x?${query}`), { params: Promise.resolve({ table: "grounds" }) });
  }

  for (const [route, params] of [
    ["app/api/v1/applications/route.ts", ["q", "year", "city", "authority", "group", "form", "outcome", "ground", "status", "sort", "page", "pageSize"]],
    ["app/api/v1/stats/route.ts", ["yearFrom", "yearTo", "city", "authority", "group", "form"]],
    ["app/(public)/stats/csv/[table]/route.ts", ["yearFrom", "city", "form"]],
  ] as const) {
    it(`${route}: a clear 400 or a normal answer, never a crash`, async () => {
      const fx = await makeFixture();
      session.actor = null;
      for (const p of params) {
        for (const v of filterValues) {
          await resetLimits();
          const res = await api(route, `${p}=${encodeURIComponent(v)}`);
          const what = `${route} ${p}=${JSON.stringify(v.slice(0, 30))}`;
          expect([200, 400], what).toContain(res.status);
          const body = await res.text();
          if (res.status === 400) expect(body, what).toMatch(/"error"/);
          // Nobody anonymous sees group A's private case, whatever the filter.
          expect(body.includes(fx.appId), `${what} leaked a private record`).toBe(false);
        }
        for (const raw of rawQueries) expect([200, 400], `${route} ${p}=${raw}`).toContain((await api(route, `${p}=${raw}`)).status);
        // The same parameter given twice.
        const twice = await api(route, `${p}=a&${p}=b`);
        expect([200, 400]).toContain(twice.status);
      }
      expect(await db.application.count()).toBeGreaterThan(0);
    }, 120_000);
  }

  it("the applications list reads any query string into safe filters", async () => {
    const { readApplicationFilters } = await import("@/lib/validation/applications");
    const { listApplications } = await import("@/lib/data/applications");
    const fx = await makeFixture();
    for (const v of filterValues) {
      const filters = readApplicationFilters({ q: v, year: v, city: v, page: v, sort: v, form: v, status: v, visibility: v });
      const result = await listApplications(null, filters);
      expect(result.items.some((i) => i.id === fx.appId)).toBe(false);
    }
    // Arrays where one value is expected.
    const filters = readApplicationFilters({ q: ["a", "b"], page: ["1", "2"] } as never);
    await expect(listApplications(null, filters)).resolves.toBeTruthy();
  });
});

describe("rate limits answer clearly", () => {
  it("invitation links: a client that keeps trying is told to wait (in both languages)", async () => {
    const fx = await makeFixture();
    session.actor = null;
    await resetLimits();
    const { acceptInvitationAction } = await import("@/lib/actions/invitations");
    let last: unknown = null;
    for (let i = 0; i < 40; i++) {
      const r = await callAction(acceptInvitationAction as never, "invitations.ts", { token: `wrong-${i}-${"t".repeat(40)}`, name: "X", password: "a long enough passphrase" });
      last = r.kind === "state" ? r.state : r;
    }
    expect(last).toMatchObject({ ok: false, message: "rate_limited" });
    expect(errorKeys.has("rate_limited") && errorKeysRu.has("rate_limited")).toBe(true);
    void fx;
  });

  it("the API answers 429 with Retry-After and a message", async () => {
    await resetLimits();
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, "app/api/v1/openapi.json/route.ts"))) as { GET: (r: Request) => Promise<Response> };
    const stats = (await import(/* @vite-ignore */ path.join(ROOT, "app/api/v1/stats/route.ts"))) as { GET: (r: Request) => Promise<Response> };
    void mod;
    let res: Response | null = null;
    for (let i = 0; i < 700; i++) {
      res = await stats.GET(new Request("http://localhost/api/v1/stats", { headers: { "x-forwarded-for": "198.51.100.77" } }));
      if (res.status === 429) break;
    }
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res?.text()).toMatch(/rate_limited|Too many/);
    await resetLimits();
  }, 120_000);
});

if (postgres) {
  describe("PostgreSQL specifics", () => {
    it("a NUL character never reaches PostgreSQL (it rejects NUL in text)", async () => {
      const fx = await makeFixture();
      session.actor = fx.actors.editor;
      const { addEventAction } = await import("@/lib/actions/events");
      const r = await callAction(addEventAction as never, "events.ts", { applicationId: fx.appId, kind: "other", occurredOn: "2024-02-28", occurredOnPrecision: "day", description: "a\u0000b" });
      if (r.kind === "state") checkClearError("NUL", r.state as never);
    });
  });
}
