// Recording the authority's answer: an outcome per part, the grounds, the verbatim reason
// and the evidence that contests it.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { run, twoGroups, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { recordAnswerAction, updateAnswerAction } from "@/lib/actions/answers";
import { createApplication } from "@/lib/data/applications";
import { getCase } from "@/lib/data/cases";
import { createApplicationSchema } from "@/lib/validation/applications";

async function counts() {
  const [answers, outcomes, grounds, evidence, changes] = await Promise.all([
    db.answer.count(),
    db.partOutcome.count(),
    db.groundCited.count(),
    db.evidence.count(),
    db.changeLog.count(),
  ]);
  return { answers, outcomes, grounds, evidence, changes };
}

let groupA: string;
let editorA: Actor;
let viewerA: Actor;
let editorB: Actor;

/** A second request for a march and a rally, as in the documented history. */
async function marchAndRally(): Promise<{ id: string; march: string; rally: string }> {
  const input = createApplicationSchema.parse({
    groupId: groupA,
    organizerIds: [groupA],
    title: "March and rally, second request",
    city: "Almaty",
    filedOn: "2022-02-21",
    parts: [
      { form: "march", route: "Abay Square → Astana Square", eventDate: "2022-03-08", startTime: "11:00", endTime: "12:00" },
      { form: "rally", place: "Astana Square", eventDate: "2022-03-08", startTime: "12:00", endTime: "14:00" },
    ],
  });
  const id = await createApplication(editorA, input);
  const parts = await db.part.findMany({ where: { applicationId: id }, orderBy: { position: "asc" } });
  return { id, march: parts[0].id, rally: parts[1].id };
}

let app: { id: string; march: string; rally: string };

function mixedAnswer(overrides: Entries = {}): Entries {
  return {
    applicationId: app.id,
    receivedOn: "2022-03-01",
    receivedOnPrecision: "day",
    referenceNumber: "ЗТ-2022-0345",
    statedReason: "В связи с проведением ремонтных работ на маршруте и ранее поданной заявкой другой организации.",
    articleCited: "ст. 14 п. 1",
    "outcomes.0.partId": app.march,
    "outcomes.0.outcome": "refused",
    "outcomes.1.partId": app.rally,
    "outcomes.1.outcome": "approved",
    "grounds[]": ["works", "place_taken"],
    "groundWords.works": "ремонтных работ на маршруте",
    "groundArticle.works": "Art. 14(1)(7)",
    "groundWords.place_taken": "ранее поданной заявкой другой организации",
    conflictingBookingHolder: "Another civil society organisation",
    "evidence.0.stance": "contests",
    "evidence.0.observedOn": "2022-03-08",
    "evidence.0.observer": "Organizers",
    "evidence.0.description": "Walked the route on the day: no works anywhere.",
    ...overrides,
  };
}

beforeAll(async () => {
  await loadReference(db);
  ({ groupA, editorA, viewerA, editorB } = await twoGroups());
});

beforeEach(async () => {
  session.actor = null;
  app = await marchAndRally();
});

describe("recording the authority's answer", () => {
  it("approves the rally and refuses the march, with two grounds and the verbatim reason", async () => {
    const before = await counts();
    const { redirect, state } = await run(editorA, recordAnswerAction, mixedAnswer());
    expect(state).toBeNull();
    expect(redirect).toMatch(new RegExp(`^/applications/${app.id}#answer-`));

    const answer = await db.answer.findFirstOrThrow({
      where: { applicationId: app.id },
      include: { partOutcomes: true, grounds: { include: { ground: true } }, evidence: true },
    });
    expect(answer.statedReason).toBe("В связи с проведением ремонтных работ на маршруте и ранее поданной заявкой другой организации.");
    expect(answer.referenceNumber).toBe("ЗТ-2022-0345");
    expect(answer.articleCited).toBe("ст. 14 п. 1");
    expect(answer.outcome).toBe("mixed");
    expect(answer.conflictingBookingHolder).toBe("Another civil society organisation");
    expect(answer.alternativeOffered).toBe(false);
    expect(Object.fromEntries(answer.partOutcomes.map((o) => [o.partId, o.outcome]))).toEqual({ [app.march]: "refused", [app.rally]: "approved" });
    expect(answer.grounds.map((g) => [g.ground.code, g.words, g.articleCited]).sort()).toEqual([
      ["place_taken", "ранее поданной заявкой другой организации", ""],
      ["works", "ремонтных работ на маршруте", "Art. 14(1)(7)"],
    ]);
    expect(answer.evidence).toHaveLength(1);
    expect(answer.evidence[0]).toMatchObject({ stance: "contests", observedOn: "2022-03-08", observer: "Organizers" });

    const application = await db.application.findUniqueOrThrow({ where: { id: app.id }, include: { parts: true } });
    expect(application.outcome).toBe("mixed");
    expect(application.status).toBe("answered");
    expect(Object.fromEntries(application.parts.map((p) => [p.id, p.outcome]))).toEqual({ [app.march]: "refused", [app.rally]: "approved" });

    const after = await counts();
    expect(after.answers - before.answers).toBe(1);
    expect(after.outcomes - before.outcomes).toBe(2);
    expect(after.grounds - before.grounds).toBe(2);
    expect(after.evidence - before.evidence).toBe(1);
    const log = await db.changeLog.findMany({ where: { caseId: app.id, entity: { in: ["Answer", "PartOutcome", "GroundCited", "Evidence"] } } });
    expect(log.map((l) => l.entity).sort()).toEqual(["Answer", "Evidence", "GroundCited", "GroundCited", "PartOutcome", "PartOutcome"]);

    // The case page now runs the complaint clock from the day the answer arrived.
    const data = await getCase(editorA, app.id);
    expect(data.deadline).toMatchObject({ nextStep: "complaint", anchor: "2022-03-01", dueOn: "2022-06-01" });
  });

  it("needs an outcome for at least one part, and writes nothing", async () => {
    const before = await counts();
    const { state } = await run(editorA, recordAnswerAction, mixedAnswer({ "outcomes.0.outcome": "", "outcomes.1.outcome": "" }));
    expect(state?.message).toBe("form_invalid");
    expect(state?.errors?.outcomes).toEqual(["need_outcome"]);
    expect(await counts()).toEqual(before);
  });

  it("needs a ground when a part is refused, and writes nothing", async () => {
    const before = await counts();
    const { state } = await run(editorA, recordAnswerAction, mixedAnswer({ "grounds[]": [] }));
    expect(state?.errors?.grounds).toEqual(["need_ground"]);
    expect((state?.data?.values as Record<string, unknown>).statedReason).toContain("ремонтных");
    expect(await counts()).toEqual(before);
  });

  it("rejects a bad date, an unknown outcome and an unknown ground, and writes nothing", async () => {
    const before = await counts();
    const bad = await run(editorA, recordAnswerAction, mixedAnswer({ receivedOn: "01.03.2022", "outcomes.1.outcome": "maybe", "evidence.0.stance": "" }));
    expect(bad.state?.errors?.receivedOn).toEqual(["invalid_date"]);
    expect(bad.state?.errors?.["outcomes.1.outcome"]).toEqual(["invalid_choice"]);
    expect(bad.state?.errors?.["evidence.0.stance"]).toEqual(["invalid_choice"]);
    const unknown = await run(editorA, recordAnswerAction, mixedAnswer({ "grounds[]": ["weather"] }));
    expect(unknown.state?.errors?.grounds).toEqual(["unknown_ground"]);
    expect(await counts()).toEqual(before);
  });

  it("rejects an outcome for a part of another application", async () => {
    const other = await marchAndRally();
    const before = await counts();
    const { state } = await run(editorA, recordAnswerAction, mixedAnswer({ "outcomes.0.partId": other.march }));
    expect(state?.errors?.outcomes).toEqual(["invalid"]);
    expect(await counts()).toEqual(before);
  });

  it("lets neither a viewer nor another group record an answer", async () => {
    const before = await counts();
    expect((await run(viewerA, recordAnswerAction, mixedAnswer())).state?.message).toBe("forbidden");
    expect((await run(editorB, recordAnswerAction, mixedAnswer())).state?.message).toBe("not_found");
    expect(await counts()).toEqual(before);
  });

  it("records approval with limits and a proposed alternative per part", async () => {
    const { redirect } = await run(
      editorA,
      recordAnswerAction,
      mixedAnswer({
        "outcomes.0.outcome": "alternative_proposed",
        "outcomes.0.alternative": "Gandhi park, same day",
        "outcomes.1.outcome": "approved_with_limits",
        "outcomes.1.limits": "No sound equipment",
        "grounds[]": [],
        alternativeOffered: "on",
        alternativeDetails: "Gandhi park",
      }),
    );
    expect(redirect).toBeTruthy();
    const answer = await db.answer.findFirstOrThrow({ where: { applicationId: app.id }, include: { partOutcomes: true } });
    const byPart = Object.fromEntries(answer.partOutcomes.map((o) => [o.partId, o]));
    expect(byPart[app.march]).toMatchObject({ outcome: "alternative_proposed", alternative: "Gandhi park, same day", limits: "" });
    expect(byPart[app.rally]).toMatchObject({ outcome: "approved_with_limits", limits: "No sound equipment", alternative: "" });
    expect(answer.alternativeOffered).toBe(true);
    expect((await db.application.findUniqueOrThrow({ where: { id: app.id } })).outcome).toBe("mixed");
  });
});

describe("editing an answer", () => {
  async function recorded() {
    await run(editorA, recordAnswerAction, mixedAnswer());
    return db.answer.findFirstOrThrow({ where: { applicationId: app.id }, include: { evidence: true } });
  }

  it("changes outcomes, grounds and evidence, and re-derives the case", async () => {
    const answer = await recorded();
    const { redirect, state } = await run(
      editorA,
      updateAnswerAction,
      mixedAnswer({
        applicationId: "",
        id: answer.id,
        version: String(answer.version),
        "outcomes.0.outcome": "refused",
        "outcomes.1.outcome": "refused",
        "grounds[]": ["security_threat"],
        "groundWords.security_threat": "угроза общественному порядку",
        "evidence.0.id": answer.evidence[0].id,
        "evidence.0.description": "Walked the route on the day and again a week later: no works.",
        "evidence.1.stance": "supports",
        "evidence.1.description": "A fence was seen at one corner.",
      }),
    );
    expect(state).toBeNull();
    expect(redirect).toBe(`/applications/${app.id}#answer-${answer.id}`);
    const after = await db.answer.findUniqueOrThrow({ where: { id: answer.id }, include: { grounds: { include: { ground: true } }, evidence: { orderBy: { createdAt: "asc" } } } });
    expect(after.version).toBe(answer.version + 1);
    expect(after.outcome).toBe("refused");
    expect(after.grounds.map((g) => g.ground.code)).toEqual(["security_threat"]);
    expect(after.evidence.map((e) => e.id)[0]).toBe(answer.evidence[0].id);
    expect(after.evidence).toHaveLength(2);
    expect((await db.application.findUniqueOrThrow({ where: { id: app.id } })).outcome).toBe("refused");
  });

  it("returns 'conflict' for a stale version and overwrites nothing", async () => {
    const answer = await recorded();
    const stale = mixedAnswer({ applicationId: "", id: answer.id, version: String(answer.version), "evidence.0.id": answer.evidence[0].id });
    expect((await run(editorA, updateAnswerAction, { ...stale, referenceNumber: "FIRST" })).redirect).toBeTruthy();
    const before = await counts();
    const second = await run(editorA, updateAnswerAction, { ...stale, referenceNumber: "SECOND", "outcomes.1.outcome": "refused" });
    expect(second.state?.message).toBe("conflict");
    expect(second.state?.conflict).toMatchObject({ referenceNumber: "FIRST", version: answer.version + 1 });
    expect((await db.answer.findUniqueOrThrow({ where: { id: answer.id } })).referenceNumber).toBe("FIRST");
    expect((await db.application.findUniqueOrThrow({ where: { id: app.id } })).outcome).toBe("mixed");
    expect(await counts()).toEqual(before);
  });
});
