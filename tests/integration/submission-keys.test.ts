// A form typed offline is kept on the device with a key and sent when the connection returns,
// perhaps more than once (a dropped reply, a reload, two tabs): the same key saves one record.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, run, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { createIncidentAction } from "@/lib/actions/incidents";
import { createApplicationAction } from "@/lib/actions/applications";
import { createIncident } from "@/lib/data/incidents";

let groupA: string;
let editorA: Actor;
let otherEditorA: Actor;

const KEY = "draft-0f8b2c4e-6a1d-4b7e-9c3f-2d5e8a1b7c90";

function incident(extra: Entries = {}): Entries {
  return {
    groupId: groupA,
    kind: "detention",
    title: "Detained on the way to the square",
    occurredOn: "2024-03-08",
    occurredOnPrecision: "day",
    city: "Almaty",
    place: "",
    description: "",
    amount: "",
    currency: "KZT",
    perpetrator: "",
    newPeople: "",
    "groups[]": [groupA],
    ...extra,
  };
}

function application(extra: Entries = {}): Entries {
  return {
    groupId: groupA,
    "organizerIds[]": [groupA],
    title: "Rally typed on a train",
    newAuthorityName: "Akimat of Almaty",
    newAuthorityKind: "akimat",
    newAuthorityCity: "Almaty",
    city: "Almaty",
    purpose: "Women's rights",
    filedOn: "2024-02-12",
    filedOnPrecision: "day",
    registrationNumber: "",
    notes: "",
    "parts.0.form": "rally",
    "parts.0.place": "Astana Square",
    "parts.0.route": "",
    "parts.0.eventDate": "2024-03-08",
    "parts.0.startTime": "12:00",
    "parts.0.endTime": "14:00",
    "parts.0.expectedParticipants": "",
    ...extra,
  };
}

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("keys-a", "Keys A")).id;
  editorA = await makeActor("keys-editor", [[groupA, "editor"]]);
  otherEditorA = await makeActor("keys-editor-2", [[groupA, "editor"]]);
});

beforeEach(() => {
  session.actor = null;
});

describe("a submission key", () => {
  it("an incident sent twice with the same key is saved once, and the second sending is shown the first record", async () => {
    const before = await db.incident.count();
    const first = await run(editorA, createIncidentAction, incident({ clientKey: KEY }));
    const second = await run(editorA, createIncidentAction, incident({ clientKey: KEY }));
    expect(first.redirect).toMatch(/^\/incidents\/[a-z0-9]+$/);
    expect(second.redirect).toBe(first.redirect);
    expect(await db.incident.count()).toBe(before + 1);
    const id = first.redirect!.split("/").pop()!;
    expect(await db.changeLog.count({ where: { entity: "Incident", entityId: id, action: "create" } })).toBe(1);
    expect(await db.submissionKey.findMany({ where: { key: KEY }, select: { userId: true, entity: true, entityId: true } })).toEqual([
      { userId: editorA.userId, entity: "Incident", entityId: id },
    ]);
  });

  it("two sendings racing with one key still make one incident", async () => {
    const key = "race-5b1c9d2e7f3a4b6c8d0e1f2a3b4c5d6e";
    const before = await db.incident.count();
    const input = { groupId: groupA, kind: "detention", title: "Raced", occurredOn: null, occurredOnPrecision: "day", city: "", place: "", description: "", amount: null, currency: "", perpetrator: "", isPublic: false, people: [], newPeople: [], groups: [groupA], applications: [] };
    const results = await Promise.all([0, 1, 2].map(() => createIncident(editorA, input as never, key)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.incident.count()).toBe(before + 1);
  });

  it("an application sent twice with the same key is saved once", async () => {
    const before = await db.application.count();
    const first = await run(editorA, createApplicationAction, application({ clientKey: "app-" + KEY }));
    const second = await run(editorA, createApplicationAction, application({ clientKey: "app-" + KEY }));
    expect(first.redirect).toMatch(/^\/applications\/[a-z0-9]+$/);
    expect(second.redirect).toBe(first.redirect);
    expect(await db.application.count()).toBe(before + 1);
  });

  it("the same validation as any submission: a draft with an error is refused beside its field, writes nothing, and can be sent again once fixed", async () => {
    const key = "fix-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d";
    const before = await db.incident.count();
    const refused = await run(editorA, createIncidentAction, incident({ clientKey: key, kind: "fine", amount: "" }));
    expect(refused.state?.message).toBe("form_invalid");
    expect(refused.state?.errors?.amount).toEqual(["required"]);
    expect(refused.state?.data?.values).toMatchObject({ clientKey: key, title: "Detained on the way to the square" });
    expect(await db.incident.count()).toBe(before);
    expect(await db.submissionKey.count({ where: { key } })).toBe(0);
    const fixed = await run(editorA, createIncidentAction, incident({ clientKey: key, kind: "fine", amount: "50000" }));
    expect(fixed.redirect).toMatch(/^\/incidents\//);
    expect(await db.incident.count()).toBe(before + 1);
  });

  it("keys are each member's own: another member's identical key makes their own record", async () => {
    const key = "shared-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    const mine = await run(editorA, createIncidentAction, incident({ clientKey: key }));
    const theirs = await run(otherEditorA, createIncidentAction, incident({ clientKey: key }));
    expect(mine.redirect).toMatch(/^\/incidents\//);
    expect(theirs.redirect).toMatch(/^\/incidents\//);
    expect(theirs.redirect).not.toBe(mine.redirect);
  });

  it("a malformed key is refused and nothing is written; no key at all saves as before", async () => {
    const before = await db.incident.count();
    const bad = await run(editorA, createIncidentAction, incident({ clientKey: "../../etc" }));
    expect(bad.state?.message).toBe("form_invalid");
    expect(await db.incident.count()).toBe(before);
    const a = await run(editorA, createIncidentAction, incident({ clientKey: "" }));
    const b = await run(editorA, createIncidentAction, incident());
    expect(a.redirect).not.toBe(b.redirect);
    expect(await db.incident.count()).toBe(before + 2);
  });
});
