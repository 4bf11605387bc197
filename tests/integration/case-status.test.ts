// What a case page says about where a case stands (issue #11, item 16), from stored records
// through getCase to the rendered header and deadline box: a ruling that can still be appealed
// leaves the case under appeal, not "Closed"; a pending stage's hearing is the date shown.
import { createElement as h } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/session", () => import("../support/session"));
import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { recomputeCase } from "@/lib/data/case-state";
import { getCase } from "@/lib/data/cases";
import { addDays, todayIso } from "@/lib/domain/dates";
import { CaseHeader } from "@/components/cases/CaseHeader";
import { DeadlineBox } from "@/components/cases/DeadlineBox";
import { makeActor, makeGroup, renderChecked } from "../support/fixtures";

const today = todayIso();

beforeAll(async () => {
  await loadReference(db);
});

async function refusedCase(groupId: string, title: string) {
  const app = await db.application.create({
    data: { groupId, title, procedure: "approval", filedOn: addDays(today, -60), parts: { create: [{ form: "march" }] } },
    include: { parts: true },
  });
  await db.answer.create({ data: { applicationId: app.id, receivedOn: addDays(today, -55), partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  return app.id;
}

describe("where a case stands, as its page says it", () => {
  it("a first-instance ruling of five days ago can still be appealed: the case is under appeal, with the appeal's deadline", async () => {
    const groupId = (await makeGroup("status-a")).id;
    const member = await makeActor("status-a-member", [[groupId, "editor"]]);
    const caseId = await refusedCase(groupId, "Appealable ruling");
    const stage = await db.appealStage.create({ data: { applicationId: caseId, kind: "first_instance", filedOn: addDays(today, -40) } });
    await db.ruling.create({ data: { appealStageId: stage.id, decidedOn: addDays(today, -5), outcome: "upheld" } });
    await db.$transaction((tx) => recomputeCase(tx, caseId, today));

    const data = await getCase(member, caseId);
    expect(data.status).toBe("under_appeal");
    const header = renderChecked(h(CaseHeader, { data }), "en");
    expect(header).toContain("Under appeal");
    expect(header).not.toMatch(/>Closed</);
    expect(data.deadline).not.toBeNull();
    const box = renderChecked(h(DeadlineBox, { deadline: data.deadline, status: data.status, nextHearing: data.nextHearing, today }), "en");
    expect(box).not.toContain("No deadline is running");

    // Once the time to appeal has run out, with nothing filed, it is closed.
    await db.ruling.updateMany({ where: { appealStageId: stage.id }, data: { decidedOn: addDays(today, -50) } });
    await db.appealStage.update({ where: { id: stage.id }, data: { filedOn: addDays(today, -54) } });
    await db.$transaction((tx) => recomputeCase(tx, caseId, today));
    expect((await getCase(member, caseId)).status).toBe("closed");
  });

  it("a stage waiting for its hearing names the hearing's date in the deadline box", async () => {
    const groupId = (await makeGroup("status-b")).id;
    const member = await makeActor("status-b-member", [[groupId, "editor"]]);
    const caseId = await refusedCase(groupId, "Hearing ahead");
    const stage = await db.appealStage.create({ data: { applicationId: caseId, kind: "first_instance", filedOn: addDays(today, -20) } });
    const heldOn = addDays(today, 6);
    await db.hearing.create({ data: { appealStageId: stage.id, heldOn, time: "10:30" } });
    await db.$transaction((tx) => recomputeCase(tx, caseId, today));

    const data = await getCase(member, caseId);
    expect(data.status).toBe("under_appeal");
    expect(data.nextHearing?.heldOn).toBe(heldOn);
    const box = renderChecked(h(DeadlineBox, { deadline: data.deadline, status: data.status, nextHearing: data.nextHearing, today }), "en");
    expect(box).toContain(`data-next="hearing"`);
    expect(box).toMatch(new RegExp(`Next hearing \\(Court, first instance\\): <time dateTime="${heldOn}">[^<]+</time> 10:30`));
  });
});
