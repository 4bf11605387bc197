// Appeals: a complaint, then a court claim with a hearing and a ruling; the status follows
// and the next deadline is computed from the rules and the holiday calendar.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { render as renderIn, run, twoGroups, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { addHearingAction, deleteHearingAction, fileAppealAction, recordRulingAction, updateAppealAction } from "@/lib/actions/appeals";
import { addEventAction } from "@/lib/actions/events";
import { recomputeCase } from "@/lib/data/case-state";
import { getCase } from "@/lib/data/cases";
import { listAppealStages, listAppealBodies } from "@/lib/data/appeals";
import { createElement as h, type ReactElement } from "react";
import { DeadlineBox } from "@/components/cases/DeadlineBox";
import { AppealsSection } from "@/components/appeals/AppealsSection";
import { AppealStageForm } from "@/components/appeals/AppealStageForm";
import { RulingForm } from "@/components/appeals/RulingForm";
import { EventsSection } from "@/components/events/EventsSection";
import { EventForm } from "@/components/events/EventForm";

let groupA: string;
let editorA: Actor;
let viewerA: Actor;
let editorB: Actor;

/** A rally notification refused in writing: something to appeal. */
async function refusedCase(opts: { answered?: boolean; filedOn?: string } = {}): Promise<string> {
  const app = await db.application.create({
    data: {
      groupId: groupA,
      title: "Rally for women's rights",
      procedure: "notification",
      city: "Almaty",
      filedOn: opts.filedOn ?? "2024-11-01",
      organizers: { create: [{ groupId: groupA }] },
      parts: { create: [{ form: "rally", place: "Astana Square", eventDate: "2024-11-20" }] },
    },
    include: { parts: true },
  });
  if (opts.answered !== false) {
    await db.answer.create({
      data: {
        applicationId: app.id,
        receivedOn: "2024-11-05",
        statedReason: "The place is booked by another organisation.",
        partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] },
      },
    });
  }
  await db.$transaction((tx) => recomputeCase(tx, app.id, "2024-11-06"));
  return app.id;
}

async function status(id: string) {
  return (await db.application.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

beforeAll(async () => {
  await loadReference(db);
  ({ groupA, editorA, viewerA, editorB } = await twoGroups());
});

beforeEach(() => {
  session.actor = null;
});

const complaint = (applicationId: string, extra: Entries = {}): Entries => ({
  applicationId,
  kind: "complaint",
  filedOn: "2024-11-20",
  filedOnPrecision: "day",
  bodyId: "",
  bodyName: "Akimat of Almaty region",
  caseNumber: "",
  authorityArguments: "",
  notes: "",
  ...extra,
});

describe("filing appeals and recording rulings", () => {
  it("a complaint, then a first-instance claim with a hearing and an upheld ruling: statuses and the next deadline", async () => {
    const id = await refusedCase();
    expect(await status(id)).toBe("answered");

    const filed = await run(editorA, fileAppealAction, complaint(id));
    expect(filed.state).toBeNull();
    expect(filed.redirect).toBe(`/applications/${id}#appeals`);
    const complaintStage = await db.appealStage.findFirstOrThrow({ where: { applicationId: id, kind: "complaint" } });
    expect(complaintStage.bodyName).toBe("Akimat of Almaty region");
    expect(await status(id)).toBe("under_appeal");

    const ruledComplaint = await run(editorA, recordRulingAction, { stageId: complaintStage.id, decidedOn: "2024-12-10", decidedOnPrecision: "day", outcome: "upheld", summary: "Complaint rejected.", text: "" });
    expect(ruledComplaint.redirect).toBe(`/applications/${id}#appeals`);
    expect(await status(id)).toBe("closed");

    const court = await db.authority.create({ data: { name: "Specialised inter-district administrative court of Almaty", kind: "court", city: "Almaty" } });
    // Reference data, as the seeded courts are: a published source vouches for it, so every group may choose it.
    const source = await db.source.create({ data: { groupId: groupA, isPublic: true, slug: "court-register", title: "Court register", text: "The court." } });
    await db.citation.create({ data: { sourceId: source.id, recordType: "Authority", recordId: court.id, quote: "The court." } });
    await run(editorA, fileAppealAction, complaint(id, { kind: "first_instance", filedOn: "2025-01-08", bodyId: court.id, bodyName: "", caseNumber: "7599-25-00-4/112" }));
    const claim = await db.appealStage.findFirstOrThrow({ where: { applicationId: id, kind: "first_instance" } });
    expect(claim.bodyId).toBe(court.id);
    expect(claim.caseNumber).toBe("7599-25-00-4/112");
    expect(await status(id)).toBe("under_appeal");

    const heard = await run(editorA, addHearingAction, {
      stageId: claim.id,
      heldOn: "2025-02-12",
      heldOnPrecision: "day",
      time: "10:30",
      authorityArguments: "Letters from a public association and a citizen objected to the rally.",
      applicantArguments: "A booking is not a ground to refuse without offering another place.",
      notes: "",
    });
    expect(heard.redirect).toBe(`/applications/${id}#appeals`);
    const hearing = await db.hearing.findFirstOrThrow({ where: { appealStageId: claim.id } });
    expect(hearing.time).toBe("10:30");
    expect(hearing.authorityArguments).toContain("Letters");
    expect(await status(id)).toBe("under_appeal"); // a hearing is not a ruling

    // 21 Feb 2025 + 1 month = Fri 21 Mar 2025: Nauryz, then a weekend and the Nauryz days moved
    // off it; the period ends on the next working day, Wed 26 Mar.
    await run(editorA, recordRulingAction, { stageId: claim.id, decidedOn: "2025-02-21", decidedOnPrecision: "day", outcome: "upheld", summary: "The refusal was lawful.", text: "" });
    expect(await status(id)).toBe("closed");
    const ruling = await db.ruling.findUniqueOrThrow({ where: { appealStageId: claim.id } });
    expect(ruling.outcome).toBe("upheld");

    const data = await getCase(editorA, id);
    expect(data.deadline).toMatchObject({ ruleCode: "appeal", nextStep: "appeal", anchor: "2025-02-21", unit: "months", amount: 1, movedFrom: "2025-03-21", dueOn: "2025-03-26" });

    // Every write is attributed and belongs to the case's history.
    const log = await db.changeLog.findMany({ where: { caseId: id } });
    expect(log.map((l) => l.entity).sort()).toEqual(["AppealStage", "AppealStage", "Hearing", "Ruling", "Ruling"]);
    expect(log.every((l) => l.userId === editorA.userId && l.groupId === groupA)).toBe(true);
  });

  it("refuses a second ruling on a stage that is already ruled", async () => {
    const id = await refusedCase();
    await run(editorA, fileAppealAction, complaint(id));
    const stage = await db.appealStage.findFirstOrThrow({ where: { applicationId: id } });
    await run(editorA, recordRulingAction, { stageId: stage.id, decidedOn: "2024-12-10", outcome: "upheld" });
    const again = await run(editorA, recordRulingAction, { stageId: stage.id, decidedOn: "2024-12-11", outcome: "overturned" });
    expect(again.state).toMatchObject({ ok: false, message: "stage_already_ruled" });
    const ruling = await db.ruling.findUniqueOrThrow({ where: { appealStageId: stage.id } });
    expect(ruling.outcome).toBe("upheld");
  });

  it("refuses an appeal before there is an answer or the authority's silence", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const id = await refusedCase({ answered: false, filedOn: today });
    const res = await run(editorA, fileAppealAction, complaint(id));
    expect(res.state).toMatchObject({ ok: false, message: "needs_answer" });
    expect(await db.appealStage.count({ where: { applicationId: id } })).toBe(0);
  });

  it("accepts an appeal against silence once the answer deadline has passed", async () => {
    const id = await refusedCase({ answered: false, filedOn: "2024-11-01" });
    const res = await run(editorA, fileAppealAction, complaint(id));
    expect(res.redirect).toBe(`/applications/${id}#appeals`);
  });

  it("keeps a viewer from filing an appeal", async () => {
    const id = await refusedCase();
    const res = await run(viewerA, fileAppealAction, complaint(id));
    expect(res.state).toMatchObject({ ok: false, message: "forbidden" });
    expect(await db.appealStage.count({ where: { applicationId: id } })).toBe(0);
  });

  it("shows invalid input beside its field and writes nothing", async () => {
    const id = await refusedCase();
    const res = await run(editorA, fileAppealAction, complaint(id, { kind: "supreme", filedOn: "2024-13-45" }));
    expect(res.state?.errors).toMatchObject({ kind: ["invalid_choice"], filedOn: ["invalid_date"] });
    expect(res.state?.data?.values).toMatchObject({ bodyName: "Akimat of Almaty region" });
    expect(await db.appealStage.count({ where: { applicationId: id } })).toBe(0);
  });

  it("does not let another group touch the appeal, even with the right ids", async () => {
    const id = await refusedCase();
    await run(editorA, fileAppealAction, complaint(id));
    const stage = await db.appealStage.findFirstOrThrow({ where: { applicationId: id } });
    await run(editorA, addHearingAction, { stageId: stage.id, heldOn: "2024-12-01" });
    const hearing = await db.hearing.findFirstOrThrow({ where: { appealStageId: stage.id } });

    const attempts = await Promise.all([
      run(editorB, fileAppealAction, complaint(id)),
      run(editorB, updateAppealAction, { ...complaint(id), id: stage.id, version: String(stage.version), caseNumber: "hijacked" }),
      run(editorB, addHearingAction, { stageId: stage.id, heldOn: "2024-12-02" }),
      run(editorB, recordRulingAction, { stageId: stage.id, decidedOn: "2024-12-10", outcome: "overturned" }),
      run(editorB, deleteHearingAction, { id: hearing.id }),
    ]);
    for (const a of attempts) expect(a.state).toMatchObject({ ok: false, message: "not_found" });
    expect(await db.appealStage.count({ where: { applicationId: id } })).toBe(1);
    expect((await db.appealStage.findUniqueOrThrow({ where: { id: stage.id } })).caseNumber).toBe("");
    expect(await db.hearing.count({ where: { appealStageId: stage.id } })).toBe(1);
    expect(await db.ruling.count({ where: { appealStageId: stage.id } })).toBe(0);
  });

  it("edits a stage with optimistic concurrency: a stale version is refused with the current record", async () => {
    const id = await refusedCase();
    await run(editorA, fileAppealAction, complaint(id));
    const stage = await db.appealStage.findFirstOrThrow({ where: { applicationId: id } });
    const first = await run(editorA, updateAppealAction, { ...complaint(id), id: stage.id, version: "1", caseNumber: "A-1" });
    expect(first.redirect).toBe(`/applications/${id}#appeals`);
    const stale = await run(editorA, updateAppealAction, { ...complaint(id), id: stage.id, version: "1", caseNumber: "B-2" });
    expect(stale.state).toMatchObject({ ok: false, message: "conflict" });
    expect((stale.state?.conflict as { caseNumber: string }).caseNumber).toBe("A-1");
    const now = await db.appealStage.findUniqueOrThrow({ where: { id: stage.id } });
    expect(now).toMatchObject({ caseNumber: "A-1", version: 2 });
  });

  it("deletes a hearing and logs it", async () => {
    const id = await refusedCase();
    await run(editorA, fileAppealAction, complaint(id));
    const stage = await db.appealStage.findFirstOrThrow({ where: { applicationId: id } });
    await run(editorA, addHearingAction, { stageId: stage.id, heldOn: "2024-12-01" });
    const hearing = await db.hearing.findFirstOrThrow({ where: { appealStageId: stage.id } });
    const res = await run(editorA, deleteHearingAction, { id: hearing.id });
    expect(res.redirect).toBe(`/applications/${id}#appeals`);
    expect(await db.hearing.count({ where: { id: hearing.id } })).toBe(0);
    expect(await db.changeLog.count({ where: { entity: "Hearing", entityId: hearing.id, action: "delete" } })).toBe(1);
  });
});

describe("what happened", () => {
  it("a held event closes the case; pressure to withdraw keeps the officials' words", async () => {
    const id = await refusedCase();
    const pressure = await run(editorA, addEventAction, {
      applicationId: id,
      kind: "pressure_withdraw",
      occurredOn: "2024-11-08",
      occurredOnPrecision: "day",
      description: "Called to the akimat.",
      statedReason: "«Зачем вам это? Отзовите заявление.»",
      participants: "",
    });
    expect(pressure.redirect).toBe(`/applications/${id}#events`);
    expect(await status(id)).toBe("answered");
    const ev = await db.event.findFirstOrThrow({ where: { applicationId: id } });
    expect(ev.statedReason).toBe("«Зачем вам это? Отзовите заявление.»");

    await run(editorA, addEventAction, { applicationId: id, kind: "held", occurredOn: "2024-11-20", participants: "120", description: "", statedReason: "ignored" });
    expect(await status(id)).toBe("closed");
    const held = await db.event.findFirstOrThrow({ where: { applicationId: id, kind: "held" } });
    expect(held).toMatchObject({ participants: 120, statedReason: "" });

    const other = await run(editorB, addEventAction, { applicationId: id, kind: "withdrawn", occurredOn: "2024-11-21" });
    expect(other.state).toMatchObject({ ok: false, message: "not_found" });
  });
});

describe("the appeals list", () => {
  it("shows only stages of applications the caller may see, filtered", async () => {
    // Filed in 2023 and never answered: a complaint against the silence (a stage cannot predate its case).
    const id = await refusedCase({ answered: false, filedOn: "2023-04-20" });
    await run(editorA, fileAppealAction, complaint(id, { filedOn: "2023-05-02", bodyName: "Karaganda regional akimat" }));
    const mine = await listAppealStages(editorA, { kind: "complaint", year: "2023", outcome: "pending", body: "karaganda" });
    expect(mine.rows.map((r) => r.applicationId)).toContain(id);
    expect((await listAppealStages(editorB, { year: "2023" })).rows.map((r) => r.applicationId)).not.toContain(id);
    expect((await listAppealStages(null, { year: "2023" })).rows.map((r) => r.applicationId)).not.toContain(id);
    expect((await listAppealStages(editorA, { year: "2023", outcome: "upheld" })).rows.map((r) => r.applicationId)).not.toContain(id);
    await db.application.update({ where: { id }, data: { isPublic: true } });
    expect((await listAppealStages(null, { year: "2023" })).rows.map((r) => r.applicationId)).toContain(id);
  });
});

/** Server-side HTML in a locale, as the case page would render it. */
function render(el: ReactElement, locale: "en" | "ru" = "en"): string {
  return renderIn(el, locale, { now: new Date("2025-03-01T00:00:00Z") });
}

describe("the case page sections", () => {
  it("show each stage with its hearing and ruling, and the next deadline with its working, in both languages", async () => {
    const id = await refusedCase();
    await run(editorA, fileAppealAction, complaint(id, { kind: "first_instance", filedOn: "2025-01-08", caseNumber: "7599-25-00-4/112" }));
    const stage = await db.appealStage.findFirstOrThrow({ where: { applicationId: id } });
    await run(editorA, addHearingAction, { stageId: stage.id, heldOn: "2025-02-12", time: "10:30", authorityArguments: "Letters from a citizen." });
    await run(editorA, recordRulingAction, { stageId: stage.id, decidedOn: "2025-02-21", outcome: "upheld", summary: "Lawful." });
    await run(editorA, addEventAction, { applicationId: id, kind: "pressure_withdraw", occurredOn: "2024-11-08", statedReason: "Withdraw it." });

    const data = await getCase(editorA, id);
    const en = render(h(AppealsSection, { data }));
    expect(en).toContain("7599-25-00-4/112");
    expect(en).toContain("Letters from a citizen.");
    expect(en).toContain("Refusal upheld");
    // The next deadline is the case page's box on top, with its working shown.
    const box = render(h(DeadlineBox, { deadline: data.deadline, status: data.status, fileHref: `/applications/${id}/appeals/new` }));
    expect(box).toContain('data-deadline="2025-03-26"');
    expect(box).toContain("1 month after the ruling");
    expect(en).toContain(`/appeals/${stage.id}/hearings/new`);
    expect(en).not.toContain(`/appeals/${stage.id}/ruling"`); // ruled: no second ruling link
    const ru = render(h(AppealsSection, { data }), "ru");
    expect(render(h(DeadlineBox, { deadline: data.deadline, status: data.status }), "ru")).toContain("1 месяц после решения суда");

    const events = render(h(EventsSection, { data }));
    expect(events).toContain("Withdraw it.");
    expect(events).toContain(`/applications/${id}/events/new`);

    // A visitor sees no editing links.
    await db.application.update({ where: { id }, data: { isPublic: true } });
    const pub = await getCase(null, id);
    expect(render(h(AppealsSection, { data: pub }))).not.toContain("/edit");
    expect(render(h(EventsSection, { data: pub }))).not.toContain("/events/new");
  });

  it("renders the forms with their labels in both languages", async () => {
    const bodies = await listAppealBodies(editorA);
    const initial = { id: "", version: "", applicationId: "a", kind: "complaint", filedOn: "", filedOnPrecision: "day", bodyId: "", bodyName: "", caseNumber: "", authorityArguments: "", notes: "" };
    expect(render(h(AppealStageForm, { action: fileAppealAction, initial, bodies, cancelHref: "/" }))).toContain("Court or body");
    expect(render(h(AppealStageForm, { action: fileAppealAction, initial, bodies, cancelHref: "/" }), "ru")).toContain("Суд или орган");
    expect(render(h(RulingForm, { action: recordRulingAction, stageId: "s", cancelHref: "/" }))).toContain("Refusal overturned");
    const ev = { id: "", applicationId: "a", kind: "pressure_withdraw", occurredOn: "", occurredOnPrecision: "day", description: "", statedReason: "", participants: "" };
    expect(render(h(EventForm, { action: addEventAction, initial: ev, cancelHref: "/" }))).toContain("word for word");
  });
});
