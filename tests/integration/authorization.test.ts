// Every page, route handler and server action × every role: anonymous, viewer, editor and
// admin of group A (which owns a complete, private case), and an admin of another group B.
//
// The route files and the "use server" exports are enumerated from the file system, so a new
// page, route or action that is not in the tables below fails this suite until someone states
// who may use it — and then the walk checks that the code agrees:
//  - a role that is not allowed gets sign-in / not found / forbidden, never the content, and
//    (for actions) an error with nothing written to any table;
//  - an allowed role gets the page, the response, or the action's success.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import type { Role } from "@/lib/domain/vocabulary";
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
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { resetLimits } from "@/lib/rate-limit";

const ROOT = path.resolve(__dirname, "../..");
type RoleName = "anonymous" | "viewer" | "editor" | "admin" | "outsider" | "loner";
// "loner": signed in but in no group (e.g. just removed from one).
const ROLES: RoleName[] = ["anonymous", "viewer", "editor", "admin", "outsider", "loner"];

// ───────────────────────────── fixture: group A with one complete private case

interface Fixture {
  groupA: string;
  groupB: string;
  actors: Record<RoleName, Actor | null>;
  viewerMembershipId: string;
  appId: string;
  partId: string;
  answerId: string;
  answerVersion: number;
  stageId: string; // a complaint without a ruling, with a hearing
  stageVersion: number;
  ruledStageId: string; // a court stage with a ruling
  hearingId: string;
  eventId: string;
  incidentId: string;
  incidentVersion: number;
  personId: string;
  shareLinkId: string;
  shareToken: string;
  invitationId: string;
  invitationToken: string;
  apiTokenId: string;
  apiToken: string;
  /** A personal API token for each signed-in role. */
  tokens: Partial<Record<RoleName, string>>;
  ruleId: string;
  holidayId: string;
  standardId: string;
  standardFingerprint: string;
  sourceSlug: string;
}

let seq = 0;
const sha256 = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest("hex");

async function makeActor(label: string, roles: [string, Role][]): Promise<Actor> {
  const n = ++seq;
  const user = await db.user.create({ data: { email: `${label}-${n}@example.test`, name: `${label} ${n}`, passwordHash: "x" } });
  const memberships = [];
  for (const [groupId, role] of roles) {
    await db.membership.create({ data: { userId: user.id, groupId, role } });
    const g = await db.group.findUniqueOrThrow({ where: { id: groupId } });
    memberships.push({ groupId, role, groupName: g.name, groupSlug: g.slug });
  }
  return { userId: user.id, name: user.name, email: user.email, memberships };
}

async function makeFixture(): Promise<Fixture> {
  const n = ++seq;
  const groupA = (await db.group.create({ data: { slug: `authz-a-${n}`, name: `Group A ${n}` } })).id;
  const groupB = (await db.group.create({ data: { slug: `authz-b-${n}`, name: `Group B ${n}` } })).id;
  const viewer = await makeActor("viewer", [[groupA, "viewer"]]);
  const editor = await makeActor("editor", [[groupA, "editor"]]);
  const admin = await makeActor("admin", [[groupA, "admin"]]);
  const outsider = await makeActor("outsider", [[groupB, "admin"]]);
  const loner = await makeActor("loner", []);
  const viewerMembershipId = (await db.membership.findFirstOrThrow({ where: { userId: viewer.userId } })).id;
  const authority = await db.authority.upsert({ where: { name_city: { name: "Akimat of Almaty", city: "Almaty" } }, update: {}, create: { name: "Akimat of Almaty", kind: "akimat", city: "Almaty" } });
  const court = await db.authority.upsert({ where: { name_city: { name: "Administrative court of Almaty", city: "Almaty" } }, update: {}, create: { name: "Administrative court of Almaty", kind: "court", city: "Almaty" } });
  const person = await db.person.create({ data: { groupId: groupA, fullName: "Private Applicant", idNumber: "990101400123", phone: "+7 700 000 00 00" } });
  const app = await db.application.create({
    data: {
      groupId: groupA,
      isPublic: false,
      title: `Private march ${n}`,
      procedure: "approval",
      authorityId: authority.id,
      city: "Almaty",
      filedOn: "2024-02-20",
      status: "answered",
      outcome: "refused",
      organizers: { create: { groupId: groupA } },
      applicants: { create: { personId: person.id } },
      parts: { create: { form: "march", route: "Abay Ave", eventDate: "2024-03-08", outcome: "refused" } },
    },
    include: { parts: true },
  });
  const ground = await db.refusalGround.findUniqueOrThrow({ where: { code: "works" } });
  const answer = await db.answer.create({
    data: {
      applicationId: app.id,
      receivedOn: "2024-02-26",
      statedReason: "Repair works on the route.",
      outcome: "refused",
      partOutcomes: { create: { partId: app.parts[0].id, outcome: "refused" } },
      grounds: { create: { groundId: ground.id, words: "repair works" } },
      evidence: { create: { stance: "contests", description: "We walked the route: no works." } },
    },
  });
  const stage = await db.appealStage.create({ data: { applicationId: app.id, kind: "complaint", filedOn: "2024-03-01", bodyName: "City akimat" } });
  const hearing = await db.hearing.create({ data: { appealStageId: stage.id, heldOn: "2024-03-20" } });
  const ruled = await db.appealStage.create({ data: { applicationId: app.id, kind: "first_instance", filedOn: "2024-04-01", bodyId: court.id, ruling: { create: { decidedOn: "2024-04-20", outcome: "upheld" } } } });
  const event = await db.event.create({ data: { applicationId: app.id, kind: "pressure_withdraw", occurredOn: "2024-02-27", description: "Called in." } });
  const incident = await db.incident.create({ data: { groupId: groupA, kind: "fine", title: "A fine", occurredOn: "2024-03-09", amount: 100000, currency: "KZT", applications: { create: { applicationId: app.id } } } });
  const shareToken = crypto.randomBytes(32).toString("base64url");
  const { hashShareToken } = await import("@/lib/data/share-links");
  const link = await db.shareLink.create({
    data: { applicationId: app.id, groupId: groupA, tokenHash: hashShareToken(shareToken), sections: "parts,answers", createdById: admin.userId, expiresAt: new Date(Date.now() + 7 * 86_400_000) },
  });
  const invitationToken = crypto.randomBytes(32).toString("base64url");
  const invitation = await db.invitation.create({
    data: { groupId: groupA, email: `invitee-${n}@example.test`, role: "viewer", tokenHash: sha256(invitationToken), createdById: admin.userId, expiresAt: new Date(Date.now() + 7 * 86_400_000) },
  });
  const apiToken = `apt_${crypto.randomBytes(24).toString("base64url")}`;
  const { hashToken: hashApiToken } = await import("@/lib/data/api-tokens");
  const token = await db.apiToken.create({ data: { userId: admin.userId, name: "script", tokenHash: hashApiToken(apiToken) } });
  const tokens: Partial<Record<RoleName, string>> = { admin: apiToken };
  for (const [role, actor] of [["viewer", viewer], ["editor", editor], ["outsider", outsider]] as const) {
    tokens[role] = `apt_${crypto.randomBytes(24).toString("base64url")}`;
    await db.apiToken.create({ data: { userId: actor.userId, name: "script", tokenHash: hashApiToken(tokens[role]!) } });
  }
  const rule = await db.deadlineRule.findFirstOrThrow({ orderBy: { code: "asc" } });
  const holiday = await db.holiday.create({ data: { date: new Date(Date.UTC(2090, 0, 1) + n * 86_400_000).toISOString().slice(0, 10), country: "KZ", kind: "holiday", name: `Test day ${n}` } });
  const standard = await db.legalStandard.findFirstOrThrow({ orderBy: { code: "asc" } });
  const { standardFingerprint } = await import("@/lib/data/case-file");
  const source = await db.source.create({ data: { groupId: groupA, slug: `authz-src-${n}`, title: "Private notes", text: "Quoted." } });
  return {
    groupA,
    groupB,
    actors: { anonymous: null, viewer, editor, admin, outsider, loner },
    viewerMembershipId,
    appId: app.id,
    partId: app.parts[0].id,
    answerId: answer.id,
    answerVersion: answer.version,
    stageId: stage.id,
    stageVersion: stage.version,
    ruledStageId: ruled.id,
    hearingId: hearing.id,
    eventId: event.id,
    incidentId: incident.id,
    incidentVersion: incident.version,
    personId: person.id,
    shareLinkId: link.id,
    shareToken,
    invitationId: invitation.id,
    invitationToken,
    apiTokenId: token.id,
    apiToken,
    tokens,
    ruleId: rule.id,
    holidayId: holiday.id,
    standardId: standard.id,
    standardFingerprint: standardFingerprint(standard),
    sourceSlug: source.slug,
  };
}

/** Every row of every table: "nothing was written" means this is unchanged. */
async function snapshot(): Promise<string> {
  const { Prisma } = await import("@/lib/generated/sqlite/client");
  const parts: string[] = [];
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { findMany(a?: object): Promise<unknown[]> }>)[model.charAt(0).toLowerCase() + model.slice(1)];
    const rows = await delegate.findMany();
    parts.push(`${model}:${JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)).length}:${sha256(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)))}`);
  }
  return parts.join("\n");
}

// ───────────────────────────── who may do what

/** Allowed roles for each access level (group A owns every record). */
const LEVELS = {
  anyone: ["anonymous", "viewer", "editor", "admin", "outsider", "loner"],
  signedIn: ["viewer", "editor", "admin", "outsider", "loner"],
  /** About one's own groups: a member of any group. */
  memberSomewhere: ["viewer", "editor", "admin", "outsider"],
  /** Creating in one's own group: an editor or admin anywhere. */
  editorSomewhere: ["editor", "admin", "outsider"],
  /** Shared reference data (rules, holidays, standards): an admin of any group. */
  adminSomewhere: ["admin", "outsider"],
  memberOfA: ["viewer", "editor", "admin"],
  editorOfA: ["editor", "admin"],
  adminOfA: ["admin"],
  /** An invitation link: the person holding it, signed in (join) or not (new account). */
  newcomer: ["anonymous"],
} satisfies Record<string, RoleName[]>;
type Level = keyof typeof LEVELS;

// ───────────────────────────── server actions

type Entries = Record<string, string | string[]>;
function form(entries: Entries): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

const appFields = (fx: Fixture): Entries => ({
  organizerIds: [fx.groupA],
  title: "Women's march",
  authorityId: "",
  city: "Almaty",
  purpose: "",
  filedOn: "2025-02-20",
  filedOnPrecision: "day",
  registrationNumber: "",
  notes: "",
  "parts.0.id": fx.partId,
  "parts.0.form": "march",
  "parts.0.route": "Abay Ave",
  "parts.0.eventDate": "2025-03-08",
  "parts.0.eventDatePrecision": "day",
});
const answerFields = (fx: Fixture): Entries => ({
  receivedOn: "2024-02-26",
  receivedOnPrecision: "day",
  statedReason: "Repair works.",
  "outcomes.0.partId": fx.partId,
  "outcomes.0.outcome": "refused",
  "grounds[]": ["works"],
});
const stageFields = { kind: "complaint", filedOn: "2024-03-02", filedOnPrecision: "day", bodyName: "Regional akimat" };
const incidentFields = (fx: Fixture): Entries => ({ kind: "threat", title: "A threat", occurredOn: "2024-03-10", occurredOnPrecision: "day", "applications[]": [fx.appId] });

interface ActionSpec {
  level: Level;
  entries: (fx: Fixture) => Entries;
  /** The allowed role whose success is checked, when the least-privileged one cannot succeed. */
  succeedsAs?: RoleName;
}

/** file → export → who may call it and a valid input (valid, so only the role can stop it). */
const ACTIONS: Record<string, Record<string, ActionSpec>> = {
  "applications.ts": {
    createApplicationAction: { level: "editorOfA", entries: (fx) => ({ groupId: fx.groupA, ...appFields(fx) }) },
    updateApplicationAction: { level: "editorOfA", entries: (fx) => ({ id: fx.appId, version: "1", ...appFields(fx) }) },
    setApplicationPublicAction: { level: "editorOfA", entries: (fx) => ({ id: fx.appId, isPublic: "on" }) },
    deleteApplicationAction: { level: "adminOfA", entries: (fx) => ({ id: fx.appId, confirm: "on" }) },
  },
  "answers.ts": {
    recordAnswerAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, ...answerFields(fx) }) },
    updateAnswerAction: { level: "editorOfA", entries: (fx) => ({ id: fx.answerId, version: String(fx.answerVersion), ...answerFields(fx) }) },
  },
  "appeals.ts": {
    fileAppealAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, ...stageFields }) },
    updateAppealAction: { level: "editorOfA", entries: (fx) => ({ id: fx.stageId, version: String(fx.stageVersion), ...stageFields }) },
    deleteAppealAction: { level: "editorOfA", entries: (fx) => ({ id: fx.stageId }) },
    addHearingAction: { level: "editorOfA", entries: (fx) => ({ stageId: fx.stageId, heldOn: "2024-03-25", heldOnPrecision: "day" }) },
    deleteHearingAction: { level: "editorOfA", entries: (fx) => ({ id: fx.hearingId }) },
    recordRulingAction: { level: "editorOfA", entries: (fx) => ({ stageId: fx.stageId, decidedOn: "2024-03-30", decidedOnPrecision: "day", outcome: "upheld" }) },
    deleteRulingAction: { level: "editorOfA", entries: (fx) => ({ id: fx.ruledStageId }) },
  },
  "events.ts": {
    addEventAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, kind: "meeting_officials", occurredOn: "2024-02-28", occurredOnPrecision: "day" }) },
    updateEventAction: { level: "editorOfA", entries: (fx) => ({ id: fx.eventId, kind: "meeting_officials", occurredOn: "2024-02-28", occurredOnPrecision: "day" }) },
    deleteEventAction: { level: "editorOfA", entries: (fx) => ({ id: fx.eventId }) },
  },
  "incidents.ts": {
    createIncidentAction: { level: "editorOfA", entries: (fx) => ({ groupId: fx.groupA, ...incidentFields(fx) }) },
    updateIncidentAction: { level: "editorOfA", entries: (fx) => ({ id: fx.incidentId, version: String(fx.incidentVersion), ...incidentFields(fx) }) },
    deleteIncidentAction: { level: "editorOfA", entries: (fx) => ({ id: fx.incidentId }) },
  },
  "share-links.ts": {
    createShareLinkAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, expiresInDays: "7", "sections[]": ["parts", "answers"] }) },
    revokeShareLinkAction: { level: "editorOfA", entries: (fx) => ({ linkId: fx.shareLinkId }) },
  },
  "invitations.ts": {
    inviteMemberAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, email: `new-${fx.appId}@example.test`, role: "editor" }) },
    revokeInvitationAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, invitationId: fx.invitationId }) },
    acceptInvitationAction: { level: "newcomer", entries: (fx) => ({ token: fx.invitationToken, name: "New Member", password: "a long enough passphrase" }) },
    // Group A's own members are members already: the outsider is who joins.
    joinGroupAction: { level: "signedIn", entries: (fx) => ({ token: fx.invitationToken }), succeedsAs: "outsider" },
  },
  "settings.ts": {
    changeRoleAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, membershipId: fx.viewerMembershipId, role: "editor" }) },
    removeMemberAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, membershipId: fx.viewerMembershipId }) },
    updateDeadlineRuleAction: {
      level: "adminSomewhere",
      entries: (fx) => ({ id: fx.ruleId, amount: "5", unit: "working_days", direction: "before", legalBasis: "Law 333-VI", labelEn: "Rule", labelRu: "Правило", active: "on" }),
    },
    addHolidayAction: { level: "adminSomewhere", entries: () => ({ date: new Date(Date.UTC(2080, 0, 1) + ++seq * 86_400_000).toISOString().slice(0, 10), kind: "holiday", name: "A holiday" }) },
    removeHolidayAction: { level: "adminSomewhere", entries: (fx) => ({ id: fx.holidayId }) },
  },
  "standards.ts": {
    updateStandardAction: {
      level: "adminSomewhere",
      entries: (fx) => ({ id: fx.standardId, fingerprint: fx.standardFingerprint, titleEn: "ICCPR Art. 21", titleRu: "МПГПП ст. 21", bodyEn: "Text.", bodyRu: "Текст.", groundCodes: "works" }),
    },
  },
  "api-tokens.ts": {
    createApiTokenAction: { level: "signedIn", entries: () => ({ name: "my script" }) },
    // Only the owner (group A's admin here) may revoke a token.
    revokeApiTokenAction: { level: "adminOfA", entries: (fx) => ({ id: fx.apiTokenId }) },
  },
  "locale.ts": {
    setLocaleAction: { level: "anyone", entries: () => ({}) },
  },
};

const AUTH_ERRORS = ["unauthenticated", "forbidden", "not_found", "signed_in_already"];

function useServerFiles(): string[] {
  const dir = path.join(ROOT, "lib/actions");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(path.join(dir, f), "utf8").replace(/^(\s*\/\/.*\n)*/, "")))
    .sort();
}

type ActionResult = { kind: "state"; state: FormState | void } | { kind: "redirect"; to: string } | { kind: "error"; error: unknown };

async function callAction(fn: (...a: unknown[]) => Promise<FormState | void>, file: string, entries: Entries): Promise<ActionResult> {
  try {
    if (file === "locale.ts") return { kind: "state", state: await fn("ru") };
    return { kind: "state", state: await fn(initialFormState, form(entries)) };
  } catch (e) {
    const digest = (e as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] };
    return { kind: "error", error: e };
  }
}

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
          resetLimits();
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
        resetLimits();
        session.actor = fx.actors[role];
        const r = await callAction(fn, file, spec.entries(fx));
        const what = `${name} as ${role}`;
        if (r.kind === "error") expect.fail(`${what} threw ${(r.error as Error)?.stack}`);
        if (r.kind === "state" && file !== "locale.ts") expect(r.state, `${what} was refused: ${JSON.stringify(r.state)}`).toMatchObject({ ok: true });
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
  /** Not walked here, with the reason (it is tested elsewhere). */
  skip?: string;
  /** A page that answers a denied role with a notice of its own instead of errors.forbidden. */
  notice?: RegExp;
}

const PAGES: Record<string, RouteSpec> = {
  "app/page.tsx": { level: "anyone" },
  "app/bench/bare/page.tsx": { level: "anyone", skip: "hidden unless BENCH_PAGES=1 (404 otherwise); no data" },
  "app/(public)/signin/page.tsx": { level: "anyone" },
  "app/(public)/applications/page.tsx": { level: "anyone" },
  "app/(public)/applications/[id]/page.tsx": { level: "memberOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(public)/appeals/page.tsx": { level: "anyone" },
  "app/(public)/incidents/page.tsx": { level: "anyone" },
  "app/(public)/incidents/[id]/page.tsx": { level: "memberOfA", params: (fx) => ({ id: fx.incidentId }) },
  "app/(public)/sources/page.tsx": { level: "anyone" },
  "app/(public)/sources/[slug]/page.tsx": { level: "memberOfA", params: (fx) => ({ slug: fx.sourceSlug }) },
  "app/(public)/stats/page.tsx": { level: "anyone" },
  "app/(public)/invite/[token]/page.tsx": { level: "anyone", params: (fx) => ({ token: fx.invitationToken }) },
  "app/(app)/dashboard/page.tsx": { level: "signedIn" },
  "app/(app)/applications/new/page.tsx": { level: "editorSomewhere", notice: /\.noWritableGroup$/ },
  "app/(app)/applications/[id]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/answers/new/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/answers/[answerId]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId, answerId: fx.answerId }) },
  "app/(app)/applications/[id]/appeals/new/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/events/new/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/applications/[id]/events/[eventId]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.appId, eventId: fx.eventId }) },
  "app/(app)/applications/[id]/case-file/page.tsx": { level: "memberOfA", params: (fx) => ({ id: fx.appId }) },
  "app/(app)/appeals/[stageId]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.stageId }) },
  "app/(app)/appeals/[stageId]/hearings/new/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.stageId }) },
  "app/(app)/appeals/[stageId]/ruling/page.tsx": { level: "editorOfA", params: (fx) => ({ stageId: fx.stageId }) },
  "app/(app)/incidents/new/page.tsx": { level: "editorSomewhere" },
  "app/(app)/incidents/[id]/edit/page.tsx": { level: "editorOfA", params: (fx) => ({ id: fx.incidentId }) },
  "app/(app)/settings/page.tsx": { level: "signedIn" },
  "app/(app)/settings/members/page.tsx": { level: "memberSomewhere" },
  "app/(app)/settings/tokens/page.tsx": { level: "signedIn" },
  "app/(app)/settings/export/page.tsx": { level: "signedIn" },
  "app/(app)/settings/rules/page.tsx": { level: "signedIn" },
  "app/(app)/settings/rules/[id]/page.tsx": { level: "adminSomewhere", params: (fx) => ({ id: fx.ruleId }) },
  "app/(app)/settings/holidays/page.tsx": { level: "signedIn" },
  "app/(app)/settings/standards/page.tsx": { level: "signedIn" },
  "app/(app)/settings/standards/[id]/page.tsx": { level: "adminSomewhere", params: (fx) => ({ id: fx.standardId }), notice: /\.onlyAdmins$/ },
};

const ROUTES: Record<string, RouteSpec> = {
  "app/api/health/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/health" },
  "app/api/auth/[...nextauth]/route.ts": { level: "anyone", skip: "next-auth's own handler: sign-in is tested in the browser suite" },
  "app/api/v1/openapi.json/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/v1/openapi.json" },
  "app/api/v1/stats/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/v1/stats" },
  "app/api/v1/applications/route.ts": { level: "anyone", methods: ["GET"], url: () => "/api/v1/applications" },
  "app/api/v1/applications/[id]/route.ts": { level: "memberOfA", methods: ["GET"], params: (fx) => ({ id: fx.appId }), url: (fx) => `/api/v1/applications/${fx.appId}` },
  "app/api/v1/export/route.ts": { level: "memberOfA", methods: ["GET"], url: (fx) => `/api/v1/export?group=${fx.groupA}` },
  "app/(public)/stats/csv/[table]/route.ts": { level: "anyone", methods: ["GET"], params: () => ({ table: "grounds" }), url: () => "/stats/csv/grounds" },
  "app/(app)/applications/[id]/case-file/pdf/route.ts": { level: "memberOfA", methods: ["GET"], params: (fx) => ({ id: fx.appId }), url: (fx) => `/applications/${fx.appId}/case-file/pdf` },
  // Share links are opened by whoever holds the token (a lawyer without an account).
  "app/s/[token]/route.ts": { level: "anyone", methods: ["GET"], params: (fx) => ({ token: fx.shareToken }), url: (fx) => `/s/${fx.shareToken}` },
  "app/s/[token]/pdf/route.ts": { level: "anyone", methods: ["GET"], params: (fx) => ({ token: fx.shareToken }), url: (fx) => `/s/${fx.shareToken}/pdf` },
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
  if ((role === "outsider" || role === "loner") && level.endsWith("OfA")) expect(got, `${what} as ${role} must look missing`).toBe("notfound");
}

describe("pages and route handlers × roles", () => {
  const { pages, routes } = routeFiles();

  it("every page and route handler has a stated access level", () => {
    expect(pages.filter((p) => !PAGES[p]), "add these pages to PAGES in tests/integration/authorization.test.ts").toEqual([]);
    expect(routes.filter((r) => !ROUTES[r]), "add these route handlers to ROUTES in tests/integration/authorization.test.ts").toEqual([]);
  });

  for (const file of pages) {
    const spec = PAGES[file];
    if (!spec) continue;
    it.skipIf(Boolean(spec.skip))(`${file}: ${LEVELS[spec.level].join(", ")}`, async () => {
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
    if (!spec) continue;
    it.skipIf(Boolean(spec.skip))(`${file}: ${LEVELS[spec.level].join(", ")}`, async () => {
      const fx = await makeFixture();
      const allowed = LEVELS[spec.level] as RoleName[];
      for (const method of spec.methods ?? ["GET"]) {
        for (const role of ROLES) {
          resetLimits();
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
