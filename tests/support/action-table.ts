// The actions table and fixture shared by the authorization walk and the hostile-input test:
// group A owns one complete private case; each role is an Actor; each "use server" export
// has an access level and a valid input, so only the caller's role (or the input under test)
// can stop it.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import bcrypt from "bcryptjs";
import * as OTPAuth from "otpauth";
import type { Actor } from "@/lib/auth/access";
import type { Role } from "@/lib/domain/vocabulary";
import { db } from "@/lib/db";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export type RoleName = "anonymous" | "viewer" | "editor" | "admin" | "outsider" | "loner" | "operator";
// "loner": signed in but in no group (e.g. just removed from one). "operator": an operator of
// the server (User.isOperator) who is only a viewer of group B.
export const ROLES: RoleName[] = ["anonymous", "viewer", "editor", "admin", "outsider", "loner", "operator"];

// ───────────────────────────── fixture: group A with one complete private case

export interface Fixture {
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
  rulingId: string;
  hearingId: string;
  eventId: string;
  incidentId: string;
  incidentVersion: number;
  personId: string;
  shareLinkId: string;
  shareToken: string;
  invitationId: string;
  invitationToken: string;
  /** An invitation sent to the loner's address: only the loner may join with it. */
  joinInvitationToken: string;
  apiTokenId: string;
  calendarFeedId: string;
  calendarFeedToken: string;
  failedJobId: string;
  apiToken: string;
  /** A personal API token for each signed-in role. */
  tokens: Partial<Record<RoleName, string>>;
  ruleId: string;
  holidayId: string;
  standardId: string;
  standardFingerprint: string;
  sourceSlug: string;
  /** Group B's record naming group A as co-organizer: a request waiting for A's admin. */
  organizerRequestAppId: string;
  /** A group with a published record, so group A's admin may share the case with it (coalitions). */
  coalitionGroupId: string;
  /** Group B's case shared with group A (read access), waiting for A's admin. */
  sharedWithAAppId: string;
  /** A comment on A's case by A's viewer, still within its edit window. */
  commentId: string;
  /** A generated complaint saved to the case (its bytes in lib/storage). */
  filingId: string;
  /** A next step on the case, assigned to A's editor. */
  stepId: string;
  /** A spreadsheet A's editor uploaded for import (Settings → Import), not yet confirmed. */
  importBatchId: string;
}

let seq = 0;
export const LONER_PASSWORD = "the loner's own passphrase";
export const ADMIN_PASSWORD = "group A admin's own passphrase";
export const FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
/** The code an authenticator app shows now for FIXTURE_TOTP_SECRET. */
export const fixtureTotpCode = () => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(FIXTURE_TOTP_SECRET) }).generate();
const sha256 = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest("hex");

export async function makeActor(label: string, roles: [string, Role][], isOperator = false): Promise<Actor> {
  const n = ++seq;
  const user = await db.user.create({ data: { email: `${label}-${n}@example.test`, name: `${label} ${n}`, passwordHash: "x", isOperator } });
  const memberships = [];
  for (const [groupId, role] of roles) {
    await db.membership.create({ data: { userId: user.id, groupId, role } });
    const g = await db.group.findUniqueOrThrow({ where: { id: groupId } });
    memberships.push({ groupId, role, groupName: g.name, groupSlug: g.slug });
  }
  return { userId: user.id, name: user.name, email: user.email, isOperator, memberships };
}

export async function makeFixture(): Promise<Fixture> {
  const n = ++seq;
  const groupA = (await db.group.create({ data: { slug: `authz-a-${n}`, name: `Group A ${n}` } })).id;
  const groupB = (await db.group.create({ data: { slug: `authz-b-${n}`, name: `Group B ${n}` } })).id;
  const viewer = await makeActor("viewer", [[groupA, "viewer"]]);
  const editor = await makeActor("editor", [[groupA, "editor"]]);
  const admin = await makeActor("admin", [[groupA, "admin"]]);
  const outsider = await makeActor("outsider", [[groupB, "admin"]]);
  const loner = await makeActor("loner", []);
  const operator = await makeActor("operator", [[groupB, "viewer"]], true);
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
  const joinInvitationToken = crypto.randomBytes(32).toString("base64url");
  await db.invitation.create({
    data: { groupId: groupA, email: loner.email, role: "viewer", tokenHash: sha256(joinInvitationToken), createdById: admin.userId, expiresAt: new Date(Date.now() + 7 * 86_400_000) },
  });
  // The viewer is half-way through enrolling in two factors, the admin has them: for the security actions.
  await db.user.update({ where: { id: viewer.userId }, data: { totpSecret: FIXTURE_TOTP_SECRET } });
  await db.user.update({ where: { id: admin.userId }, data: { totpSecret: FIXTURE_TOTP_SECRET, totpEnabledAt: new Date(), passwordHash: await bcrypt.hash(ADMIN_PASSWORD, 4) } });
  // The loner can sign in (a cheap hash: cost 4), for the sign-in action.
  await db.user.update({ where: { id: loner.userId }, data: { passwordHash: await bcrypt.hash(LONER_PASSWORD, 4) } });
  const calendarFeedToken = `cal_${crypto.randomBytes(32).toString("base64url")}`;
  const apiToken = `apt_${crypto.randomBytes(24).toString("base64url")}`;
  const { hashToken: hashApiToken } = await import("@/lib/data/api-tokens");
  // Tokens that may also export: the export route's roles are then decided by the role alone.
  const token = await db.apiToken.create({ data: { userId: admin.userId, name: "script", tokenHash: hashApiToken(apiToken), scopes: "read,export" } });
  const tokens: Partial<Record<RoleName, string>> = { admin: apiToken };
  for (const [role, actor] of [["viewer", viewer], ["editor", editor], ["outsider", outsider]] as const) {
    tokens[role] = `apt_${crypto.randomBytes(24).toString("base64url")}`;
    await db.apiToken.create({ data: { userId: actor.userId, name: "script", tokenHash: hashApiToken(tokens[role]!), scopes: "read,export" } });
  }
  const rule = await db.deadlineRule.findFirstOrThrow({ orderBy: { code: "asc" } });
  const holiday = await db.holiday.create({ data: { date: new Date(Date.UTC(2090, 0, 1) + n * 86_400_000).toISOString().slice(0, 10), country: "KZ", kind: "holiday", name: `Test day ${n}` } });
  const standard = await db.legalStandard.findFirstOrThrow({ orderBy: { code: "asc" } });
  const { standardFingerprint } = await import("@/lib/data/case-file");
  const source = await db.source.create({ data: { groupId: groupA, slug: `authz-src-${n}`, title: "Private notes", text: "Quoted." } });
  const requesting = await db.application.create({
    data: {
      groupId: groupB,
      title: `B's rally ${n}`,
      procedure: "notification",
      organizers: { create: [{ groupId: groupB }, { groupId: groupA, status: "pending", requestedById: outsider.userId }] },
    },
  });
  const { storage } = await import("@/lib/storage");
  const filingBytes = Buffer.from(`generated complaint ${n}`);
  const filing = await db.attachment.create({
    data: {
      groupId: groupA,
      applicationId: app.id,
      subjectType: "application",
      subjectId: app.id,
      kind: "generated",
      fileName: "complaint-ru.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      size: filingBytes.length,
      storageKey: (await storage().put(filingBytes)).key,
      ocrStatus: "none",
      filingKind: "complaint",
      filingLocale: "ru",
      templateVersion: 1,
      caseVersion: 1,
    },
  });
  return {
    filingId: filing.id,
    groupA,
    groupB,
    actors: { anonymous: null, viewer, editor, admin, outsider, loner, operator },
    viewerMembershipId,
    appId: app.id,
    partId: app.parts[0].id,
    answerId: answer.id,
    answerVersion: answer.version,
    stageId: stage.id,
    stageVersion: stage.version,
    ruledStageId: ruled.id,
    rulingId: (await db.ruling.findUniqueOrThrow({ where: { appealStageId: ruled.id } })).id,
    hearingId: hearing.id,
    eventId: event.id,
    incidentId: incident.id,
    incidentVersion: incident.version,
    personId: person.id,
    shareLinkId: link.id,
    shareToken,
    invitationId: invitation.id,
    invitationToken,
    joinInvitationToken,
    apiTokenId: token.id,
    calendarFeedId: (await db.calendarFeed.create({ data: { userId: admin.userId, name: "phone", tokenHash: sha256(calendarFeedToken) } })).id,
    calendarFeedToken,
    failedJobId: (
      await db.job.create({ data: { kind: "reminders.email", key: `authz-failed-${n}`, status: "failed", attempts: 8, maxAttempts: 8, lastError: "Error: refused", groupId: groupA } })
    ).id,
    apiToken,
    tokens,
    ruleId: rule.id,
    holidayId: holiday.id,
    standardId: standard.id,
    standardFingerprint: standardFingerprint(standard),
    sourceSlug: source.slug,
    organizerRequestAppId: requesting.id,
    coalitionGroupId: await (async () => {
      const g = await db.group.create({ data: { slug: `authz-c-${n}`, name: `Group C ${n}` } });
      await db.application.create({ data: { groupId: g.id, isPublic: true, title: `C's public picket ${n}`, procedure: "notification" } });
      return g.id;
    })(),
    sharedWithAAppId: (
      await db.application.create({
        data: { groupId: groupB, title: `B's shared march ${n}`, procedure: "notification", organizers: { create: [{ groupId: groupA, status: "pending", access: "read", requestedById: outsider.userId }] } },
      })
    ).id,
    commentId: (await db.comment.create({ data: { applicationId: app.id, subjectId: app.id, authorId: viewer.userId, authorName: viewer.name, authorGroupId: groupA, body: "A first thought" } })).id,
    stepId: (await db.nextStep.create({ data: { applicationId: app.id, groupId: groupA, kind: "hearing", assigneeId: editor.userId, dueOn: "2024-05-01" } })).id,
    importBatchId: (
      await db.importBatch.create({
        data: {
          id: `authz-import-${n}-${crypto.randomBytes(8).toString("hex")}`,
          userId: editor.userId,
          groupId: groupA,
          kind: "sheet",
          fileName: "fixture.csv",
          data: JSON.stringify({ kind: "sheet", sheet: { header: ["Название", "Форма"], rows: [[`Пикет ${n}`, "Пикет"]] } }),
          rowCount: 1,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      })
    ).id,
  };
}

/** Every row of every table: "nothing was written" means this is unchanged. */
export async function snapshot(): Promise<string> {
  const { Prisma } = await import("@/lib/generated/sqlite/client");
  const parts: string[] = [];
  for (const model of Object.values(Prisma.ModelName)) {
    // Rate-limit counters are operational state that a refused request rightly moves.
    if (model === "RateLimit") continue;
    const delegate = (db as unknown as Record<string, { findMany(a?: object): Promise<unknown[]> }>)[model.charAt(0).toLowerCase() + model.slice(1)];
    const rows = await delegate.findMany();
    parts.push(`${model}:${JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)).length}:${sha256(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)))}`);
  }
  return parts.join("\n");
}

// ───────────────────────────── who may do what

/** Allowed roles for each access level (group A owns every record). */
export const LEVELS = {
  anyone: ["anonymous", "viewer", "editor", "admin", "outsider", "loner", "operator"],
  signedIn: ["viewer", "editor", "admin", "outsider", "loner", "operator"],
  /** About one's own groups: a member of any group. */
  memberSomewhere: ["viewer", "editor", "admin", "outsider", "operator"],
  /** About one's own groups, for their admins: an admin of any group. */
  adminSomewhere: ["admin", "outsider"],
  /** Creating in one's own group: an editor or admin anywhere. */
  editorSomewhere: ["editor", "admin", "outsider"],
  /** Shared reference data (rules, holidays, standards): the server's operators, not group admins. */
  operator: ["operator"],
  memberOfA: ["viewer", "editor", "admin"],
  editorOfA: ["editor", "admin"],
  adminOfA: ["admin"],
  /** A comment's author (the fixture's comment is the viewer's): only they edit or delete it. */
  commentAuthor: ["viewer"],
  /** An invitation link: the person holding it, signed in (join) or not (new account). */
  newcomer: ["anonymous"],
  /** Joining with an invitation: only the account with the invited address (the loner's). */
  invitee: ["loner"],
} satisfies Record<string, RoleName[]>;
export type Level = keyof typeof LEVELS;

// ───────────────────────────── server actions

export type Entries = Record<string, string | string[]>;
export function form(entries: Entries): FormData {
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
  filedOn: "2024-02-20",
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

export interface ActionSpec {
  level: Level;
  entries: (fx: Fixture) => Entries;
  /** The allowed role whose success is checked, when the least-privileged one cannot succeed. */
  succeedsAs?: RoleName;
  /** What the allowed role gets instead of success, for an action that needs more than a role (a pending sign-in cookie). */
  outcome?: Partial<FormState>;
}

/** file → export → who may call it and a valid input (valid, so only the role can stop it). */
export const ACTIONS: Record<string, Record<string, ActionSpec>> = {
  "applications.ts": {
    createApplicationAction: { level: "editorOfA", entries: (fx) => ({ groupId: fx.groupA, ...appFields(fx), clientKey: crypto.randomUUID() }) },
    updateApplicationAction: { level: "editorOfA", entries: (fx) => ({ id: fx.appId, version: "1", ...appFields(fx) }) },
    setApplicationPublicAction: { level: "editorOfA", entries: (fx) => ({ id: fx.appId, isPublic: "on" }) },
    deleteApplicationAction: { level: "adminOfA", entries: (fx) => ({ id: fx.appId, confirm: "on" }) },
  },
  "erasure.ts": {
    erasePersonAction: { level: "adminOfA", entries: (fx) => ({ personId: fx.personId, applicationId: fx.appId, confirm: "on" }) },
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
    updateHearingAction: { level: "editorOfA", entries: (fx) => ({ id: fx.hearingId, version: "1", heldOn: "2024-03-21", heldOnPrecision: "day", time: "10:00" }) },
    updateRulingAction: {
      level: "editorOfA",
      entries: (fx) => ({ stageId: fx.ruledStageId, id: fx.rulingId, version: "1", decidedOn: "2024-04-21", decidedOnPrecision: "day", outcome: "partly" }),
    },
    recordRulingAction: { level: "editorOfA", entries: (fx) => ({ stageId: fx.stageId, decidedOn: "2024-03-30", decidedOnPrecision: "day", outcome: "upheld" }) },
    deleteRulingAction: { level: "editorOfA", entries: (fx) => ({ id: fx.ruledStageId }) },
  },
  "events.ts": {
    addEventAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, kind: "meeting_officials", occurredOn: "2024-02-28", occurredOnPrecision: "day" }) },
    updateEventAction: { level: "editorOfA", entries: (fx) => ({ id: fx.eventId, kind: "meeting_officials", occurredOn: "2024-02-28", occurredOnPrecision: "day" }) },
    deleteEventAction: { level: "editorOfA", entries: (fx) => ({ id: fx.eventId }) },
  },
  "incidents.ts": {
    createIncidentAction: { level: "editorOfA", entries: (fx) => ({ groupId: fx.groupA, ...incidentFields(fx), clientKey: crypto.randomUUID() }) },
    updateIncidentAction: { level: "editorOfA", entries: (fx) => ({ id: fx.incidentId, version: String(fx.incidentVersion), ...incidentFields(fx) }) },
    deleteIncidentAction: { level: "editorOfA", entries: (fx) => ({ id: fx.incidentId }) },
  },
  "attachments.ts": {
    // The fixture's generated filing (a file of A's case): publishing needs the warning confirmed.
    publishAttachmentAction: { level: "editorOfA", entries: (fx) => ({ id: fx.filingId, isPublic: "on", confirmed: "on" }) },
    deleteAttachmentAction: { level: "editorOfA", entries: (fx) => ({ id: fx.filingId }) },
  },
  "share-links.ts": {
    createShareLinkAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, expiresInDays: "7", "sections[]": ["parts", "answers"] }) },
    revokeShareLinkAction: { level: "editorOfA", entries: (fx) => ({ linkId: fx.shareLinkId }) },
  },
  "invitations.ts": {
    inviteMemberAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, email: `new-${fx.appId}@example.test`, role: "editor" }) },
    revokeInvitationAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, invitationId: fx.invitationId }) },
    acceptInvitationAction: { level: "newcomer", entries: (fx) => ({ token: fx.invitationToken, name: "New Member", password: "a long enough passphrase" }) },
    // The invitation names the loner's address: anyone else signed in is refused.
    joinGroupAction: { level: "invitee", entries: (fx) => ({ token: fx.joinInvitationToken }) },
  },
  "auth.ts": {
    signInAction: { level: "anyone", entries: (fx) => ({ email: fx.actors.loner!.email, password: LONER_PASSWORD, callbackUrl: "/dashboard" }) },
    signOutAction: { level: "anyone", entries: () => ({}) },
    // Its caller is named by the pending sign-in cookie alone; without one, nobody gets in (sign-in.test.ts / two-factor.test.ts).
    verifySignInCodeAction: { level: "anyone", entries: () => ({ code: "123456" }), outcome: { ok: false, message: "sign_in_expired" } },
  },
  "security.ts": {
    // Each for the caller's own account only: there is no user id in the input to change.
    startTwoFactorAction: { level: "signedIn", entries: () => ({}), succeedsAs: "loner" },
    confirmTwoFactorAction: { level: "signedIn", entries: () => ({ code: fixtureTotpCode() }) },
    disableTwoFactorAction: { level: "signedIn", entries: () => ({ disablePassword: ADMIN_PASSWORD, code: fixtureTotpCode() }), succeedsAs: "admin" },
    changePasswordAction: { level: "signedIn", entries: () => ({ currentPassword: LONER_PASSWORD, newPassword: "a brand new long passphrase" }), succeedsAs: "loner" },
    setGroupTwoFactorAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, requireTwoFactor: "off" }) },
  },
  "passkeys.ts": {
    // Each for the caller's own account (no user id in the input); the fixture's admin has two factors and no passkey.
    passkeyRegistrationOptionsAction: { level: "signedIn", entries: () => ({}), succeedsAs: "admin" },
    // A valid response needs a live challenge and an authenticator (passkeys.test.ts); without one: "expired".
    registerPasskeyAction: { level: "signedIn", entries: () => ({ name: "Key", response: '{"id":"x","response":{"clientDataJSON":"e30"}}' }), succeedsAs: "admin", outcome: { ok: false, message: "passkey_expired" } },
    removePasskeyAction: { level: "signedIn", entries: () => ({ passkeyId: "no-such-passkey", code: fixtureTotpCode() }), succeedsAs: "admin", outcome: { ok: false, message: "passkey_gone" } },
    // Named by the pending sign-in cookie alone, like the code step.
    passkeySignInOptionsAction: { level: "anyone", entries: () => ({}), outcome: { ok: false, message: "sign_in_expired" } },
    passkeySignInAction: { level: "anyone", entries: () => ({ response: "{}" }), outcome: { ok: false, message: "sign_in_expired" } },
  },
  "person-names.ts": {
    setGroupEncryptNamesAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, encryptNames: "on" }) },
  },
  "settings.ts": {
    changeRoleAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, membershipId: fx.viewerMembershipId, role: "editor" }) },
    removeMemberAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, membershipId: fx.viewerMembershipId }) },
    updateDeadlineRuleAction: {
      level: "operator",
      entries: (fx) => ({ id: fx.ruleId, amount: "5", unit: "working_days", direction: "before", legalBasis: "Law 333-VI", labelEn: "Rule", labelRu: "Правило", active: "on" }),
    },
    addHolidayAction: { level: "operator", entries: () => ({ date: new Date(Date.UTC(2080, 0, 1) + ++seq * 86_400_000).toISOString().slice(0, 10), kind: "holiday", name: "A holiday" }) },
    removeHolidayAction: { level: "operator", entries: (fx) => ({ id: fx.holidayId }) },
  },
  "coalitions.ts": {
    shareCaseAction: { level: "adminOfA", entries: (fx) => ({ applicationId: fx.appId, groupId: fx.coalitionGroupId, access: "read" }) },
    acceptCaseAccessAction: { level: "adminOfA", entries: (fx) => ({ applicationId: fx.sharedWithAAppId, groupId: fx.groupA }) },
    leaveCaseAccessAction: { level: "adminOfA", entries: (fx) => ({ applicationId: fx.sharedWithAAppId, groupId: fx.groupA }) },
    addCommentAction: { level: "memberOfA", entries: (fx) => ({ applicationId: fx.appId, subject: `application:${fx.appId}`, body: "What do we answer?" }) },
    editCommentAction: { level: "commentAuthor", entries: (fx) => ({ id: fx.commentId, body: "A second thought" }) },
    deleteCommentAction: { level: "commentAuthor", entries: (fx) => ({ id: fx.commentId }) },
  },
  "organizers.ts": {
    acceptOrganizerRequestAction: { level: "adminOfA", entries: (fx) => ({ applicationId: fx.organizerRequestAppId, groupId: fx.groupA }) },
    declineOrganizerRequestAction: { level: "adminOfA", entries: (fx) => ({ applicationId: fx.organizerRequestAppId, groupId: fx.groupA }) },
  },
  "standards.ts": {
    updateStandardAction: {
      level: "operator",
      entries: (fx) => ({ id: fx.standardId, fingerprint: fx.standardFingerprint, titleEn: "ICCPR Art. 21", titleRu: "МПГПП ст. 21", bodyEn: "Text.", bodyRu: "Текст.", groundCodes: "works" }),
    },
  },
  "api-tokens.ts": {
    createApiTokenAction: { level: "signedIn", entries: () => ({ name: "my script" }) },
    // Only the owner (group A's admin here) may revoke a token.
    revokeApiTokenAction: { level: "adminOfA", entries: (fx) => ({ id: fx.apiTokenId }) },
  },
  "filings.ts": {
    draftFilingAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, kind: "complaint", locale: "ru", intent: "save" }) },
    markFiledAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, attachmentId: fx.filingId, filedOn: "2024-03-02", number: "ЖБ-1" }) },
    // Shared reference data: a new template version is the operators' (a preview is anyone's, and writes nothing).
    saveTemplateAction: { level: "operator", entries: () => ({ kind: "complaint", locale: "en", baseVersion: "1", title: "Complaint" }) },
  },
  "accounts.ts": {
    // Anyone may ask; the answer is the same whether or not the email has an account.
    requestPasswordResetAction: { level: "anyone", entries: () => ({ email: "nobody-here@example.test" }) },
    // The caller is named by the reset link's cookie alone; without one, nothing changes (accounts.test.ts).
    completePasswordResetAction: { level: "anyone", entries: () => ({ password: "a brand new long passphrase" }), outcome: { ok: false, message: "reset_link_invalid" } },
    issueResetLinkAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, membershipId: fx.viewerMembershipId }) },
    // One's own sessions only: another's (or no) session id is "not found" (accounts.test.ts).
    revokeSessionAction: { level: "signedIn", entries: () => ({ sessionId: "no-such-session" }), outcome: { ok: false, message: "not_found" } },
    signOutEverywhereAction: { level: "signedIn", entries: () => ({}) },
    lockMyAccountAction: { level: "signedIn", entries: () => ({}), succeedsAs: "loner" },
    // Named by the email link's cookie alone; without one, nothing is locked.
    lockAccountByLinkAction: { level: "anyone", entries: () => ({}), outcome: { ok: false, message: "lock_link_invalid" } },
    leaveGroupAction: { level: "memberOfA", entries: (fx) => ({ groupId: fx.groupA }) },
    deleteAccountAction: { level: "signedIn", entries: () => ({ deletePassword: LONER_PASSWORD }), succeedsAs: "loner" },
  },
  "locale.ts": {
    setLocaleAction: { level: "anyone", entries: () => ({}) },
  },
  "next-steps.ts": {
    assignNextStepAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, kind: "complaint", assigneeId: fx.actors.viewer!.userId, dueOn: "2024-05-20" }) },
    reassignNextStepAction: { level: "editorOfA", entries: (fx) => ({ id: fx.stepId, assigneeId: fx.actors.viewer!.userId }) },
    // Done by an editor, or by the member it is assigned to (here A's editor).
    completeNextStepAction: { level: "editorOfA", entries: (fx) => ({ id: fx.stepId }) },
    setDeadlineOverrideAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId, overrideOn: "2024-05-30", reason: "The court extended the term" }) },
    clearDeadlineOverrideAction: { level: "editorOfA", entries: (fx) => ({ applicationId: fx.appId }) },
    setGroupTimeZoneAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, timeZone: "Asia/Almaty" }) },
  },
  "import.ts": {
    // A pending import is its uploader's alone (here A's editor): everyone else, A's admin too, finds nothing (import.test.ts).
    saveImportMappingAction: { level: "editorOfA", entries: (fx) => ({ id: fx.importBatchId, col_title: "0", col_form: "1" }) },
    confirmImportAction: { level: "editorOfA", entries: (fx) => ({ id: fx.importBatchId }) },
    cancelImportAction: { level: "editorOfA", entries: (fx) => ({ id: fx.importBatchId }) },
  },
  "reminders.ts": {
    // The caller's own preference: any signed-in member, for nobody but themselves.
    updateReminderPreferencesAction: { level: "signedIn", entries: () => ({ offsets: "3,1" }) },
  },
  "notify.ts": {
    createCalendarFeedAction: { level: "signedIn", entries: () => ({ name: "phone" }) },
    // Only the owner (group A's admin here) may revoke a feed.
    revokeCalendarFeedAction: { level: "adminOfA", entries: (fx) => ({ id: fx.calendarFeedId }) },
    updateChannelsAction: { level: "signedIn", entries: () => ({ email: "on", digest: "on" }) },
    createTelegramCodeAction: { level: "signedIn", entries: () => ({}) },
    unlinkTelegramAction: { level: "signedIn", entries: () => ({}) },
    retryDeliveryAction: { level: "adminOfA", entries: (fx) => ({ groupId: fx.groupA, jobId: fx.failedJobId }) },
  },
};

export const AUTH_ERRORS = ["unauthenticated", "forbidden", "not_found", "signed_in_already", "invitation_other_email"];

export function useServerFiles(): string[] {
  const dir = path.join(ROOT, "lib/actions");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(path.join(dir, f), "utf8").replace(/^(\s*\/\/.*\n)*/, "")))
    .sort();
}

export type ActionResult = { kind: "state"; state: FormState | void } | { kind: "redirect"; to: string } | { kind: "error"; error: unknown };

export async function callAction(fn: (...a: unknown[]) => Promise<FormState | void>, file: string, entries: Entries): Promise<ActionResult> {
  try {
    if (file === "locale.ts") return { kind: "state", state: await fn("ru") };
    return { kind: "state", state: await fn(initialFormState, form(entries)) };
  } catch (e) {
    const digest = (e as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] };
    return { kind: "error", error: e };
  }
}

