// Taking the verbatim reason from a document's recognised text in the answer form: which
// documents are offered (the answer's own and the case's answer letters, members only), the
// sentences as buttons that work without JavaScript, and the action that puts the sentence in
// the field without saving anything.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createElement as h } from "react";
import type { Actor } from "@/lib/auth/access";
import { run, twoGroups, renderChecked } from "../support/fixtures";
import { navigation } from "../support/setup";

vi.mock("@/lib/auth/session", () => import("../support/session"));
// The form's OCR progress uses the router; nothing here navigates.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh: () => undefined, push: () => undefined, replace: () => undefined }),
  redirect: (to: string) => {
    navigation.redirects.push(to);
    throw Object.assign(new Error(`NEXT_REDIRECT ${to}`), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
}));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { recordAnswerAction } from "@/lib/actions/answers";
import { answerDocumentTexts } from "@/lib/data/ocr-text";
import { AnswerForm } from "@/components/answers/AnswerForm";
import { emptyAnswer } from "@/components/answers/values";
import { seedAttachment } from "../support/documents";

const LETTER = "Акимат города Алматы рассмотрел ваше уведомление.\n\nВ проведении шествия отказано в связи с ремонтными\nработами на маршруте. Аким города.";
const REASON = "В проведении шествия отказано в связи с ремонтными работами на маршруте.";

let groupA: string;
let editorA: Actor;
let editorB: Actor;
let appId: string;
let partId: string;

beforeAll(async () => {
  await loadReference(db);
  ({ groupA, editorA, editorB } = await twoGroups());
  const app = await db.application.create({ data: { groupId: groupA, title: "March 2025", procedure: "notification", parts: { create: [{ form: "march", position: 0 }] } } });
  appId = app.id;
  partId = (await db.part.findFirstOrThrow({ where: { applicationId: appId } })).id;
  const bytes = (s: string) => new TextEncoder().encode(s);
  const letter = await seedAttachment(db, { groupId: groupA, applicationId: appId, bytes: bytes("letter"), mimeType: "image/png", kind: "answer", title: "Akimat letter" });
  await db.attachment.update({ where: { id: letter.id }, data: { ocrStatus: "done", ocrText: LETTER, pageCount: 1 } });
  const photo = await seedAttachment(db, { groupId: groupA, applicationId: appId, bytes: bytes("photo"), mimeType: "image/png", kind: "evidence", title: "Route photo" });
  await db.attachment.update({ where: { id: photo.id }, data: { ocrStatus: "done", ocrText: "Фото маршрута без работ." } });
  await seedAttachment(db, { groupId: groupA, applicationId: appId, bytes: bytes("second"), mimeType: "image/png", kind: "answer", title: "Second page" });
});

describe("the reason from the document", () => {
  it("offers the members the case's answer letters, cut into sentences, and nothing to others", async () => {
    const app = { id: appId, groupId: groupA };
    const docs = await answerDocumentTexts(editorA, app);
    expect(docs.map((d) => [d.title, d.ocrStatus])).toEqual([
      ["Akimat letter", "done"],
      ["Second page", "pending"],
    ]);
    expect(docs[0].sentences).toEqual(["Акимат города Алматы рассмотрел ваше уведомление.", REASON, "Аким города."]);
    expect(await answerDocumentTexts(editorB, app)).toEqual([]);
    expect(await answerDocumentTexts(null, app)).toEqual([]);
  });

  it("without JavaScript, a sentence's button fills the reason field, keeps what was typed and saves nothing", async () => {
    const answersBefore = await db.answer.count();
    const { state } = await run(editorA, recordAnswerAction, {
      applicationId: appId,
      referenceNumber: "ЗТ-2025-77",
      statedReason: "typed before",
      "outcomes.0.partId": partId,
      "outcomes.0.outcome": "refused",
      takeReason: `  ${REASON}\n`,
    });
    expect(await db.answer.count()).toBe(answersBefore);
    expect(state).toMatchObject({ ok: false, data: { reasonTaken: true, values: { statedReason: REASON, referenceNumber: "ЗТ-2025-77" } } });
    expect(state?.message).toBeUndefined();
    expect((state?.data?.values as Record<string, unknown>).takeReason).toBeUndefined();

    // The form shows each sentence as a submit button carrying it, beside the reason field.
    const documents = await answerDocumentTexts(editorA, { id: appId, groupId: groupA });
    const initial = emptyAnswer(appId, [partId]);
    for (const locale of ["en", "ru", "kk"] as const) {
      const html = renderChecked(h(AnswerForm, { mode: "create", action: recordAnswerAction, parts: [], grounds: [], initial, cancelHref: "/", documents }), locale);
      const sentence = html.match(new RegExp(`<button type="submit" value="${REASON}"[^>]*>`))?.[0] ?? "";
      expect(sentence).toContain('name="takeReason"');
      expect(html).toContain("data-reason-documents");
    }
    const html = renderChecked(h(AnswerForm, { mode: "create", action: recordAnswerAction, parts: [], grounds: [], initial, cancelHref: "/", documents }), "en");
    expect(html).toContain("Take the reason from the document");
    expect(html).toContain("Some documents are still being read");
    // The form's first submit button saves (Enter in a field), not a sentence.
    const first = html.match(/<button type="submit"[^>]*>[^<]*/)?.[0] ?? "";
    expect(first).not.toContain("takeReason");
    expect(first).toContain("Save answer");
  });
});
