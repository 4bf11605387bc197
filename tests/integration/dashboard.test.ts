// The member's dashboard: deadlines (answers due, time left to appeal), hearings ahead,
// counts by status and recent changes — for their own groups only.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { makeActor, makeGroup, render } from "../support/fixtures";

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { recomputeCase } from "@/lib/data/case-state";
import { getDashboard } from "@/lib/data/dashboard";
import { createElement as h, Fragment } from "react";
import { ChangesCard, DeadlinesCard, HearingsCard, StatusCard } from "@/components/dashboard/DashboardView";

const TODAY = "2026-03-10";
let groupA: string;
let groupB: string;
let viewerA: Actor;
const ids: Record<string, string> = {};

interface CaseSpec {
  groupId?: string;
  filedOn: string;
  answeredOn?: string;
  stages?: { kind: string; filedOn: string; ruling?: { decidedOn: string; outcome: string }; hearings?: string[] }[];
}

async function makeCase(title: string, spec: CaseSpec): Promise<string> {
  const app = await db.application.create({
    data: { groupId: spec.groupId ?? groupA, title, procedure: "notification", filedOn: spec.filedOn, parts: { create: [{ form: "rally" }] } },
    include: { parts: true },
  });
  if (spec.answeredOn) {
    await db.answer.create({ data: { applicationId: app.id, receivedOn: spec.answeredOn, partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  }
  for (const s of spec.stages ?? []) {
    await db.appealStage.create({
      data: {
        applicationId: app.id,
        kind: s.kind,
        filedOn: s.filedOn,
        ...(s.ruling ? { ruling: { create: s.ruling } } : {}),
        hearings: { create: (s.hearings ?? []).map((heldOn) => ({ heldOn, time: "10:00" })) },
      },
    });
  }
  await db.$transaction((tx) => recomputeCase(tx, app.id, TODAY));
  return app.id;
}

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("groupa", "Group A")).id;
  groupB = (await makeGroup("groupb", "Group B")).id;
  viewerA = await makeActor("viewer-a", [[groupA, "viewer"]]);

  ids.dueSoon = await makeCase("Due soon", { filedOn: "2026-03-09" }); // Mon → Thu 12 Mar
  ids.overdue = await makeCase("Overdue", { filedOn: "2026-02-23" }); // → Thu 26 Feb
  ids.ancient = await makeCase("Long ago", { filedOn: "2020-01-06" });
  ids.complaint = await makeCase("Time to complain", { filedOn: "2026-02-05", answeredOn: "2026-02-10" });
  ids.appeal = await makeCase("Time to appeal", {
    filedOn: "2025-11-03",
    answeredOn: "2025-11-06",
    stages: [
      { kind: "complaint", filedOn: "2025-11-20", ruling: { decidedOn: "2025-12-10", outcome: "upheld" } },
      { kind: "first_instance", filedOn: "2026-01-05", ruling: { decidedOn: "2026-02-27", outcome: "upheld" }, hearings: ["2026-02-18"] },
    ],
  });
  ids.hearing = await makeCase("Hearing ahead", {
    filedOn: "2025-12-01",
    answeredOn: "2025-12-04",
    stages: [{ kind: "first_instance", filedOn: "2026-01-20", hearings: ["2026-03-01", "2026-03-20"] }],
  });
  ids.other = await makeCase("Other group's case", { groupId: groupB, filedOn: "2026-03-09" });
  await db.changeLog.create({ data: { groupId: groupA, entity: "Application", entityId: ids.dueSoon, caseId: ids.dueSoon, action: "create", userName: "editor" } });
  await db.changeLog.create({ data: { groupId: groupB, entity: "Application", entityId: ids.other, caseId: ids.other, action: "create", userName: "someone" } });
});

describe("the dashboard", () => {
  it("lists answers due and appeal deadlines in date order, overdue ones marked, old ones left out", async () => {
    const d = await getDashboard(viewerA, TODAY);
    const rows = d.deadlines.map((x) => [x.title, x.kind, x.nextStep, x.dueOn, x.overdue]);
    expect(rows).toEqual([
      ["Overdue", "answer", "answer", "2026-02-26", true],
      ["Due soon", "answer", "answer", "2026-03-12", false],
      ["Time to appeal", "appeal", "appeal", "2026-03-27", false],
      // 10 Feb + 3 months = Sunday 10 May; Monday 11 May is Victory Day's moved day off → Tuesday 12 May.
      ["Time to complain", "appeal", "complaint", "2026-05-12", false],
    ]);
  });

  it("shows hearings from today on, counts by status and only its groups' changes", async () => {
    const d = await getDashboard(viewerA, TODAY);
    expect(d.hearings.map((h) => [h.appealStage.application.title, h.heldOn])).toEqual([["Hearing ahead", "2026-03-20"]]);
    // "Time to appeal" was ruled on 27 February, and its appeal is due 27 March: still under appeal, not closed.
    expect(d.statusCounts).toEqual({ awaiting_answer: 3, answered: 1, under_appeal: 2 });
    expect(d.changes.map((c) => c.entityId)).toEqual([ids.dueSoon]);
  });

  it("is empty for someone in no group", async () => {
    const loner = await makeActor("loner", []);
    const d = await getDashboard(loner, TODAY);
    expect(d).toMatchObject({ deadlines: [], hearings: [], statusCounts: {}, changes: [] });
  });

  it("renders the cards, overdue ones marked, in both languages", async () => {
    const d = await getDashboard(viewerA, TODAY);
    const all = h(Fragment, null, h(DeadlinesCard, { data: d }), h(HearingsCard, { data: d }), h(StatusCard, { data: d }), h(ChangesCard, { data: d }));
    const en = render(all);
    expect(en.match(/data-overdue="true"/g)).toHaveLength(1);
    expect(en).toContain("Time to file: Appeal");
    expect(en).toContain("Hearing ahead");
    expect(en).toContain("editor added an application");
    const ru = render(all, "ru");
    expect(ru).toContain("Просрочено");
    expect(ru).toContain("Предстоящие заседания");
  });
});
