// Hearings and rulings are corrected in place (with the version check every record has), and
// dates that cannot be — an answer before the filing, a ruling before its stage, a hearing
// after its ruling — are refused beside their field, with nothing written.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { renderChecked, run, twoGroups, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { createElement as h } from "react";
import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { addHearingAction, fileAppealAction, recordRulingAction, updateAppealAction, updateHearingAction, updateRulingAction } from "@/lib/actions/appeals";
import { recordAnswerAction, updateAnswerAction } from "@/lib/actions/answers";
import { updateApplicationAction } from "@/lib/actions/applications";
import { recomputeCase } from "@/lib/data/case-state";
import { getCase } from "@/lib/data/cases";
import { AppealsSection } from "@/components/appeals/AppealsSection";
import { HearingForm } from "@/components/appeals/HearingForm";
import { RulingForm } from "@/components/appeals/RulingForm";
import { optionalDate } from "@/lib/validation/common";

let groupA: string;
let editorA: Actor;
let viewerA: Actor;
let editorB: Actor;

beforeAll(async () => {
  await loadReference(db);
  ({ groupA, editorA, viewerA, editorB } = await twoGroups());
});
beforeEach(() => {
  session.actor = null;
});

/** Filed 1 Nov 2024, refused 5 Nov; a complaint filed 20 Nov with a hearing on 2 Dec and a ruling on 10 Dec. */
async function ruledCase() {
  const app = await db.application.create({
    data: {
      groupId: groupA,
      title: "Rally for equal pay",
      procedure: "notification",
      city: "Almaty",
      filedOn: "2024-11-01",
      organizers: { create: [{ groupId: groupA }] },
      parts: { create: [{ form: "rally", place: "Astana Square", eventDate: "2024-11-20" }] },
    },
    include: { parts: true },
  });
  const answer = await db.answer.create({
    data: { applicationId: app.id, receivedOn: "2024-11-05", statedReason: "Booked.", partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } },
  });
  const stage = await db.appealStage.create({ data: { applicationId: app.id, kind: "complaint", filedOn: "2024-11-20", bodyName: "Regional akimat" } });
  const hearing = await db.hearing.create({ data: { appealStageId: stage.id, heldOn: "2024-12-02", time: "10:00", authorityArguments: "The square was booked." } });
  const ruling = await db.ruling.create({ data: { appealStageId: stage.id, decidedOn: "2024-12-10", outcome: "upheld", summary: "Complaint rejected." } });
  await db.$transaction((tx) => recomputeCase(tx, app.id));
  return { appId: app.id, partId: app.parts[0].id, answerId: answer.id, stageId: stage.id, hearingId: hearing.id, rulingId: ruling.id };
}

const hearingEntries = (id: string, version: number, extra: Entries = {}): Entries => ({
  id,
  version: String(version),
  heldOn: "2024-12-03",
  heldOnPrecision: "day",
  time: "11:30",
  authorityArguments: "The square was booked by a youth festival.",
  applicantArguments: "No festival took place.",
  notes: "",
  ...extra,
});
const rulingEntries = (stageId: string, id: string, version: number, extra: Entries = {}): Entries => ({
  stageId,
  id,
  version: String(version),
  decidedOn: "2024-12-11",
  decidedOnPrecision: "day",
  outcome: "partly",
  summary: "Partly upheld on appeal.",
  text: "",
  ...extra,
});

describe("editing hearings and rulings", () => {
  it("an editor corrects a hearing; the change is in the case's history", async () => {
    const c = await ruledCase();
    const res = await run(editorA, updateHearingAction, hearingEntries(c.hearingId, 1));
    expect(res.redirect).toBe(`/applications/${c.appId}#appeals`);
    const hearing = await db.hearing.findUniqueOrThrow({ where: { id: c.hearingId } });
    expect(hearing).toMatchObject({ heldOn: "2024-12-03", time: "11:30", applicantArguments: "No festival took place.", version: 2 });
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "Hearing", entityId: c.hearingId, action: "update" } });
    expect(log.caseId).toBe(c.appId);
    expect(JSON.parse(log.before)).toMatchObject({ heldOn: "2024-12-02", time: "10:00" });
    expect(JSON.parse(log.after)).toMatchObject({ heldOn: "2024-12-03", time: "11:30" });
  });

  it("an editor corrects a ruling; the outcome follows and the change is logged", async () => {
    const c = await ruledCase();
    const res = await run(editorA, updateRulingAction, rulingEntries(c.stageId, c.rulingId, 1));
    expect(res.redirect).toBe(`/applications/${c.appId}#appeals`);
    expect(await db.ruling.findUniqueOrThrow({ where: { id: c.rulingId } })).toMatchObject({ decidedOn: "2024-12-11", outcome: "partly", version: 2 });
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "Ruling", entityId: c.rulingId, action: "update" } });
    expect(JSON.parse(log.after)).toMatchObject({ outcome: "partly", decidedOn: "2024-12-11" });
  });

  it("a stale version is refused with the record as it is now, and nothing is overwritten", async () => {
    const c = await ruledCase();
    expect((await run(editorA, updateHearingAction, hearingEntries(c.hearingId, 1, { time: "09:00" }))).redirect).toBeTruthy();
    const stale = await run(editorA, updateHearingAction, hearingEntries(c.hearingId, 1, { time: "15:00", notes: "my typing" }));
    expect(stale.state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2, time: "09:00" } });
    expect((stale.state?.data?.values as Record<string, string>).notes).toBe("my typing");
    expect((await db.hearing.findUniqueOrThrow({ where: { id: c.hearingId } })).time).toBe("09:00");

    expect((await run(editorA, updateRulingAction, rulingEntries(c.stageId, c.rulingId, 1, { summary: "First" }))).redirect).toBeTruthy();
    const staleRuling = await run(editorA, updateRulingAction, rulingEntries(c.stageId, c.rulingId, 1, { summary: "Second" }));
    expect(staleRuling.state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2, summary: "First" } });
    expect((await db.ruling.findUniqueOrThrow({ where: { id: c.rulingId } })).summary).toBe("First");

    // The forms show the other person's version beside what was typed, in both languages.
    for (const locale of ["en", "ru"] as const) {
      const html = renderChecked(
        h(HearingForm, { action: async () => stale.state!, stageId: c.stageId, cancelHref: "/", initial: { id: c.hearingId, version: "1", heldOn: "2024-12-03", heldOnPrecision: "day", time: "15:00", authorityArguments: "", applicantArguments: "", notes: "" } }),
        locale,
      );
      expect(html).toContain('name="version"');
    }
  });

  it("a viewer cannot edit a hearing or a ruling, and another group cannot find them", async () => {
    const c = await ruledCase();
    expect((await run(viewerA, updateHearingAction, hearingEntries(c.hearingId, 1))).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(viewerA, updateRulingAction, rulingEntries(c.stageId, c.rulingId, 1))).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(editorB, updateHearingAction, hearingEntries(c.hearingId, 1))).state).toMatchObject({ ok: false, message: "not_found" });
    expect((await run(editorB, updateRulingAction, rulingEntries(c.stageId, c.rulingId, 1))).state).toMatchObject({ ok: false, message: "not_found" });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: c.hearingId } })).toMatchObject({ heldOn: "2024-12-02", version: 1 });
    expect(await db.ruling.findUniqueOrThrow({ where: { id: c.rulingId } })).toMatchObject({ outcome: "upheld", version: 1 });
  });

  it("the case page links to the edit pages for editors only", async () => {
    const c = await ruledCase();
    const asEditor = renderChecked(h(AppealsSection, { data: await getCase(editorA, c.appId) }), "en");
    expect(asEditor).toContain(`href="/appeals/${c.stageId}/hearings/${c.hearingId}/edit"`);
    expect(asEditor).toContain(`href="/appeals/${c.stageId}/ruling/edit"`);
    const asViewer = renderChecked(h(AppealsSection, { data: await getCase(viewerA, c.appId) }), "ru");
    expect(asViewer).not.toContain("/edit");
    expect(renderChecked(h(RulingForm, { action: async () => ({ ok: false }), stageId: c.stageId, cancelHref: "/", initial: { id: c.rulingId, version: "1", decidedOn: "2024-12-10", decidedOnPrecision: "day", outcome: "upheld", summary: "", text: "" } }), "ru")).toContain("Сохранить решение");
  });
});

describe("dates that cannot be", () => {
  const answerEntries = (applicationId: string, partId: string, extra: Entries = {}): Entries => ({
    applicationId,
    receivedOn: "2024-10-30",
    receivedOnPrecision: "day",
    statedReason: "Booked.",
    "outcomes.0.partId": partId,
    "outcomes.0.outcome": "refused",
    "grounds[]": ["works"],
    ...extra,
  });

  it("an answer dated before the filing is refused beside its field", async () => {
    const c = await ruledCase();
    const before = await db.answer.count();
    const res = await run(editorA, recordAnswerAction, answerEntries(c.appId, c.partId));
    expect(res.state).toMatchObject({ ok: false, message: "form_invalid", errors: { receivedOn: ["answer_before_filing"] } });
    expect(await db.answer.count()).toBe(before);
    const edit = await run(editorA, updateAnswerAction, { ...answerEntries(c.appId, c.partId), id: c.answerId, version: "1" });
    expect(edit.state?.errors).toEqual({ receivedOn: ["answer_before_filing"] });
    // Known only to the month, October 2024 is still before 1 November: refused; November is not.
    expect((await run(editorA, recordAnswerAction, answerEntries(c.appId, c.partId, { receivedOnPrecision: "month" }))).state?.errors).toEqual({ receivedOn: ["answer_before_filing"] });
    expect((await run(editorA, recordAnswerAction, answerEntries(c.appId, c.partId, { receivedOn: "2024-11-01", receivedOnPrecision: "month" }))).redirect).toBeTruthy();
  });

  it("an application cannot be re-dated after the answer it already got", async () => {
    const c = await ruledCase();
    const app = await db.application.findUniqueOrThrow({ where: { id: c.appId }, include: { parts: true } });
    const res = await run(editorA, updateApplicationAction, {
      id: c.appId,
      version: String(app.version),
      organizerIds: [groupA],
      title: app.title,
      city: app.city,
      filedOn: "2024-11-10",
      filedOnPrecision: "day",
      "parts.0.id": c.partId,
      "parts.0.form": "rally",
      "parts.0.place": "Astana Square",
      "parts.0.eventDate": "2024-11-20",
      "parts.0.eventDatePrecision": "day",
    });
    expect(res.state).toMatchObject({ ok: false, errors: { filedOn: ["filing_after_answer"] } });
    expect((await db.application.findUniqueOrThrow({ where: { id: c.appId } })).filedOn).toBe("2024-11-01");
  });

  it("a stage filed before the filing or the answer it contests, or after its own ruling, is refused", async () => {
    const c = await ruledCase();
    const stage = { applicationId: c.appId, kind: "first_instance", filedOnPrecision: "day", bodyName: "Court" };
    expect((await run(editorA, fileAppealAction, { ...stage, filedOn: "2024-10-15" })).state?.errors).toEqual({ filedOn: ["stage_before_filing"] });
    expect((await run(editorA, fileAppealAction, { ...stage, filedOn: "2024-11-03" })).state?.errors).toEqual({ filedOn: ["stage_before_answer"] });
    expect(await db.appealStage.count({ where: { applicationId: c.appId } })).toBe(1);
    const moved = await run(editorA, updateAppealAction, { id: c.stageId, version: "1", kind: "complaint", filedOn: "2024-12-15", filedOnPrecision: "day", bodyName: "Regional akimat" });
    expect(moved.state?.errors).toEqual({ filedOn: ["stage_after_hearing"] });
    expect((await db.appealStage.findUniqueOrThrow({ where: { id: c.stageId } })).filedOn).toBe("2024-11-20");
  });

  it("a hearing before its stage or after its ruling, and a ruling before its stage or a hearing, are refused", async () => {
    const c = await ruledCase();
    const hearings = await db.hearing.count();
    expect((await run(editorA, addHearingAction, { stageId: c.stageId, heldOn: "2024-11-19", heldOnPrecision: "day" })).state?.errors).toEqual({ heldOn: ["hearing_before_stage"] });
    expect((await run(editorA, addHearingAction, { stageId: c.stageId, heldOn: "2024-12-20", heldOnPrecision: "day" })).state?.errors).toEqual({ heldOn: ["hearing_after_ruling"] });
    expect((await run(editorA, updateHearingAction, hearingEntries(c.hearingId, 1, { heldOn: "2024-12-20" }))).state?.errors).toEqual({ heldOn: ["hearing_after_ruling"] });
    expect(await db.hearing.count()).toBe(hearings);
    expect((await run(editorA, updateRulingAction, rulingEntries(c.stageId, c.rulingId, 1, { decidedOn: "2024-11-10" }))).state?.errors).toEqual({ decidedOn: ["ruling_before_stage"] });
    expect((await run(editorA, updateRulingAction, rulingEntries(c.stageId, c.rulingId, 1, { decidedOn: "2024-11-25" }))).state?.errors).toEqual({ decidedOn: ["ruling_before_hearing"] });
    expect((await db.ruling.findUniqueOrThrow({ where: { id: c.rulingId } })).decidedOn).toBe("2024-12-10");

    // A new stage without a ruling: a ruling dated before it is refused on recording too.
    const court = await db.appealStage.create({ data: { applicationId: c.appId, kind: "first_instance", filedOn: "2024-12-20" } });
    expect((await run(editorA, recordRulingAction, { stageId: court.id, decidedOn: "2024-12-19", decidedOnPrecision: "day", outcome: "upheld" })).state?.errors).toEqual({ decidedOn: ["ruling_before_stage"] });
    expect(await db.ruling.count({ where: { appealStageId: court.id } })).toBe(0);
  });

  it("a five-digit year asks for a date between 1990 and 2100, in both languages", async () => {
    expect(optionalDate.safeParse("20245-03-08").error?.issues[0].message).toBe("date_out_of_range");
    expect(optionalDate.safeParse("1899-03-08").error?.issues[0].message).toBe("date_out_of_range");
    expect(optionalDate.safeParse("2024-02-30").error?.issues[0].message).toBe("invalid_date");
    expect(optionalDate.safeParse("2024-03-08").success).toBe(true);
    const c = await ruledCase();
    const res = await run(editorA, addHearingAction, { stageId: c.stageId, heldOn: "20245-12-03", heldOnPrecision: "day" });
    expect(res.state?.errors).toEqual({ heldOn: ["date_out_of_range"] });
    const html = renderChecked(h(HearingForm, { action: async () => res.state!, stageId: c.stageId, cancelHref: "/" }), "en");
    expect(html).toBeTypeOf("string");
    const { loadMessages } = await import("@/lib/i18n/catalogue");
    expect((loadMessages("en") as { errors: Record<string, string> }).errors.date_out_of_range).toBe("Enter a date between 1990 and 2100.");
    expect((loadMessages("ru") as { errors: Record<string, string> }).errors.date_out_of_range).toMatch(/1990.*2100/);
  });
});
