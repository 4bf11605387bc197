// How a spreadsheet row becomes an application: which column is which field (headers in
// Russian, Kazakh or English), and how each cell is read — dates as people write them
// («12.03.2023», «2023-03-12», «12 марта 2023 г.», «2023 жылғы 12 наурыз»), forms and outcomes by
// their names in any of the three languages. Pure: the caller passes the catalogue's labels.
import { ASSEMBLY_FORMS, PART_OUTCOMES, type AssemblyForm, type DatePrecision } from "./vocabulary";
import { foldForSearch } from "./fold";

export const IMPORT_FIELDS = [
  "title",
  "filedOn",
  "authority",
  "city",
  "form",
  "eventDate",
  "place",
  "participants",
  "outcome",
  "answeredOn",
  "statedReason",
  "registrationNumber",
  "purpose",
  "applicants",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Column index per field; -1 = not taken from the file. */
export type ColumnMapping = Record<ImportField, number>;

export const IMPORT_OUTCOMES = [...PART_OUTCOMES, "pending"] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** What a header may say, per field; compared folded (case, ё, punctuation). */
const HEADER_WORDS: Record<ImportField, string[]> = {
  title: ["title", "name", "event", "название", "наименование", "тема", "мероприятие", "атауы", "тақырыбы", "тақырып", "іс-шара"],
  filedOn: ["filed on", "filed", "filing date", "date filed", "date of filing", "submitted", "date", "дата подачи", "дата уведомления", "дата заявления", "подано", "дата", "берілген күні", "тапсырылған күні", "өтініш күні", "күні"],
  authority: ["authority", "addressee", "filed with", "орган", "адресат", "акимат", "кому подано", "орган власти", "мемлекеттік орган", "әкімдік", "кімге"],
  city: ["city", "town", "город", "населенный пункт", "қала", "елді мекен"],
  form: ["form", "type", "kind", "форма", "вид", "вид мероприятия", "форма мероприятия", "нысаны", "түрі", "іс-шара түрі"],
  eventDate: ["event date", "date of event", "held on", "дата мероприятия", "дата проведения", "өткізу күні", "іс-шара күні", "өткізілетін күні"],
  place: ["place", "location", "route", "venue", "место", "маршрут", "место проведения", "орны", "өткізу орны", "бағыты"],
  participants: ["participants", "expected participants", "number of participants", "участники", "количество участников", "число участников", "қатысушылар", "қатысушылар саны"],
  outcome: ["outcome", "result", "answer", "decision", "ответ", "решение", "результат", "итог", "шешім", "жауап", "нәтиже"],
  answeredOn: ["answer date", "answered on", "date of answer", "decision date", "дата ответа", "дата решения", "жауап күні", "шешім күні"],
  statedReason: ["reason", "stated reason", "refusal reason", "grounds", "причина", "причина отказа", "основание", "основание отказа", "себеп", "бас тарту себебі", "негіз"],
  registrationNumber: ["number", "registration number", "reg number", "ref", "номер", "рег номер", "регистрационный номер", "входящий номер", "нөмір", "тіркеу нөмірі"],
  purpose: ["purpose", "goal", "aim", "цель", "цели", "мақсат", "мақсаты"],
  applicants: ["applicants", "applicant", "organizers", "заявители", "заявитель", "организаторы", "өтініш берушілер", "өтініш беруші", "ұйымдастырушылар"],
  notes: ["notes", "note", "comment", "comments", "примечания", "примечание", "заметки", "комментарий", "ескертпе", "ескертпелер", "пікір"],
};

const fold = (s: string) => foldForSearch(s).replace(/[.,:;()«»"'№#*_/\\-]+/g, " ").replace(/\s+/g, " ").trim();

/**
 * Which column each field comes from: an exact header first, then a header that contains one
 * of the field's words (the longest such word wins), each column used once.
 */
export function detectMapping(header: readonly string[], extra: Partial<Record<ImportField, string[]>> = {}): ColumnMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, -1])) as ColumnMapping;
  const folded = header.map((h) => fold(h ?? ""));
  const used = new Set<number>();
  const words = (f: ImportField) => [...(extra[f] ?? []), ...HEADER_WORDS[f]].map(fold);
  for (const f of IMPORT_FIELDS) {
    const i = folded.findIndex((h, j) => !used.has(j) && h !== "" && words(f).includes(h));
    if (i >= 0) {
      mapping[f] = i;
      used.add(i);
    }
  }
  for (const f of IMPORT_FIELDS) {
    if (mapping[f] >= 0) continue;
    let best = -1;
    let bestLen = 0;
    for (const [j, h] of folded.entries()) {
      if (used.has(j) || !h) continue;
      for (const w of words(f)) if (w.length >= 4 && w.length > bestLen && (` ${h} `).includes(` ${w} `)) {
        best = j;
        bestLen = w.length;
      }
    }
    if (best >= 0) {
      mapping[f] = best;
      used.add(best);
    }
  }
  return mapping;
}

// ───────────────────────────── dates

export interface ReadDate {
  date: string | null;
  precision: DatePrecision;
}

const MONTHS: [RegExp, number][] = [
  [/^(январ[ья]|янв|january|jan|қаңтар\S*)$/, 1],
  [/^(феврал[ья]|фев|february|feb|ақпан\S*)$/, 2],
  [/^(марта?|мар|march|mar|наурыз\S*)$/, 3],
  [/^(апрел[ья]|апр|april|apr|сәуір\S*)$/, 4],
  [/^(ма[йя]|may|мамыр\S*)$/, 5],
  [/^(июн[ья]|june|jun|маусым\S*)$/, 6],
  [/^(июл[ья]|july|jul|шілде\S*)$/, 7],
  [/^(августа?|авг|august|aug|тамыз\S*)$/, 8],
  [/^(сентябр[ья]|сен|сент|september|sep|sept|қыркүйек\S*)$/, 9],
  [/^(октябр[ья]|окт|october|oct|қазан\S*)$/, 10],
  [/^(ноябр[ья]|ноя|november|nov|қараша\S*)$/, 11],
  [/^(декабр[ья]|дек|december|dec|желтоқсан\S*)$/, 12],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date cell, or "invalid" when the cell has something that is not a date. Month and year
 * alone are kept with their precision (stored as the first day, as the seed does).
 */
export function readDate(cell: string): ReadDate | "invalid" {
  const s = cell
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*(года|год|г\.?|жылғы|жылы|ж\.?|year)$/u, "")
    .trim();
  if (!s) return { date: null, precision: "unknown" };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}.*)?$/.exec(s);
  if (m) return dayOrInvalid(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return dayOrInvalid(+m[3], +m[2], +m[1]);
  m = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(s);
  if (m) return dayOrInvalid(+m[1], +m[2], +m[3]);
  // «12 марта 2023», "12 March 2023", «12 наурыз 2023»
  m = /^(\d{1,2}) ([\p{L}.]+),? (\d{4})$/u.exec(s);
  if (m && monthOf(m[2])) return dayOrInvalid(+m[3], monthOf(m[2])!, +m[1]);
  // «2023 жылғы 12 наурыз(да)», "2023 12 March"
  m = /^(\d{4}) (?:жылғы |жылы |ж\.? |г\.? )?(\d{1,2}) ([\p{L}.]+)$/u.exec(s);
  if (m && monthOf(m[3])) return dayOrInvalid(+m[1], monthOf(m[3])!, +m[2]);
  // "March 12, 2023"
  m = /^([\p{L}.]+) (\d{1,2}),? (\d{4})$/u.exec(s);
  if (m && monthOf(m[1])) return dayOrInvalid(+m[3], monthOf(m[1])!, +m[2]);
  // «март 2023», «03.2023», «2023 наурыз»
  m = /^([\p{L}.]+) (\d{4})$/u.exec(s) ?? null;
  if (m && monthOf(m[1])) return monthOrInvalid(+m[2], monthOf(m[1])!);
  m = /^(\d{4}) (?:жылғы |жылы |ж\.? )?([\p{L}.]+)$/u.exec(s);
  if (m && monthOf(m[2])) return monthOrInvalid(+m[1], monthOf(m[2])!);
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return monthOrInvalid(+m[2], +m[1]);
  m = /^(\d{4})$/.exec(s);
  if (m) return +m[1] >= 1900 && +m[1] <= 2100 ? { date: `${m[1]}-01-01`, precision: "year" } : "invalid";
  return "invalid";
}

function dayOrInvalid(y: number, mo: number, d: number): ReadDate | "invalid" {
  const date = validDay(y, mo, d);
  return date ? { date, precision: "day" } : "invalid";
}
function monthOrInvalid(y: number, mo: number): ReadDate | "invalid" {
  const date = validDay(y, mo, 1);
  return date ? { date, precision: "month" } : "invalid";
}

// ───────────────────────────── forms and outcomes

/** Labels per value in every language (the catalogue's), plus the words people also use. */
export type Labels<T extends string> = Partial<Record<T, string[]>>;

const FORM_WORDS: Labels<AssemblyForm> = {
  picket: ["пикет", "пикетирование", "одиночный пикет", "пикеттеу", "picket", "picketing"],
  meeting: ["собрание", "жиналыс", "meeting", "assembly"],
  rally: ["митинг", "митингі", "rally"],
  demonstration: ["демонстрация", "демонстрациясы", "demonstration"],
  march: ["шествие", "марш", "шеру", "march", "procession"],
};

const OUTCOME_WORDS: Labels<ImportOutcome> = {
  approved: ["согласовано", "согласован", "разрешено", "одобрено", "келісілді", "рұқсат етілді", "approved", "allowed", "granted", "cleared"],
  approved_with_limits: ["согласовано с ограничениями", "с ограничениями", "шектеулермен", "approved with limits", "with limits"],
  alternative_proposed: ["предложено другое место", "предложена альтернатива", "альтернатива", "балама ұсынылды", "балама", "alternative proposed", "alternative"],
  refused: ["отказ", "отказано", "отказано в согласовании", "отклонено", "бас тартылды", "бас тарту", "refused", "refusal", "rejected", "denied"],
  no_answer: ["нет ответа", "без ответа", "не ответили", "жауап жоқ", "жауап берілмеді", "no answer", "no response", "none"],
  pending: ["ожидается", "на рассмотрении", "рассматривается", "қаралуда", "pending", "waiting"],
};

function lookup<T extends string>(values: readonly T[], words: Labels<T>, catalogue: Labels<T>, cell: string): T | null {
  const c = fold(cell);
  for (const v of values) {
    if (fold(v) === c) return v;
    for (const w of [...(catalogue[v] ?? []), ...(words[v] ?? [])]) if (fold(w) === c) return v;
  }
  return null;
}

export interface ImportLabels {
  form: Labels<AssemblyForm>;
  outcome: Labels<ImportOutcome>;
}

export function readForm(cell: string, labels: ImportLabels): AssemblyForm | null {
  return lookup(ASSEMBLY_FORMS, FORM_WORDS, labels.form, cell);
}

export function readOutcome(cell: string, labels: ImportLabels): ImportOutcome | null {
  if (!cell.trim()) return "pending";
  return lookup(IMPORT_OUTCOMES, OUTCOME_WORDS, labels.outcome, cell);
}

// ───────────────────────────── a row → a record

export interface ImportPart {
  form: AssemblyForm;
  place: string;
  route: string;
  eventDate: string | null;
  eventDatePrecision: DatePrecision;
  startTime: string;
  endTime: string;
  expectedParticipants: number | null;
}

export interface ImportAnswer {
  receivedOn: string | null;
  receivedOnPrecision: DatePrecision;
  statedReason: string;
  referenceNumber: string;
  /** Outcome per part (by position in `parts`). */
  outcomes: { part: number; outcome: Exclude<ImportOutcome, "pending">; limits: string; alternative: string }[];
  groundCodes: string[];
}

export interface ImportApplicant {
  fullName: string;
  idNumber: string;
  address: string;
  phone: string;
}

/** One application as it will be written: from a spreadsheet row, or a record of a JSON export. */
export interface ImportRecord {
  /** The row in the file (the header is row 1), or the record's position in a JSON export. */
  row: number;
  title: string;
  titleRu: string;
  titleKk: string;
  filedOn: string | null;
  filedOnPrecision: DatePrecision;
  authorityName: string;
  authorityCity: string;
  authorityKind: string;
  city: string;
  purpose: string;
  registrationNumber: string;
  notes: string;
  publicNote: string;
  parts: ImportPart[];
  applicants: ImportApplicant[];
  answers: ImportAnswer[];
}

/** A problem with a row: a catalogue key, the field it is about and the value read. */
export interface RowProblem {
  key: string;
  field?: ImportField;
  value?: string;
}

/** How one cell was read, for the preview. */
export interface CellReading {
  field: ImportField;
  raw: string;
  /** Machine form: an ISO date with precision, a form or outcome code, a number. */
  read: string;
  kind: "text" | "date" | "form" | "outcome" | "number" | "list";
  precision?: DatePrecision;
}

export interface RowReading {
  row: number;
  cells: CellReading[];
  record: ImportRecord | null;
  problems: RowProblem[];
}

const LIMITS: Partial<Record<ImportField, number>> = {
  title: 300,
  authority: 300,
  city: 120,
  place: 300,
  registrationNumber: 120,
  purpose: 5000,
  statedReason: 20_000,
  notes: 20_000,
  applicants: 5000,
};

export function authorityKindFor(name: string): string {
  const n = foldForSearch(name);
  if (/суд|сот|court/.test(n)) return "court";
  if (/полиц|police|ішкі істер|внутренних дел/.test(n)) return "police";
  if (/прокур|prosecut/.test(n)) return "prosecutor";
  if (/министер|министрлі|ministry/.test(n)) return "ministry";
  return "akimat";
}

export function splitNames(cell: string): string[] {
  return [...new Set(cell.split(/[;\n]+/).map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean))];
}

/** Reads one spreadsheet row with the chosen columns; a blank row gives null. */
export function readRow(cells: readonly string[], rowNumber: number, mapping: ColumnMapping, labels: ImportLabels): RowReading | null {
  const get = (f: ImportField) => (mapping[f] >= 0 ? String(cells[mapping[f]] ?? "").trim() : "");
  if (!IMPORT_FIELDS.some((f) => get(f) !== "")) return null;
  const problems: RowProblem[] = [];
  const readings: CellReading[] = [];
  const text = (f: ImportField) => {
    const v = get(f);
    if (mapping[f] >= 0) readings.push({ field: f, raw: v, read: v, kind: "text" });
    if (LIMITS[f] && v.length > LIMITS[f]!) problems.push({ key: "too_long", field: f, value: v.slice(0, 40) });
    return v;
  };
  const date = (f: ImportField): ReadDate => {
    const v = get(f);
    const d = readDate(v);
    if (d === "invalid") {
      problems.push({ key: "date_unreadable", field: f, value: v });
      if (mapping[f] >= 0) readings.push({ field: f, raw: v, read: "", kind: "date" });
      return { date: null, precision: "unknown" };
    }
    if (mapping[f] >= 0) readings.push({ field: f, raw: v, read: d.date ?? "", kind: "date", precision: d.precision });
    return d;
  };

  const title = text("title");
  const filed = date("filedOn");
  const authorityName = text("authority");
  const city = text("city");

  const formRaw = get("form");
  const form = readForm(formRaw, labels);
  if (mapping.form >= 0) readings.push({ field: "form", raw: formRaw, read: form ?? "", kind: "form" });
  if (!formRaw) problems.push({ key: "form_missing", field: "form" });
  else if (!form) problems.push({ key: "form_unknown", field: "form", value: formRaw });

  const event = date("eventDate");
  const place = text("place");

  const participantsRaw = get("participants");
  let participants: number | null = null;
  if (participantsRaw) {
    const n = Number(participantsRaw.replace(/[\s\u00a0]/g, ""));
    if (Number.isInteger(n) && n >= 0 && n <= 10_000_000) participants = n;
    else problems.push({ key: "number_unreadable", field: "participants", value: participantsRaw });
  }
  if (mapping.participants >= 0) readings.push({ field: "participants", raw: participantsRaw, read: participants === null ? "" : String(participants), kind: "number" });

  const outcomeRaw = get("outcome");
  const outcome = readOutcome(outcomeRaw, labels);
  if (mapping.outcome >= 0) readings.push({ field: "outcome", raw: outcomeRaw, read: outcome ?? "", kind: "outcome" });
  if (!outcome) problems.push({ key: "outcome_unknown", field: "outcome", value: outcomeRaw });

  const answered = date("answeredOn");
  const statedReason = text("statedReason");
  const registrationNumber = text("registrationNumber");
  const purpose = text("purpose");
  const applicantsRaw = text("applicants");
  const names = splitNames(applicantsRaw);
  if (names.length > 50) problems.push({ key: "too_many_applicants", field: "applicants" });
  if (names.some((n) => n.length > 300)) problems.push({ key: "too_long", field: "applicants" });
  const notes = text("notes");

  const finalTitle = (title || purpose.split("\n")[0] || place).slice(0, 300).trim();
  if (!finalTitle) problems.push({ key: "title_missing", field: "title" });
  if (filed.date && answered.date && answered.date < filed.date && answered.precision === "day" && filed.precision === "day") {
    problems.push({ key: "answer_before_filing", field: "answeredOn", value: get("answeredOn") });
  }
  if ((answered.date || statedReason) && outcome === "pending") problems.push({ key: "answer_without_outcome", field: "outcome" });

  if (problems.length || !form || !outcome) return { row: rowNumber, cells: readings, record: null, problems };
  const record: ImportRecord = {
    row: rowNumber,
    title: finalTitle,
    titleRu: "",
    titleKk: "",
    filedOn: filed.date,
    filedOnPrecision: filed.date ? filed.precision : "unknown",
    authorityName,
    authorityCity: city,
    authorityKind: authorityKindFor(authorityName),
    city,
    purpose,
    registrationNumber,
    notes,
    publicNote: "",
    parts: [{ form, place, route: "", eventDate: event.date, eventDatePrecision: event.date ? event.precision : "unknown", startTime: "", endTime: "", expectedParticipants: participants }],
    applicants: names.map((fullName) => ({ fullName, idNumber: "", address: "", phone: "" })),
    answers:
      outcome === "pending"
        ? []
        : [{ receivedOn: answered.date, receivedOnPrecision: answered.date ? answered.precision : "unknown", statedReason, referenceNumber: "", outcomes: [{ part: 0, outcome, limits: "", alternative: "" }], groundCodes: [] }],
  };
  return { row: rowNumber, cells: readings, record, problems };
}

/** Two records are the same filing when the authority, the filing date and a form agree. */
export function duplicateKeys(authorityKey: string, filedOn: string | null, forms: readonly string[]): string[] {
  if (!filedOn) return [];
  return [...new Set(forms)].map((f) => `${authorityKey}|${filedOn}|${f}`);
}

export function authorityKey(name: string): string {
  return fold(name);
}
