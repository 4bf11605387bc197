// A realistic synthetic dataset for the benchmark: applications across years, cities and
// groups, with parts, answers (part outcomes, grounds cited, evidence), appeals (hearings,
// rulings), events, incidents and an audit trail, in the proportions the documented history
// shows (most requests refused, a minority appealed, courts upholding almost every refusal).
// Written with better-sqlite3 prepared statements in one transaction: 100,000 applications
// take seconds, not the hours Prisma would take row by row. Deterministic (seeded).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "../../lib/db-client";
import { loadReference } from "../../prisma/seed/reference";

const require = createRequire(import.meta.url);

/** Bump when the generated shape changes, so cached bench databases are rebuilt. */
export const GENERATOR_VERSION = 3;

export const BENCH_PASSWORD_HASH = "$2b$10$benchbenchbenchbenchbeuNHRb8a7bkvqAptoJ2o6pX6NqF3W3O"; // not a usable password

const CITIES = ["Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Taraz", "Pavlodar", "Oskemen", "Semey", "Atyrau", "Kostanay", "Kyzylorda"];
const GROUP_NAMES = ["KazFem", "Feminita", "FemPoint", "Svet", "FemAgora", "8MarchKZ"];
const REASONS: [string, string[]][] = [
  ["The venue is booked for another event on that date.", ["place_taken"]],
  ["Repair works are planned on the route.", ["works"]],
  ["Construction works on the square.", ["works"]],
  ["Due to the epidemiological situation.", ["security_threat"]],
  ["To ensure public order and safety of citizens.", ["security_threat"]],
  ["The place is not a designated place for peaceful assemblies.", ["not_designated_place"]],
  ["The notification was filed late.", ["late_filing"]],
  ["The application is not signed by all organizers.", ["incomplete_application"]],
  ["The route and time were already booked by another civil society actor.", ["place_taken"]],
  ["", ["no_reason"]],
  ["The goals of the event contradict public morality.", ["unlawful_goals", "security_threat"]],
  ["A city festival is held at the place.", ["place_taken", "security_threat"]],
];
const FORMS = ["march", "rally", "picket", "meeting", "demonstration"] as const;
const EVENT_KINDS = ["pressure_withdraw", "held", "not_held", "meeting_officials", "terminated", "other"] as const;
const INCIDENT_KINDS = ["fine", "threat", "detention", "criminal_case", "venue_cancelled", "attack", "police_inaction", "other"] as const;

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    /** Skewed towards the first items: a few large groups and cities, a long tail. */
    skewed: <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length * next() ** 2))],
  };
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}
function ts(day: string, seconds = 43_200): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + seconds * 1000).toISOString().replace("Z", "+00:00");
}

export interface BenchDataset {
  file: string;
  url: string;
  applications: number;
  /** A signed-in member (admin of the largest group) for pages that need a session. */
  user: { id: string; email: string };
  /** A public application with every section filled, for the case page. */
  sampleCaseId: string;
}

interface Meta extends Omit<BenchDataset, "file" | "url"> {
  version: number;
}

/** The schema exactly as `npm run setup` makes it. */
function migrateDeploy(url: string): void {
  execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: url } });
}

/** Creates (or reuses, when already generated with this version and size) a bench database. */
export async function generateDataset(opts: { file: string; applications: number; fresh?: boolean; seed?: number; log?: (s: string) => void }): Promise<BenchDataset> {
  const file = path.resolve(opts.file);
  const metaFile = `${file}.json`;
  const url = `file:${file}`;
  if (!opts.fresh && fs.existsSync(file) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as Meta;
    if (meta.version === GENERATOR_VERSION && meta.applications === opts.applications) {
      // Migrations added since it was generated (a new table, as the statistics' change log).
      migrateDeploy(url);
      return { ...meta, file, url };
    }
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`, metaFile]) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();

  // The schema exactly as `npm run setup` makes it, and the reference data through the app's loader.
  const sqlite0 = new Database(file);
  sqlite0.pragma("journal_mode = WAL");
  sqlite0.close();
  migrateDeploy(url);
  const prisma = createPrismaClient(url);
  await loadReference(prisma);
  await prisma.$disconnect();

  const db = new Database(file);
  db.pragma("synchronous = OFF"); // a throwaway file: speed over crash safety while filling it
  const grounds = new Map((db.prepare(`SELECT code, id FROM "RefusalGround"`).all() as { code: string; id: string }[]).map((g) => [g.code, g.id]));
  const r = rng(opts.seed ?? 20250120);
  const now = new Date().toISOString().replace("Z", "+00:00");

  const stmt = (table: string, cols: string[]) =>
    db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
  const ins = {
    user: stmt("User", ["id", "email", "name", "passwordHash", "locale", "createdAt"]),
    group: stmt("Group", ["id", "slug", "name", "description", "city", "createdAt"]),
    membership: stmt("Membership", ["id", "userId", "groupId", "role", "createdAt"]),
    authority: stmt("Authority", ["id", "name", "nameRu", "kind", "city", "country", "createdAt"]),
    person: stmt("Person", ["id", "groupId", "isPublic", "fullName", "createdAt", "updatedAt"]),
    app: stmt("Application", [
      "id", "groupId", "isPublic", "title", "procedure", "authorityId", "city", "purpose", "filedOn", "filedOnPrecision",
      "registrationNumber", "status", "outcome", "answerDueOn", "createdAt", "updatedAt",
    ]),
    appGroup: stmt("ApplicationGroup", ["applicationId", "groupId"]),
    applicant: stmt("Applicant", ["id", "applicationId", "personId", "role"]),
    part: stmt("Part", ["id", "applicationId", "position", "form", "place", "route", "eventDate", "startTime", "endTime", "expectedParticipants", "outcome"]),
    answer: stmt("Answer", ["id", "applicationId", "receivedOn", "referenceNumber", "statedReason", "articleCited", "alternativeOffered", "alternativeDetails", "conflictingBookingHolder", "outcome", "createdAt"]),
    partOutcome: stmt("PartOutcome", ["id", "answerId", "partId", "outcome", "limits", "alternative"]),
    groundCited: stmt("GroundCited", ["id", "answerId", "groundId", "articleCited", "words"]),
    evidence: stmt("Evidence", ["id", "answerId", "stance", "observedOn", "observer", "description", "createdAt"]),
    stage: stmt("AppealStage", ["id", "applicationId", "kind", "filedOn", "bodyId", "bodyName", "caseNumber", "authorityArguments", "createdAt"]),
    hearing: stmt("Hearing", ["id", "appealStageId", "heldOn", "time", "authorityArguments", "applicantArguments", "createdAt"]),
    ruling: stmt("Ruling", ["id", "appealStageId", "decidedOn", "outcome", "summary", "createdAt"]),
    event: stmt("Event", ["id", "applicationId", "kind", "occurredOn", "description", "statedReason", "createdAt"]),
    incident: stmt("Incident", ["id", "groupId", "isPublic", "kind", "title", "occurredOn", "city", "description", "amount", "currency", "perpetrator", "createdAt", "updatedAt"]),
    incidentApp: stmt("IncidentApplication", ["incidentId", "applicationId"]),
    incidentGroup: stmt("IncidentGroup", ["incidentId", "groupId"]),
    log: stmt("ChangeLog", ["id", "at", "userId", "userName", "groupId", "entity", "entityId", "caseId", "action", "before", "after"]),
  };

  let seq = 0;
  const id = (p: string) => `bn${p}${(seq++).toString(36)}`;
  let sampleCaseId = "";
  const user = { id: "bench-user", email: "bench@example.org" };

  db.transaction(() => {
    ins.user.run(user.id, user.email, "Bench Organizer", BENCH_PASSWORD_HASH, "en", now);
    const groups: string[] = [];
    for (let g = 0; g < 30; g++) {
      const gid = `bench-group-${g}`;
      const name = g < GROUP_NAMES.length ? GROUP_NAMES[g] : `Initiative ${g}`;
      ins.group.run(gid, `bench-${g}`, name, "", r.pick(CITIES), now);
      groups.push(gid);
    }
    ins.membership.run(id("m"), user.id, groups[0], "admin", now);
    ins.membership.run(id("m"), user.id, groups[3], "viewer", now);
    const akimats = new Map<string, string>();
    const courts = new Map<string, string>();
    for (const city of CITIES) {
      const a = id("au");
      ins.authority.run(a, `Akimat of ${city}`, `Акимат г. ${city}`, "akimat", city, "KZ", now);
      akimats.set(city, a);
      const c = id("au");
      ins.authority.run(c, `Specialised inter-district administrative court of ${city}`, "", "court", city, "KZ", now);
      courts.set(city, c);
    }
    const people = groups.map((g) => Array.from({ length: 8 }, (_, i) => {
      const p = id("p");
      ins.person.run(p, g, i < 2 ? 1 : 0, `Person ${i} of ${g}`, now, now);
      return p;
    }));

    for (let i = 0; i < opts.applications; i++) {
      const groupIdx = groups.indexOf(r.skewed(groups));
      const groupId = groups[groupIdx];
      const city = r.skewed(CITIES);
      const year = r.int(2015, 2026);
      const filedOn = iso(new Date(Date.UTC(year, 0, 1) + r.int(0, 364) * 86_400_000));
      const two = r.chance(0.2);
      const forms: (typeof FORMS)[number][] = two ? ["march", "rally"] : [r.skewed(FORMS)];
      const procedure = forms.some((f) => f === "march" || f === "demonstration") ? "approval" : "notification";
      const eventDate = addDays(filedOn, r.int(12, 40));
      const answered = r.chance(0.95);
      const roll = r.next();
      const outcome = !answered ? "no_answer" : roll < 0.75 ? "refused" : roll < 0.85 ? "approved" : roll < 0.9 ? "approved_with_limits" : "alternative_proposed";
      const appealed = outcome === "refused" && r.chance(0.3);
      const status = !answered ? (year >= 2026 ? "awaiting_answer" : "closed") : appealed ? (r.chance(0.3) ? "under_appeal" : "closed") : "answered";
      const appId = id("a");
      const isPublic = r.chance(0.6) ? 1 : 0;
      if (!sampleCaseId && isPublic && two && appealed) sampleCaseId = appId;
      const created = ts(filedOn);
      ins.app.run(
        appId, groupId, isPublic, `${forms.join(" and ")} in ${city}, ${filedOn}`, procedure, akimats.get(city)!, city,
        "For women's rights and against gender-based violence.", filedOn, "day", `№ ${year}-${i}`, status, two && outcome === "approved" ? "mixed" : outcome,
        addDays(filedOn, procedure === "approval" ? 9 : 4), created, created,
      );
      ins.appGroup.run(appId, groupId);
      if (r.chance(0.1)) {
        const other = r.pick(groups);
        if (other !== groupId) ins.appGroup.run(appId, other);
      }
      ins.applicant.run(id("ap"), appId, r.pick(people[groupIdx]), "applicant");
      ins.log.run(id("l"), created, user.id, "Bench Organizer", groupId, "Application", appId, appId, "create", "", "{}");

      const partIds = forms.map((form, pos) => {
        const pid = id("pt");
        ins.part.run(pid, appId, pos, form, form === "march" ? "" : "Central square", form === "march" ? "From the park to the akimat" : "", eventDate, "12:00", "14:00", r.int(20, 2000), outcome);
        return pid;
      });

      if (answered) {
        const [reason, codes] = outcome === "refused" ? r.pick(REASONS) : ["", [] as string[]];
        const receivedOn = addDays(filedOn, r.int(1, 12));
        const ansId = id("an");
        const alt = outcome === "alternative_proposed" || (outcome === "refused" && r.chance(0.15));
        ins.answer.run(ansId, appId, receivedOn, `№ ${i}/A`, reason, codes.length ? "Art. 14(1)" : "", alt ? 1 : 0, alt ? "Another park on the outskirts" : "", codes.includes("place_taken") ? "A youth organization" : "", outcome, ts(receivedOn));
        partIds.forEach((pid, k) => ins.partOutcome.run(id("po"), ansId, pid, two && outcome === "approved" && k === 0 ? "refused" : outcome, outcome === "approved_with_limits" ? "No sound equipment" : "", alt ? "Another park" : ""));
        for (const code of codes) ins.groundCited.run(id("gc"), ansId, grounds.get(code) ?? grounds.get("other")!, "Art. 14(1)", reason);
        if (outcome === "refused" && r.chance(0.1)) {
          ins.evidence.run(id("ev"), ansId, "contests", eventDate, "Organizers", "We walked the route on the day and saw no works.", ts(eventDate));
        }
        if (appealed) {
          const complaintOn = addDays(receivedOn, r.int(5, 60));
          const s1 = id("st");
          ins.stage.run(s1, appId, "complaint", complaintOn, null, `Akimat of ${city} (higher body)`, "", "", ts(complaintOn));
          const decided1 = addDays(complaintOn, r.int(10, 30));
          ins.ruling.run(id("ru"), s1, decided1, "upheld", "The complaint was dismissed.", ts(decided1));
          if (r.chance(0.5)) {
            const claimOn = addDays(decided1, r.int(5, 28));
            const s2 = id("st");
            ins.stage.run(s2, appId, "first_instance", claimOn, courts.get(city)!, "", `2-${year}-${i}`, "Letters from a group and a citizen objecting to the event.", ts(claimOn));
            const hearingOn = addDays(claimOn, r.int(10, 40));
            ins.hearing.run(id("h"), s2, hearingOn, "10:00", "The akimat acted within its powers.", "The refusal was not reasoned.", ts(hearingOn));
            if (status !== "under_appeal") {
              const decided2 = addDays(hearingOn, r.int(1, 14));
              ins.ruling.run(id("ru"), s2, decided2, r.chance(0.93) ? "upheld" : "overturned", "The court upheld the refusal.", ts(decided2));
            }
          }
        }
      }
      if (r.chance(0.2)) {
        const kind = r.pick(EVENT_KINDS);
        ins.event.run(id("e"), appId, kind, addDays(filedOn, r.int(1, 30)), "Officials called the organizers.", kind === "pressure_withdraw" ? "Asked to withdraw for security reasons" : "", ts(filedOn));
      }
      if (r.chance(0.05)) {
        const inc = id("i");
        const kind = r.pick(INCIDENT_KINDS);
        ins.incident.run(inc, groupId, isPublic, kind, `${kind} after the ${forms[0]} in ${city}`, eventDate, city, "", kind === "fine" ? r.int(50_000, 500_000) : null, kind === "fine" ? "KZT" : "", "Police", ts(eventDate), ts(eventDate));
        ins.incidentApp.run(inc, appId);
        ins.incidentGroup.run(inc, groupId);
      }
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();

  const meta: Meta = { version: GENERATOR_VERSION, applications: opts.applications, user, sampleCaseId };
  fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  opts.log?.(`generated ${opts.applications.toLocaleString("en")} applications in ${((Date.now() - started) / 1000).toFixed(1)} s → ${file}`);
  return { ...meta, file, url };
}
