// The application and answer schemas, the list's filters, and the pure helpers of the forms
// and the case page.
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/actions/form-state";
import { formToObject } from "@/lib/validation/form-data";
import {
  applicationFiltersSchema,
  createApplicationSchema,
  filtersToParams,
  readApplicationFilters,
  updateApplicationSchema,
} from "@/lib/validation/applications";
import { recordAnswerSchema } from "@/lib/validation/answers";
import { applicationFromSubmitted, emptyApplication } from "@/components/applications/values";
import { needsAlternativeNote } from "@/components/answers/AlternativeNote";
import { buildTimeline } from "@/components/cases/timeline";

function fd(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const valid: [string, string][] = [
  ["groupId", "g1"],
  ["organizerIds[]", "g1"],
  ["title", "  March  "],
  ["filedOn", "2024-02-12"],
  ["parts.0.form", "march"],
  ["parts.0.eventDate", "2024-03-08"],
  ["parts.0.startTime", "11:00"],
  ["parts.0.endTime", "12:00"],
  ["parts.0.equipment[]", "sound"],
  ["parts.0.equipment[]", "sound"],
];

function errorsOf(entries: [string, string][], schema = createApplicationSchema) {
  const r = schema.safeParse(formToObject(fd(entries)));
  return r.success ? {} : fieldErrors(r.error);
}

describe("createApplicationSchema", () => {
  it("accepts a minimal application and normalises it", () => {
    const r = createApplicationSchema.parse(formToObject(fd(valid)));
    expect(r.title).toBe("March");
    expect(r.isPublic).toBe(false);
    expect(r.filedOnPrecision).toBe("day");
    expect(r.newAuthorityKind).toBe("akimat");
    expect(r.applicants).toEqual([]);
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toMatchObject({ form: "march", place: "", eventDate: "2024-03-08", expectedParticipants: null, equipment: ["sound"] });
  });

  it("puts each problem beside its field", () => {
    const errors = errorsOf([
      ...valid.filter(([k]) => k !== "title" && k !== "parts.0.endTime" && k !== "filedOn"),
      ["filedOn", "2024-13-01"],
      ["parts.0.endTime", "10:59"],
      ["parts.0.expectedParticipants", "many"],
      ["parts.1.form", "parade"],
      ["applicants.0.fullName", ""],
      ["applicants.0.idNumber", "90010140012"],
      ["applicants.0.phone", "call me"],
    ]);
    expect(errors).toEqual({
      title: ["required"],
      filedOn: ["invalid_date"],
      "parts.0.endTime": ["end_before_start"],
      "parts.0.expectedParticipants": ["invalid_number"],
      "parts.1.form": ["invalid_choice"],
      "applicants.0.fullName": ["required"],
      "applicants.0.idNumber": ["invalid"],
      "applicants.0.phone": ["invalid"],
    });
  });

  it("an end time equal to the start is not after it", () => {
    expect(errorsOf([...valid.filter(([k]) => k !== "parts.0.endTime"), ["parts.0.endTime", "11:00"]])).toEqual({ "parts.0.endTime": ["end_before_start"] });
  });

  it("drops rows left empty, but not a stored row that was blanked", () => {
    const r = createApplicationSchema.parse(
      formToObject(fd([...valid, ["parts.1.form", ""], ["parts.1.place", " "], ["applicants.0.fullName", ""], ["applicants.0.phone", ""]])),
    );
    expect(r.parts).toHaveLength(1);
    expect(r.applicants).toHaveLength(0);
    const edited = errorsOf([...valid, ["parts.1.id", "p2"], ["parts.1.form", ""]]);
    expect(edited).toEqual({ "parts.1.form": ["invalid_choice"] });
  });

  it("needs an organizing group and a part", () => {
    expect(errorsOf([["groupId", "g1"], ["title", "x"]])).toEqual({ organizerIds: ["need_one_group"], parts: ["need_one_part"] });
  });

  it("editing needs the id and the version read, not the owning group", () => {
    const entries = valid.filter(([k]) => k !== "groupId");
    expect(errorsOf(entries, updateApplicationSchema as unknown as typeof createApplicationSchema)).toEqual({ id: ["required"], version: ["invalid"] });
    const r = updateApplicationSchema.parse(formToObject(fd([...entries, ["id", "a1"], ["version", "3"]])));
    expect(r.version).toBe(3);
    expect("groupId" in r).toBe(false);
  });
});

describe("recordAnswerSchema", () => {
  const base: [string, string][] = [
    ["applicationId", "a1"],
    ["receivedOn", "2022-03-01"],
    ["outcomes.0.partId", "p1"],
    ["outcomes.0.outcome", "refused"],
    ["outcomes.1.partId", "p2"],
    ["outcomes.1.outcome", "approved"],
  ];
  const parse = (entries: [string, string][]) => recordAnswerSchema.safeParse(formToObject(fd(entries)));

  it("needs an outcome for at least one part", () => {
    const r = parse([["applicationId", "a1"], ["outcomes.0.partId", "p1"], ["outcomes.0.outcome", ""]]);
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ outcomes: ["need_outcome"] });
  });

  it("needs a ground when a part is refused", () => {
    const r = parse(base);
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ grounds: ["need_ground"] });
    expect(parse([...base, ["grounds[]", "no_reason"]]).success).toBe(true);
  });

  it("reads grounds with their own words, de-duplicated, and drops empty evidence rows", () => {
    const r = recordAnswerSchema.parse(
      formToObject(
        fd([
          ...base,
          ["grounds[]", "works"],
          ["grounds[]", "works"],
          ["grounds[]", "place_taken"],
          ["groundWords.works", " ремонт "],
          ["evidence.0.stance", "contests"],
          ["evidence.0.description", ""],
          ["evidence.0.observer", ""],
        ]),
      ),
    );
    expect(r.grounds).toEqual(["works", "place_taken"]);
    expect(r.groundWords).toEqual({ works: "ремонт" });
    expect(r.evidence).toEqual([]);
    expect(r.alternativeOffered).toBe(false);
  });

  it("rejects an outcome that is not in the vocabulary and evidence without a description", () => {
    const r = parse([...base, ["grounds[]", "works"], ["outcomes.1.outcome", "approved_maybe"], ["evidence.0.stance", "contests"], ["evidence.0.observer", "Organizers"]]);
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ "outcomes.1.outcome": ["invalid_choice"], "evidence.0.description": ["required"] });
  });
});

describe("applicationFiltersSchema", () => {
  it("defaults to the first page of 25, newest filing first", () => {
    expect(applicationFiltersSchema.parse({})).toEqual({ sort: "filed", page: 1, pageSize: 25 });
  });

  it("reads URLSearchParams and Next.js searchParams alike (first value wins, blanks ignored)", () => {
    const fromUrl = applicationFiltersSchema.parse(new URLSearchParams("year=2021&year=2020&city=&form=rally&ground=place_taken&status=answered&page=2"));
    const fromNext = applicationFiltersSchema.parse({ year: ["2021", "2020"], city: "", form: "rally", ground: "place_taken", status: "answered", page: "2" });
    expect(fromUrl).toEqual(fromNext);
    expect(fromUrl).toEqual({ year: 2021, form: "rally", ground: "place_taken", status: "answered", sort: "filed", page: 2, pageSize: 25 });
  });

  it("rejects values outside the vocabularies and limits", () => {
    for (const bad of [{ form: "parade" }, { outcome: "won" }, { status: "lost" }, { year: "20x1" }, { page: "0" }, { pageSize: "101" }, { sort: "random" }, { visibility: "secret" }]) {
      expect(applicationFiltersSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("for pages, drops only the bad filter and keeps the rest", () => {
    expect(readApplicationFilters({ form: "parade", year: "2021", page: "-3" })).toEqual({ year: 2021, sort: "filed", page: 1, pageSize: 25 });
  });

  it("turns filters back into URL parameters without the defaults or the page", () => {
    expect(filtersToParams(applicationFiltersSchema.parse({ year: "2021", q: "works", page: "4" }))).toEqual({ year: "2021", q: "works" });
    expect(filtersToParams(applicationFiltersSchema.parse({ sort: "title", pageSize: "50" }))).toEqual({ sort: "title", pageSize: "50" });
  });
});

describe("the application form's values", () => {
  it("come back from a failed submission as typed", () => {
    const raw = formToObject(
      fd([
        ["title", "Typed"],
        ["isPublic", "on"],
        ["organizerIds[]", "g2"],
        ["parts.0.id", "p1"],
        ["parts.0.form", "rally"],
        ["parts.0.equipment[]", "sound"],
        ["applicants.0.fullName", "A"],
      ]),
    );
    const fallback = emptyApplication("g1");
    fallback.parts = [{ ...fallback.parts[0], id: "p1", answered: true }];
    const v = applicationFromSubmitted(raw, fallback);
    expect(v).toMatchObject({ title: "Typed", isPublic: true, organizerIds: ["g2"], groupId: "g1" });
    expect(v.parts[0]).toMatchObject({ id: "p1", form: "rally", equipment: ["sound"], answered: true });
    expect(v.applicants[0].fullName).toBe("A");
  });
});

describe("the note on resolution 61-NP", () => {
  it("applies to a refusal for a booked place or works with no alternative offered", () => {
    expect(needsAlternativeNote(["place_taken"], false, ["refused", "approved"])).toBe(true);
    expect(needsAlternativeNote(["works", "security_threat"], false, ["refused"])).toBe(true);
    expect(needsAlternativeNote(["place_taken"], true, ["refused"])).toBe(false);
    expect(needsAlternativeNote(["security_threat"], false, ["refused"])).toBe(false);
    expect(needsAlternativeNote(["place_taken"], false, ["approved_with_limits"])).toBe(false);
  });
});

describe("buildTimeline", () => {
  it("puts everything in date order, undated last, same-day items in the case's order", () => {
    const entries = buildTimeline({
      id: "a1",
      filedOn: "2021-02-20",
      filedOnPrecision: "day",
      answers: [
        {
          id: "an1",
          receivedOn: "2021-02-25",
          receivedOnPrecision: "day",
          outcome: "refused",
          evidence: [{ id: "ev1", observedOn: "2021-03-08", observedOnPrecision: "day", stance: "contests" }],
        },
      ],
      appealStages: [
        {
          id: "s1",
          kind: "first_instance",
          filedOn: "2021-03-01",
          filedOnPrecision: "day",
          bodyName: "Court",
          body: null,
          hearings: [{ id: "h1", heldOn: "2021-03-10", heldOnPrecision: "day" }],
          ruling: { id: "r1", decidedOn: "2021-03-19", decidedOnPrecision: "day", outcome: "upheld" },
        },
      ],
      events: [
        { id: "e1", kind: "pressure_withdraw", occurredOn: "2021-02-25", occurredOnPrecision: "day" },
        { id: "e2", kind: "other", occurredOn: null, occurredOnPrecision: "unknown" },
      ],
      incidents: [{ id: "i1", kind: "fine", title: "Fine", occurredOn: "2021", occurredOnPrecision: "year" }],
    } as unknown as Parameters<typeof buildTimeline>[0]);
    expect(entries.map((e) => `${e.kind}:${e.id}`)).toEqual([
      "incident:i1",
      "filed:a1",
      "answer:an1",
      "event:e1",
      "appeal_filed:s1",
      "evidence:ev1",
      "hearing:h1",
      "ruling:r1",
      "event:e2",
    ]);
  });
});
