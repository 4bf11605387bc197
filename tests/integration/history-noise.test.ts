// The history records real changes only, each naming its case: saving an application as it is
// writes nothing; changing one field writes one entry with that field; the dashboard's
// "Recent changes" says which case each change was in.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, render, run, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { createElement as h } from "react";
import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { createApplicationAction, updateApplicationAction } from "@/lib/actions/applications";
import { getDashboard } from "@/lib/data/dashboard";
import { ChangesCard } from "@/components/dashboard/DashboardView";

let groupA: string;
let editorA: Actor;

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("groupa", "Group A")).id;
  editorA = await makeActor("editor-a", [[groupA, "editor"]]);
});
beforeEach(() => {
  session.actor = null;
});

const fields = (): Entries => ({
  "organizerIds[]": [groupA],
  title: "March on 8 March",
  newAuthorityName: "Akimat of Almaty",
  newAuthorityKind: "akimat",
  newAuthorityCity: "Almaty",
  city: "Almaty",
  purpose: "Women's rights",
  filedOn: "2024-02-12",
  filedOnPrecision: "day",
  registrationNumber: "",
  notes: "",
  "applicants.0.fullName": "Aigerim Example",
  "applicants.0.idNumber": "900101400123",
  "applicants.0.address": "",
  "applicants.0.phone": "",
  "parts.0.form": "march",
  "parts.0.route": "From Abay Square to Astana Square",
  "parts.0.eventDate": "2024-03-08",
  "parts.0.startTime": "11:00",
  "parts.0.endTime": "12:00",
  "parts.1.form": "rally",
  "parts.1.place": "Astana Square",
  "parts.1.eventDate": "2024-03-08",
  "parts.1.startTime": "12:00",
  "parts.1.endTime": "14:00",
});

async function create(): Promise<string> {
  const { redirect, state } = await run(editorA, createApplicationAction, { groupId: groupA, ...fields() });
  if (!redirect) throw new Error(`not created: ${JSON.stringify(state)}`);
  return redirect.split("/").pop()!;
}

/** The edit form as it comes back filled with the stored record. */
async function asStored(id: string, overrides: Entries = {}): Promise<Entries> {
  const app = await db.application.findUniqueOrThrow({ where: { id }, include: { parts: { orderBy: { position: "asc" } }, applicants: { include: { person: true } }, authority: true } });
  const entries: Entries = { ...fields(), id, version: String(app.version), authorityId: app.authorityId ?? "" };
  delete entries.newAuthorityName;
  delete entries.newAuthorityKind;
  delete entries.newAuthorityCity;
  for (const [i, p] of app.parts.entries()) entries[`parts.${i}.id`] = p.id;
  for (const [i, a] of app.applicants.entries()) entries[`applicants.${i}.personId`] = a.personId;
  return { ...entries, ...overrides };
}

describe("history noise", () => {
  it("saving an unchanged application writes no history entry", async () => {
    const id = await create();
    const before = await db.changeLog.count({ where: { caseId: id } });
    const saved = await run(editorA, updateApplicationAction, await asStored(id));
    expect(saved.redirect, JSON.stringify(saved.state)).toBeTruthy();
    expect(await db.changeLog.count({ where: { caseId: id } })).toBe(before);
  });

  it("changing one field of one part writes one entry, with that field", async () => {
    const id = await create();
    const since = new Date();
    const saved = await run(editorA, updateApplicationAction, await asStored(id, { "parts.1.place": "Republic Square" }));
    expect(saved.redirect, JSON.stringify(saved.state)).toBeTruthy();
    const entries = await db.changeLog.findMany({ where: { caseId: id, at: { gte: since } } });
    expect(entries.map((e) => [e.entity, e.action])).toEqual([["Part", "update"]]);
    expect(JSON.parse(entries[0].before)).toEqual({ place: "Astana Square" });
    expect(JSON.parse(entries[0].after)).toEqual({ place: "Republic Square" });
  });

  it("the dashboard's recent changes name the case each change was in", async () => {
    const id = await create();
    await run(editorA, updateApplicationAction, await asStored(id, { title: "March on 8 March, renamed" }));
    const data = await getDashboard(editorA);
    const mine = data.changes.filter((c) => c.caseId === id);
    expect(mine.length).toBeGreaterThan(0);
    for (const c of mine) expect(c.caseTitle).toBe("March on 8 March, renamed");
    const html = render(h(ChangesCard, { data }));
    expect(html).toContain(`href="/applications/${id}">March on 8 March, renamed</a>`);
    expect(render(h(ChangesCard, { data }), "ru")).toContain("в деле");
  });
});
