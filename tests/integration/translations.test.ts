// Reference data and the documented history in Russian and Kazakh: the seed loads our
// translations, stays idempotent, fills them into a database loaded before they existed
// without touching what an admin or a user changed; and a search in Cyrillic finds the
// records written in Latin letters.
import { createElement as h } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeActor, makeGroup, renderChecked, run } from "../support/fixtures";
vi.mock("@/lib/auth/session", () => import("../support/session"));
import { db } from "@/lib/db";
import { addHolidayAction, updateDeadlineRuleAction } from "@/lib/actions/settings";
import { recomputeCase } from "@/lib/data/case-state";
import { getCase } from "@/lib/data/cases";
import { DeadlineBox } from "@/components/cases/DeadlineBox";
import { loadReference } from "@/prisma/seed/reference";
import { loadHistory } from "@/prisma/seed/load-history";
import { HISTORY_TRANSLATIONS } from "@/prisma/seed/history-translations";
import { listApplications } from "@/lib/data/applications";
import { listIncidents } from "@/lib/data/incidents";
import { readApplicationFilters } from "@/lib/validation/applications";
import { localized } from "@/lib/i18n/localized";
import { buildCaseFile } from "@/lib/data/case-file";
import { getSource } from "@/lib/data/sources";
import { getIncident } from "@/lib/data/incidents";
import { SHARE_SECTIONS } from "@/lib/domain/vocabulary";
import { PartsList } from "@/components/cases/PartsList";
import { AnswerCard } from "@/components/cases/AnswerCard";
import { IncidentDetail } from "@/components/incidents/IncidentDetail";

async function counts() {
  return {
    grounds: await db.refusalGround.count(),
    rules: await db.deadlineRule.count(),
    holidays: await db.holiday.count(),
    standards: await db.legalStandard.count(),
    authorities: await db.authority.count(),
    applications: await db.application.count(),
    incidents: await db.incident.count(),
    citations: await db.citation.count(),
    changeLog: await db.changeLog.count(),
  };
}

const search = async (q: string) => (await listApplications(null, readApplicationFilters({ q, pageSize: "100" }), "ru")).items.map((i) => i.id).sort();

beforeAll(async () => {
  await loadReference(db);
  await loadHistory(db);
});

describe("the seed in three languages", () => {
  it("loads the translations, and a second run changes nothing", async () => {
    const before = await counts();
    const ref = await loadReference(db);
    const hist = await loadHistory(db);
    expect(ref).toEqual({ created: 0, translated: 0 });
    expect(hist).toEqual({ created: 0, translated: 0 });
    expect(await counts()).toEqual(before);

    const akimat = await db.authority.findUniqueOrThrow({ where: { id: "hist-auth-akimat-almaty" } });
    expect([akimat.name, akimat.nameRu, akimat.nameKk]).toEqual(["Akimat of Almaty", "Акимат города Алматы", "Алматы қаласының әкімдігі"]);
    const appeal = await db.deadlineRule.findUniqueOrThrow({ where: { code: "appeal" } });
    expect(localized(appeal, "legalBasis", "en")).toBe("Administrative Procedural and Process Code (2021), Art. 161");
    expect(localized(appeal, "legalBasis", "ru")).toBe("Административный процедурно-процессуальный кодекс (2021), ст. 161");
    expect(localized(appeal, "legalBasis", "kk")).toBe("Әкімшілік рәсімдік-процестік кодекс (2021), 161-бап");
    expect(localized(appeal, "label", "kk")).toBe("Бірінші саты сотының шешіміне апелляциялық шағым");
    const ground = await db.refusalGround.findUniqueOrThrow({ where: { code: "works" } });
    expect(ground.labelKk).toBe("Орында құрылыс немесе жөндеу жұмыстары");
    const victory = await db.holiday.findUniqueOrThrow({ where: { country_date: { country: "KZ", date: "2027-05-09" } } });
    expect([victory.nameRu, victory.nameKk]).toEqual(["День Победы", "Жеңіс күні"]);
    const standard = await db.legalStandard.findUniqueOrThrow({ where: { code: "cc_61np" } });
    expect(standard.titleKk).toContain("№ 61-НҚ нормативтік қаулы");
    // Every reference row has all three languages.
    for (const g of await db.refusalGround.findMany()) expect([g.labelRu, g.labelKk].every(Boolean), g.code).toBe(true);
    for (const r of await db.deadlineRule.findMany()) expect([r.labelRu, r.labelKk, r.legalBasisRu, r.legalBasisKk].every(Boolean), r.code).toBe(true);
    for (const s of await db.legalStandard.findMany()) expect([s.titleKk, s.bodyKk].every(Boolean), s.code).toBe(true);
    expect(await db.holiday.count({ where: { OR: [{ nameRu: "" }, { nameKk: "" }] } })).toBe(0);
  });

  it("puts every translation of the history beside the English it translates; the quotes stay as written", async () => {
    const app = await db.application.findUniqueOrThrow({ where: { id: "hist-app-2023-03-20-march-2024" } });
    expect(app.title).toBe("Women’s March on 8 March 2024 (notification of 20 March 2023)");
    expect(app.titleRu).toBe("Женский марш 8 марта 2024 года (уведомление от 20 марта 2023 года)");
    expect(app.titleKk).toBe("2024 жылғы 8 наурыздағы Әйелдер шеруі (2023 жылғы 20 наурыздағы хабарлама)");
    const source = await db.source.findUniqueOrThrow({ where: { slug: "fld-2023-04-28-2024-march-prohibited" } });
    expect(source.titleKk).toBe("Қазақстан: жергілікті билік Алматыдағы 2024 жылғы Әйелдер шеруіне тыйым салды");
    expect(source.language).toBe("en");
    const note = await db.citation.findFirstOrThrow({ where: { note: "Spelled “Farisa Ospan” here." } });
    expect(note.noteRu).toBe("Здесь имя написано как “Farisa Ospan”.");

    const rows = new Map<string, Record<string, unknown>>();
    for (const list of await Promise.all([
      db.source.findMany(),
      db.authority.findMany(),
      db.person.findMany(),
      db.application.findMany(),
      db.part.findMany(),
      db.answer.findMany(),
      db.appealStage.findMany(),
      db.hearing.findMany(),
      db.evidence.findMany(),
      db.ruling.findMany(),
      db.event.findMany(),
      db.incident.findMany(),
    ]))
      for (const r of list) rows.set(r.id, r as unknown as Record<string, unknown>);
    let checked = 0;
    for (const [id, fields] of Object.entries(HISTORY_TRANSLATIONS)) {
      const row = rows.get(id);
      expect(row, id).toBeTruthy();
      for (const [field, t] of Object.entries(fields)) {
        expect(typeof row![field], `${id}.${field}`).toBe("string");
        expect(row![`${field}Ru`], `${id}.${field}Ru`).toBe(t.ru);
        expect(row![`${field}Kk`], `${id}.${field}Kk`).toBe(t.kk);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
    // No citation's quote was translated: the sentence is the source's.
    expect(await db.citation.count({ where: { quote: { contains: "Акимат" } } })).toBe(0);
  });

  it("fills the translations into a database loaded before them, but not over an edit", async () => {
    // A database from before: the translation columns are empty.
    await db.application.updateMany({ data: { titleRu: "", titleKk: "", purposeRu: "", purposeKk: "", notesRu: "", notesKk: "" } });
    await db.authority.updateMany({ data: { nameKk: "" } });
    await db.deadlineRule.updateMany({ data: { labelKk: "", legalBasisRu: "", legalBasisKk: "" } });
    await db.holiday.updateMany({ data: { nameRu: "", nameKk: "" } });
    // Since then a member retitled one case in English, and an admin wrote their own Kazakh label.
    await db.application.update({ where: { id: "hist-app-2023-03-08-march" }, data: { title: "Women's March 2023 (our wording)" } });
    await db.deadlineRule.update({ where: { code: "appeal" }, data: { labelKk: "Апелляция (біздің аударма)" } });

    const ref = await loadReference(db);
    const hist = await loadHistory(db);
    expect(ref.created).toBe(0);
    expect(ref.translated).toBeGreaterThan(0);
    expect(hist.created).toBe(0);
    expect(hist.translated).toBeGreaterThan(0);

    const almaty = await db.authority.findUniqueOrThrow({ where: { id: "hist-auth-akimat-almaty" } });
    expect(almaty.nameKk).toBe("Алматы қаласының әкімдігі");
    const rally = await db.application.findUniqueOrThrow({ where: { id: "hist-app-2019-09-28-rally" } });
    expect(rally.titleKk).toContain("«Сарыарқа» кинотеатрының");
    const edited = await db.application.findUniqueOrThrow({ where: { id: "hist-app-2023-03-08-march" } });
    expect(edited.titleRu).toBe(""); // a translation of a title it no longer has would mislead
    expect(edited.purposeRu).toBe("Женский марш в Международный женский день");
    const appeal = await db.deadlineRule.findUniqueOrThrow({ where: { code: "appeal" } });
    expect(appeal.labelKk).toBe("Апелляция (біздің аударма)");
    expect(appeal.legalBasisRu).toBe("Административный процедурно-процессуальный кодекс (2021), ст. 161");
    expect(await db.holiday.count({ where: { nameKk: "" } })).toBe(0);
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "Application", entityId: "hist-app-2019-09-28-rally", action: "update" } });
    expect(JSON.parse(log.after)).toMatchObject({ titleKk: rally.titleKk });

    // And again: nothing left to do.
    expect(await loadReference(db)).toEqual({ created: 0, translated: 0 });
    expect(await loadHistory(db)).toEqual({ created: 0, translated: 0 });
  });
});

describe("search across scripts", () => {
  it("a search for «алматы» finds the records in Almaty", async () => {
    const latin = await search("Almaty");
    expect(latin.length).toBeGreaterThanOrEqual(5);
    expect(await search("алматы")).toEqual(latin);
    expect(await search("АЛМАТЫ")).toEqual(latin);
    expect(await search("almaty")).toEqual(latin);
  });

  it("finds Shymkent and Karaganda from either script, and folds Kazakh letters in any case", async () => {
    const kazakh = await search("ҚАЛАСЫНЫҢ ӘКІМДІГІ"); // in the Kazakh names of the akimats only
    expect(kazakh.length).toBeGreaterThan(0);
    expect(await search("қаласының әкімдігі")).toEqual(kazakh);
    expect(await search("Қаласының Әкімдігі")).toEqual(kazakh);
    expect(await search("шымкент")).toEqual(await search("Shymkent"));
    const incidents = async (q: string) => (await listIncidents(null, { q }, "kk")).rows.map((r) => r.id).sort();
    const karaganda = await incidents("Karaganda");
    expect(karaganda.length).toBeGreaterThanOrEqual(3);
    expect(await incidents("караганда")).toEqual(karaganda);
    expect(await incidents("ШЫМКЕНТ")).toEqual(await incidents("Shymkent"));
  });
});

describe("the settings forms in every language", () => {
  it("a Russian or Kazakh reader gets the documented places, booking holders and citing cases in their language, marked as our translation", async () => {
    const rally = await getCase(null, "hist-app-2019-09-28-rally");
    expect(renderChecked(h(PartsList, { data: rally }), "ru")).toContain("Парк за кинотеатром «Сары-Арка», Алматы");
    expect(renderChecked(h(PartsList, { data: rally }), "kk")).toContain("«Сарыарқа» кинотеатрының артындағы саябақ");
    expect(renderChecked(h(PartsList, { data: rally }), "en")).toContain("Park behind the Sary-Arka cinema, Almaty");
    const file = JSON.stringify(buildCaseFile(rally, { sections: [...SHARE_SECTIONS], includePersonal: false, includeNotes: false }, "ru", [], new Date("2024-06-01")));
    expect(file).toContain("Парк за кинотеатром «Сары-Арка», Алматы [");
    expect(file).not.toContain("Park behind");

    const booked = await getCase(null, "hist-app-2023-03-08-march");
    const answer = booked.answers[0];
    const card = renderChecked(h(AnswerCard, { answer, data: booked, number: 1 }), "ru");
    expect(card).toContain("Другой субъект гражданского общества (не назван)");
    expect(card).not.toContain("Another civil society actor");
    expect(card).toContain('data-translated="tracker"');

    const cafe = await getIncident(null, "hist-inc-shymkent-cafe-attack");
    const detail = renderChecked(h(IncidentDetail, { incident: cafe }), "kk");
    expect(detail).toContain("Жақын маңдағы кафе");
    expect(detail).not.toContain("The nearest cafe");

    // The source page names the cases that cite it in the reader's language.
    const source = await getSource(null, "fld-2023-04-28-2024-march-prohibited", "ru");
    const titles = source.citations.map((c) => c.link.caseTitle).filter(Boolean);
    expect(titles).toContain("Женский марш 8 марта 2024 года (уведомление от 20 марта 2023 года)");
    expect(titles.some((t) => /Women’s March/.test(String(t)))).toBe(false);
  });

  it("an operator writes a clock's name and legal basis in Kazakh, and a Kazakh reader's case shows them", async () => {
    const groupId = (await makeGroup("kk-clock", "Kazakh clock")).id;
    const admin = await makeActor("kk-admin", [[groupId, "admin"]]);
    const operator = await makeActor("kk-operator", [[groupId, "viewer"]], { isOperator: true });
    const app = await db.application.create({ data: { groupId, title: "Picket", procedure: "notification", filedOn: "2026-03-02", parts: { create: [{ form: "picket" }] } } });
    await db.$transaction((tx) => recomputeCase(tx, app.id));

    const rule = await db.deadlineRule.findUniqueOrThrow({ where: { code: "notification_answer" } });
    const entries = {
      id: rule.id,
      amount: String(rule.amount),
      unit: rule.unit,
      direction: rule.direction,
      legalBasis: rule.legalBasis,
      legalBasisRu: rule.legalBasisRu,
      legalBasisKk: "№ 333-VI Заң, 12-бап (өзгертулермен)",
      labelEn: rule.labelEn,
      labelRu: rule.labelRu,
      labelKk: "Хабарламаға жауап",
      active: "on",
    };
    expect((await run(operator, updateDeadlineRuleAction, entries)).state).toMatchObject({ ok: true });
    const saved = await db.deadlineRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect([saved.labelKk, saved.legalBasisKk, saved.legalBasisRu]).toEqual(["Хабарламаға жауап", "№ 333-VI Заң, 12-бап (өзгертулермен)", rule.legalBasisRu]);

    const data = await getCase(admin, app.id);
    const box = (locale: "en" | "ru" | "kk") => renderChecked(h(DeadlineBox, { deadline: data.deadline, status: data.status, today: "2026-03-02" }), locale);
    expect(box("kk")).toContain("№ 333-VI Заң, 12-бап (өзгертулермен)");
    expect(box("ru")).toContain("Закон № 333-VI от 25 мая 2020 года, ст. 12");
    expect(box("en")).toContain("Law No. 333-VI of 25 May 2020, Art. 12");

    // A holiday an operator adds with its Russian and Kazakh names.
    expect((await run(operator, addHolidayAction, { date: "2026-04-08", kind: "holiday", name: "Extra day off", nameRu: "Дополнительный выходной", nameKk: "Қосымша демалыс күні" })).state).toMatchObject({ ok: true });
    const day = await db.holiday.findUniqueOrThrow({ where: { country_date: { country: "KZ", date: "2026-04-08" } } });
    expect([day.name, day.nameRu, day.nameKk]).toEqual(["Extra day off", "Дополнительный выходной", "Қосымша демалыс күні"]);
  });
});
