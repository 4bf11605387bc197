// Group settings: members and roles, invitations (only the token's hash is stored), and the
// deadline rules and holiday calendar that are data an admin edits.
import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import type { Role } from "@/lib/domain/vocabulary";
import { session } from "../support/session";
import { makeActor, makeGroup, render, run } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import type { FormState } from "@/lib/actions/form-state";
import { acceptInvitationAction, inviteMemberAction, joinGroupAction, revokeInvitationAction } from "@/lib/actions/invitations";
import { addHolidayAction, changeRoleAction, removeHolidayAction, removeMemberAction, updateDeadlineRuleAction } from "@/lib/actions/settings";
import { findInvitation } from "@/lib/data/invitations";
import { verifyPassword } from "@/lib/auth/password";
import { recomputeCase } from "@/lib/data/case-state";
import { getCase } from "@/lib/data/cases";
import { resetLimits } from "@/lib/rate-limit";
import { getMembersPage, isOperator, listDeadlineRules, listReferenceChanges } from "@/lib/data/settings";
import { HistoryList } from "@/components/cases/HistoryList";
import { createElement as h } from "react";
import { MemberRow } from "@/components/settings/MemberRow";
import { InviteForm } from "@/components/settings/InviteForm";
import { RuleForm } from "@/components/settings/RuleForm";
import { HolidayForm } from "@/components/settings/HolidayForm";
import { AcceptInvitationForm, JoinGroupForm } from "@/components/settings/InvitationForms";

let groupA: string;
let groupB: string;
let adminA: Actor;
let editorA: Actor;
let adminB: Actor;
let operator: Actor;

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("groupa", "Group A")).id;
  groupB = (await makeGroup("groupb", "Group B")).id;
  adminA = await makeActor("admin-a", [[groupA, "admin"]]);
  editorA = await makeActor("editor-a", [[groupA, "editor"]]);
  adminB = await makeActor("admin-b", [[groupB, "admin"]]);
  operator = await makeActor("operator", [[groupB, "viewer"]], { isOperator: true });
});

beforeEach(async () => {
  session.actor = null;
  await resetLimits();
});

async function invite(email: string, role: Role = "editor", groupId = groupA, actor = adminA) {
  const res = await run(actor, inviteMemberAction, { groupId, email, role });
  const path = res.state?.data?.path as string | undefined;
  return { res, token: path?.split("/").pop() ?? "" };
}

describe("invitations", () => {
  it("stores only the token's hash and shows the link once", async () => {
    const { res, token } = await invite("New.Member@Example.test");
    expect(res.state).toMatchObject({ ok: true, message: "invitation_created" });
    expect(token.length).toBeGreaterThanOrEqual(40);
    const inv = await db.invitation.findFirstOrThrow({ where: { email: "new.member@example.test" } });
    expect(inv.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(inv)).not.toContain(token);
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "Invitation", entityId: inv.id } });
    expect(log.after).not.toContain(token);
    expect(log.after).not.toContain(inv.tokenHash);
    expect(log.after).not.toContain("new.member@example.test");
  });

  it("accepting creates the account and the membership with the invited role; the link then stops working", async () => {
    const { token } = await invite("newcomer@example.test", "viewer");
    expect(await findInvitation(token)).toMatchObject({ status: "valid", groupName: "Group A", role: "viewer", accountExists: false });

    const short = await run(null, acceptInvitationAction, { token, name: "Newcomer", password: "short" });
    expect(short.state).toMatchObject({ ok: false, errors: { password: ["password_too_short"] } });
    expect(short.state?.data?.values).toMatchObject({ name: "Newcomer", password: "" });

    const ok = await run(null, acceptInvitationAction, { token, name: "Newcomer", password: "a long enough password" });
    expect(ok.redirect).toMatch(/^\/signin/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "newcomer@example.test" }, include: { memberships: true } });
    expect(user.name).toBe("Newcomer");
    expect(await verifyPassword("a long enough password", user.passwordHash)).toBe(true);
    expect(user.memberships).toMatchObject([{ groupId: groupA, role: "viewer" }]);
    expect((await db.invitation.findFirstOrThrow({ where: { email: "newcomer@example.test" } })).acceptedAt).not.toBeNull();

    const reused = await run(null, acceptInvitationAction, { token, name: "Someone", password: "another long password" });
    expect(reused.state).toMatchObject({ ok: false, message: "invitation_invalid" });
    expect(await findInvitation(token)).toEqual({ status: "used" });
    expect(await db.user.count({ where: { email: "newcomer@example.test" } })).toBe(1);
  });

  it("refuses an expired or unknown token", async () => {
    const { token } = await invite("late@example.test");
    await db.invitation.updateMany({ where: { email: "late@example.test" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(token)).toEqual({ status: "expired" });
    const late = await run(null, acceptInvitationAction, { token, name: "Late", password: "a long enough password" });
    expect(late.state).toMatchObject({ ok: false, message: "invitation_invalid" });
    expect(await db.user.count({ where: { email: "late@example.test" } })).toBe(0);
    const made_up = await run(null, acceptInvitationAction, { token: "x".repeat(43), name: "Guess", password: "a long enough password" });
    expect(made_up.state).toMatchObject({ ok: false, message: "invitation_invalid" });
  });

  it("lets a signed-in user join with the invited role", async () => {
    const { token } = await invite(adminB.email, "editor");
    const joined = await run(adminB, joinGroupAction, { token });
    expect(joined.redirect).toBe("/dashboard");
    expect(await db.membership.findFirst({ where: { userId: adminB.userId, groupId: groupA } })).toMatchObject({ role: "editor" });
    await db.membership.deleteMany({ where: { userId: adminB.userId, groupId: groupA } });
  });

  it("only a group's admin may invite or revoke", async () => {
    expect((await invite("x@example.test", "editor", groupA, editorA)).res.state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await invite("x@example.test", "editor", groupA, adminB)).res.state).toMatchObject({ ok: false, message: "not_found" });
    await invite("revoke@example.test");
    const inv = await db.invitation.findFirstOrThrow({ where: { email: "revoke@example.test" } });
    expect((await run(adminB, revokeInvitationAction, { groupId: groupB, invitationId: inv.id })).state).toMatchObject({ ok: false, message: "not_found" });
    expect((await run(adminA, revokeInvitationAction, { groupId: groupA, invitationId: inv.id })).state).toMatchObject({ ok: true });
    expect(await db.invitation.count({ where: { id: inv.id } })).toBe(0);
  });

  it("rate-limits acceptance attempts", async () => {
    let last: FormState | null = null;
    for (let i = 0; i < 31; i++) last = (await run(null, acceptInvitationAction, { token: "y".repeat(43), name: "Guess", password: "a long enough password" })).state;
    expect(last).toMatchObject({ ok: false, message: "rate_limited" });
  });
});

describe("members", () => {
  it("refuses to remove or demote the last admin; allows it once there is another", async () => {
    const m = await db.membership.findFirstOrThrow({ where: { userId: adminA.userId, groupId: groupA } });
    expect((await run(adminA, removeMemberAction, { groupId: groupA, membershipId: m.id })).state).toMatchObject({ ok: false, message: "last_admin" });
    expect((await run(adminA, changeRoleAction, { groupId: groupA, membershipId: m.id, role: "editor" })).state).toMatchObject({ ok: false, message: "last_admin" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ role: "admin" });

    const e = await db.membership.findFirstOrThrow({ where: { userId: editorA.userId, groupId: groupA } });
    expect((await run(editorA, changeRoleAction, { groupId: groupA, membershipId: e.id, role: "admin" })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(adminB, changeRoleAction, { groupId: groupB, membershipId: e.id, role: "admin" })).state).toMatchObject({ ok: false, message: "not_found" });
    expect((await run(adminA, changeRoleAction, { groupId: groupA, membershipId: e.id, role: "admin" })).state).toMatchObject({ ok: true });
    expect((await run(adminA, changeRoleAction, { groupId: groupA, membershipId: m.id, role: "viewer" })).state).toMatchObject({ ok: true });
    const log = await db.changeLog.findMany({ where: { entity: "Membership", entityId: m.id } });
    expect(log).toHaveLength(1);

    // Restore for the other tests.
    await db.membership.update({ where: { id: m.id }, data: { role: "admin" } });
    await db.membership.update({ where: { id: e.id }, data: { role: "editor" } });
  });

  it("removes a member who is not the last admin", async () => {
    const extra = await makeActor("leaving", [[groupA, "viewer"]]);
    const m = await db.membership.findFirstOrThrow({ where: { userId: extra.userId } });
    expect((await run(adminA, removeMemberAction, { groupId: groupA, membershipId: m.id })).state).toMatchObject({ ok: true });
    expect(await db.membership.count({ where: { id: m.id } })).toBe(0);
  });
});

describe("deadline rules and the holiday calendar", () => {
  async function awaitingCase(filedOn: string) {
    const app = await db.application.create({
      data: { groupId: groupA, title: "Picket", procedure: "notification", filedOn, parts: { create: [{ form: "picket" }] } },
    });
    await db.$transaction((tx) => recomputeCase(tx, app.id));
    return app.id;
  }

  it("editing a rule changes the computed deadline, and is logged", async () => {
    // Filed Monday 2 March 2026: 3 working days → Thursday 5 March.
    const id = await awaitingCase("2026-03-02");
    expect((await getCase(adminA, id)).deadline).toMatchObject({ ruleCode: "notification_answer", dueOn: "2026-03-05" });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).answerDueOn).toBe("2026-03-05");

    const rule = await db.deadlineRule.findUniqueOrThrow({ where: { code: "notification_answer" } });
    const entries = { id: rule.id, amount: "5", unit: "working_days", direction: "after", legalBasis: "Law No. 333-VI, Art. 12 (as amended)", labelEn: rule.labelEn, labelRu: rule.labelRu, active: "on" };
    expect((await run(editorA, updateDeadlineRuleAction, entries)).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(operator, updateDeadlineRuleAction, { ...entries, amount: "-1" })).state).toMatchObject({ ok: false, errors: { amount: ["invalid_number"] } });
    expect((await run(operator, updateDeadlineRuleAction, entries)).state).toMatchObject({ ok: true });

    // 5 working days from Monday 2 March: 3, 4, 5, 6, then Sunday 8 March (a holiday on a
    // weekend, moved to Monday 9) is passed over → Tuesday 10 March.
    const data = await getCase(adminA, id);
    expect(data.deadline).toMatchObject({ dueOn: "2026-03-10", amount: 5, legalBasis: "Law No. 333-VI, Art. 12 (as amended)" });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).answerDueOn).toBe("2026-03-10");
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "DeadlineRule", entityId: rule.id, caseId: null } });
    expect(JSON.parse(log.before)).toMatchObject({ amount: 3 });
    expect(JSON.parse(log.after)).toMatchObject({ amount: 5 });
    expect(log.userId).toBe(operator.userId);
    expect(log.groupId).toBeNull();

    // Put it back for the tests below.
    await run(operator, updateDeadlineRuleAction, { ...entries, amount: "3", legalBasis: rule.legalBasis });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).answerDueOn).toBe("2026-03-05");
  });

  it("adds and removes a holiday; the deadlines follow", async () => {
    const id = await awaitingCase("2026-04-06"); // Monday → Thursday 9 April
    expect((await db.application.findUniqueOrThrow({ where: { id } })).answerDueOn).toBe("2026-04-09");
    const added = await run(operator, addHolidayAction, { date: "2026-04-08", kind: "holiday", name: "Extra day off" });
    expect(added.state).toMatchObject({ ok: true });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).answerDueOn).toBe("2026-04-10");
    expect((await run(operator, addHolidayAction, { date: "2026-04-08", kind: "holiday", name: "Twice" })).state).toMatchObject({ ok: false, message: "holiday_exists" });
    expect((await run(operator, addHolidayAction, { date: "2026-04-08", kind: "working_day", name: "Not a weekend" })).state).toMatchObject({ ok: false, message: "not_weekend" });
    expect((await run(editorA, addHolidayAction, { date: "2026-04-07", kind: "holiday", name: "No" })).state).toMatchObject({ ok: false, message: "forbidden" });

    const row = await db.holiday.findFirstOrThrow({ where: { date: "2026-04-08" } });
    expect((await run(operator, removeHolidayAction, { id: row.id })).state).toMatchObject({ ok: true });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).answerDueOn).toBe("2026-04-09");
    expect(await db.changeLog.count({ where: { entity: "Holiday", entityId: row.id, caseId: null } })).toBe(2);

    // A Saturday made a working day counts towards the deadline.
    const id2 = await awaitingCase("2026-04-16"); // Thursday → Fri 17, Mon 20, Tue 21
    expect((await db.application.findUniqueOrThrow({ where: { id: id2 } })).answerDueOn).toBe("2026-04-21");
    await run(operator, addHolidayAction, { date: "2026-04-18", kind: "working_day", name: "Working Saturday" });
    expect((await db.application.findUniqueOrThrow({ where: { id: id2 } })).answerDueOn).toBe("2026-04-20");
  });
});

describe("shared reference data: operators only, every change in the open", () => {
  async function awaitingCase(filedOn: string, groupId = groupA) {
    const app = await db.application.create({
      data: { groupId, title: "Picket for the record", procedure: "notification", filedOn, parts: { create: [{ form: "picket" }] } },
    });
    await db.$transaction((tx) => recomputeCase(tx, app.id));
    return app.id;
  }
  const ruleEntries = (rule: { id: string; labelEn: string; labelRu: string; legalBasis: string }, amount: string) => ({
    id: rule.id, amount, unit: "working_days", direction: "after", legalBasis: rule.legalBasis, labelEn: rule.labelEn, labelRu: rule.labelRu, active: "on",
  });

  it("a group's admin cannot change a rule, a holiday or a standard: nothing is stored", async () => {
    const rule = await db.deadlineRule.findUniqueOrThrow({ where: { code: "notification_answer" } });
    const logsBefore = await db.changeLog.count();
    for (const admin of [adminA, adminB]) {
      expect((await run(admin, updateDeadlineRuleAction, ruleEntries(rule, "9"))).state).toMatchObject({ ok: false, message: "forbidden" });
      expect((await run(admin, addHolidayAction, { date: "2026-05-13", kind: "holiday", name: "Admin's day off" })).state).toMatchObject({ ok: false, message: "forbidden" });
    }
    expect(await db.deadlineRule.findUniqueOrThrow({ where: { id: rule.id } })).toEqual(rule);
    expect(await db.holiday.findFirst({ where: { date: "2026-05-13" } })).toBeNull();
    expect(await db.changeLog.count()).toBe(logsBefore);
    // The pages show them read-only: no link to the edit form for a group admin.
    expect(isOperator(adminA)).toBe(false);
    expect(isOperator(operator)).toBe(true);
  });

  it("an operator's change writes into each affected case's history, and every group sees the change log", async () => {
    const rule = await db.deadlineRule.findUniqueOrThrow({ where: { code: "notification_answer" } });
    const caseA = await awaitingCase("2026-03-02"); // due Thursday 5 March
    const caseB = await awaitingCase("2026-03-02", groupB);
    expect((await run(operator, updateDeadlineRuleAction, ruleEntries(rule, "4"))).state).toMatchObject({ ok: true });
    try {
      for (const [caseId, groupId] of [[caseA, groupA], [caseB, groupB]]) {
        const entry = await db.changeLog.findFirstOrThrow({ where: { caseId, entity: "DeadlineRule" } });
        expect(entry).toMatchObject({ action: "update", entityId: rule.id, groupId, userId: operator.userId });
        expect(JSON.parse(entry.before)).toMatchObject({ rule: "notification_answer", amount: 3, answerDueOn: "2026-03-05" });
        expect(JSON.parse(entry.after)).toMatchObject({ rule: "notification_answer", amount: 4, answerDueOn: "2026-03-06" });
      }
      // The case's own history shows it to its members.
      const history = (await getCase(adminA, caseA)).history;
      expect(history.some((h) => h.entity === "DeadlineRule")).toBe(true);

      const shared = await listReferenceChanges();
      expect(shared[0]).toMatchObject({ entity: "DeadlineRule", entityId: rule.id, userName: "operator" });
      const html = render(h(HistoryList, { history: shared, id: "reference-changes", title: "Changes to shared reference data" }));
      expect(html).toContain("Changes to shared reference data");
      expect(html).toContain("changed deadline rule");
    } finally {
      await run(operator, updateDeadlineRuleAction, ruleEntries(rule, "3"));
    }
  });
});

describe("settings forms", () => {
  it("render members, invitations, rules and holidays in both languages", async () => {
    const page = await getMembersPage(adminA, groupA);
    expect(page.isAdmin).toBe(true);
    expect((await getMembersPage(editorA, groupA)).invitations).toEqual([]);
    const row = render(h("ul", null, h(MemberRow, { groupId: groupA, member: page.members[0], isSelf: true })));
    expect(row).toContain("Leave the group");
    expect(render(h(InviteForm, { groupId: groupA }), "ru")).toContain("Создать приглашение");
    const rule = (await listDeadlineRules()).find((r) => r.code === "appeal")!;
    const ruleHtml = render(h(RuleForm, { countsFrom: rule.countsFrom, initial: { id: rule.id, amount: String(rule.amount), unit: rule.unit, direction: rule.direction, legalBasis: rule.legalBasis, legalBasisRu: rule.legalBasisRu, legalBasisKk: rule.legalBasisKk, labelEn: rule.labelEn, labelRu: rule.labelRu, labelKk: rule.labelKk, active: "on" } }));
    expect(ruleHtml).toContain("after the ruling");
    // Every language has its field: the name and the legal basis in English, Russian and Kazakh.
    for (const name of ["labelEn", "labelRu", "labelKk", "legalBasis", "legalBasisRu", "legalBasisKk"]) expect(ruleHtml).toContain(`name="${name}"`);
    expect(render(h(HolidayForm, { year: 2026 }), "kk")).toContain('name="nameKk"');
    expect(render(h(HolidayForm, { year: 2026 }), "ru")).toContain("Рабочий день в выходные");
    expect(render(h(AcceptInvitationForm, { token: "t".repeat(43), email: "x@example.test" }))).toContain("At least 12 characters, and not one of the most common passwords.");
    expect(render(h(JoinGroupForm, { token: "t".repeat(43) }), "ru")).toContain("Вступить в группу");
  });
});
