// The documented history that ships with the app: every application, answer, refusal ground,
// appeal, hearing, ruling, event and reprisal that the five published documents in
// ./sources/ mention, each fact next to the sentence it rests on.
//
// Reading guide
// - `cite` lists { src, quote }: `quote` is an exact substring of the source's text (the
//   loader refuses to run otherwise). A fact reported by two documents is one record with
//   two citations.
// - Ids are stable strings ("hist-…"): the loader creates what is missing and never touches a
//   record that exists, so a user's edits survive every later run.
// - Dates are "YYYY-MM-DD" with a precision (day | month | year | unknown). When only the
//   month or year is known, the stored day is the earliest the sources allow (so timelines
//   stay in order) and the precision says how much of it to believe; the notes say why.
//   Nothing here claims a day or a year the documents do not support.
// - Status and outcome are not written here: the loader derives them with lib/domain/status.ts.
// - Everything comes from published reports, so every record is public (isPublic = true).
//   People's IIN, address and phone are never recorded.
import type { AssemblyForm, DatePrecision, EventKind, IncidentKind, PartOutcome, Procedure, RulingOutcome } from "../../lib/domain/vocabulary";

// ───────────────────────────── sources

export interface HistorySource {
  id: string;
  slug: string;
  /** File in prisma/seed/sources/ holding the full text (copied unchanged from the documents). */
  file: string;
  /** The name the document had in the research folder it was copied from. */
  originalFile: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  publishedOnPrecision: DatePrecision;
  url: string;
  language: string;
  /** Slug of the group whose workspace holds the source. */
  group: GroupSlug;
}

export const SOURCES = {
  adamdar2019: {
    id: "hist-src-adamdar-2019",
    slug: "adamdar-2019-09-28-kazfem-rally",
    file: "adamdar-2019-09-28-kazfem-rally.txt",
    originalFile: "000_f7e27037a3055775.txt",
    title: "Almaty Rally for Women's Rights",
    // The text names no publisher; this is the site the text is published on.
    publisher: "adamdar.ca",
    publishedOn: "2019-09-28", // "Published: September 28, 2019"
    publishedOnPrecision: "day",
    url: "https://adamdar.ca/en/post/almatinskiy-miting-za-prava-zhenshchin",
    language: "en",
    group: "kazfem",
  },
  rferl2021: {
    id: "hist-src-rferl-2021",
    slug: "rferl-2021-12-hrw-march-denied",
    file: "rferl-2021-12-hrw-march-denied.txt",
    originalFile: "001_7e4565391e6cef8e.txt",
    title: "HRW Urges Almaty Authorities To Heed Women’s Demands For Equality, Protections Against Violence",
    // A news report (rferl.org) of a Human Rights Watch news release; the text names no outlet.
    publisher: "RFE/RL (rferl.org), reporting a Human Rights Watch news release",
    // No date in the text. It reports HRW's release "on December 10" and its photo caption shows
    // the march of "March 8, 2021" as past, so: December 2021, on or after the 10th.
    publishedOn: "2021-12-10",
    publishedOnPrecision: "month",
    url: "https://www.rferl.org/amp/kazakhstan-hrw-womens-rights/31602911.html",
    language: "en",
    group: "kazfem",
  },
  kibhr: {
    id: "hist-src-kibhr",
    slug: "kibhr-feminita-chimkent-karaganda",
    file: "kibhr-feminita-chimkent-karaganda.txt",
    originalFile: "002_f5ea3be0e1d8739b.txt",
    title: "Kazakhstan: human rights defenders demand to stop discrimination against feminists",
    publisher: "Kazakhstan International Bureau for Human Rights (KIBHR), via ACCA (acca.media)",
    // The statement speaks of "May and July of this year" and never names the year.
    publishedOn: null,
    publishedOnPrecision: "unknown",
    url: "https://acca.media/en/kazakhstan-human-rights-defenders-demand-to-stop-discrimination-against-feminists",
    language: "en",
    group: "feminita",
  },
  hrw2022: {
    id: "hist-src-hrw-2022",
    slug: "hrw-2022-03-09-womens-day-rally",
    file: "hrw-2022-03-09-womens-day-rally.txt",
    originalFile: "003_cf38499c82b29174.txt",
    title: "Kazakhstan Should Criminalize Domestic Violence as Part of Reforms",
    publisher: "Human Rights Watch",
    // The rally of March 8 (2022, per the photo caption) happened "yesterday"; the address is at
    // hrw.org/news/2022/03/09/…
    publishedOn: "2022-03-09",
    publishedOnPrecision: "day",
    url: "https://www.hrw.org/news/2022/03/09/kazakhstan-should-criminalize-domestic-violence-part-reforms",
    language: "en",
    group: "8marchkz",
  },
  fld2023: {
    id: "hist-src-fld-2023",
    slug: "fld-2023-04-28-2024-march-prohibited",
    file: "fld-2023-04-28-2024-march-prohibited.txt",
    originalFile: "004_ad970a82eabaf9d6.txt",
    title: "Kazakhstan: Local authorities prohibit 2024 Women’s March in Almaty",
    publisher: "Front Line Defenders",
    publishedOn: "2023-04-28", // "28 April 2023"
    publishedOnPrecision: "day",
    url: "https://www.frontlinedefenders.org/ru/case/local-authorities-prohibit-2024-women%E2%80%99s-march-almaty",
    language: "en",
    group: "8marchkz",
  },
} as const satisfies Record<string, HistorySource>;

export type SourceKey = keyof typeof SOURCES;

export interface Cite {
  src: SourceKey;
  /** Exact substring of the source text. */
  quote: string;
  note?: string;
}

// Sentences cited more than once.
const Q = {
  kazfemRally:
    "On September 28, the feminist group KAZFEM organized a rally for women's rights, gender equality and against violence against women in Almaty in the park behind the Sary-Arka cinema.",
  thirtySix:
    "According to the organizers of the rally, KAZFEM had filed 36 previous applications for rallies for gender equality and against domestic and sexual violence, but all requests were refused by Almaty city authorities.",
  permission:
    "In Kazakhstan, permission must be granted for public assemblies, as opposed to other formats where authorities must simply be informed of plans for large-scale public action.",
  authorized: 'The September 28 rally was the first "authorized" feminist rally in the entire 28-year history of independent Kazakhstan.',
  attendees:
    "Notable figures in the activist community present at the rally included Aidana Aidarkhan, Aigul-Viola Nurbolatova, Alnur Ilyashev, Temujin Duysen and others.",
  fiveGroups:
    "Three Kazakh activists, acting on behalf of five feminist groups and activists -- KazFem, Feminita, FemPoint, Svet, and FemAgora -- on November 16 requested permission to hold a peaceful march and rally in Almaty on March 8, International Women’s Day.",
  denied2021:
    "The Almaty city administration denied the requests on November 26, citing a conflict with other events and “repair and installation works” allegedly scheduled on that day at the same location and time.",
  nov2021: "In November 2021, Almaty’s city administration denied requests from feminist groups to hold an event yesterday.",
  feb2022:
    "On February 7 this year, two Kazakh activists challenged this decision, submitting a new application to hold the International Women’s Day march and rally in Almaty.",
  rallyNotMarch: "The city administration authorized a rally, but not a march, citing construction work on the proposed route.",
  roadWorks2022: "In 2022, the Akimat of Almaty refused to approve a Women’s March due to alleged road works along the route.",
  monitored:
    "Organizers monitored the route yesterday and, except for a few metal fences in one area, no construction work appeared on the route.",
  noRoadWorks: "Women human rights defenders from 8MarchKZ however, reported that no road works were actually happening on 8 March.",
  rally2022:
    "At a peaceful rally marking International Women’s Day on March 8, hundreds of people in Almaty, Kazakhstan’s largest city, held posters calling for respect for women, protection from violence, gender equality, and more women in political office.",
  booked2023:
    "In 2023, the Akimat of Almaty once again refused to approve the march, citing that the route and the time-slot suggested were already booked by another civil society actor.",
  ruling2023Lead:
    "On 21 April 2023, the Specialised Inter-district Administrative Court of Almaty ruled in support of the prohibition of the International Women’s Day March in 2024 by the Akimat (local government) of the city of Almaty, making this the third consecutive year that the march has been refused.",
  notification2024:
    "On 20 March 2023, the 8MarchKZ initiative submitted a notification to the Akimat about holding a Women’s March on 8 March 2024, with the thematic focus of the March being “for the rights of the women of Kazakhstan” which was refused by the Akimat of Almaty.",
  hearing2023:
    "During a court hearing on 12 April 2023, the Akim (local governor) of Almaty, Erbolat Dosayev, justified the decision to disallow the march by stating that it is a threat to public security.",
  letters2023:
    "The Akim of Almaty argued that the Akimat received letters of concern from an unidentified representative of a group called *On Legalisation of Foreign Vehicles* and from a concerned citizen of the Turkestan region of Kazakhstan, who called to ban the “feminist movement from organising peaceful protests in the city of Almaty.”",
  ruling2023:
    "Eventually, on 21 April 2023, the Specialised Inter-district Administrative Court of Almaty ruled in support of the prohibition of the Women’s March in 2024 by the Akimat of the city of Almaty.",
  expulsion:
    "In 2019, some organisers, who submitted individual requests to the Akimat for the march to take place, received threats of expulsion from their educational institutions unless they retracted their requests.",
  fined2020:
    "In 2020, two of the march organisers, woman human rights defenders Fariza Ozpan and Arina Osinovskaya [were fined for the symbolic burning of a flower wreath in commemoration of the victims of gender-based violence](#).",
  fineAmounts: "Arina Osinovskaya was fined for 66,000 KZT (approximately EUR 119) and Farisa Ospan for 13,000 KZT (approximately EUR 26).",
  mayJuly:
    "As noted in the statement, the reason for this appeal was the attacks on the participants of the events of Feminita fem-initiative that took place in the country in May and July of this year.",
  chimkent:
    "The first incident took place on May 29 in the city of Chimkent, where a meeting of activists of the non-governmental organization “Kazakhstan Feminist Initiative Feminita” was to take place.",
  coworking:
    "The meeting was supposed to be held in a coworking space, but the owners of the premises refused at the last moment to rent the hall to Feminita, although an advance payment was made.",
  cafe: "Then the participants of the meeting went to the nearest cafe, but there they were awaited by a crowd of aggressive men who disrupted this meeting.",
  policePresent: "It’s worth noting that a police representative was present at the scene.",
  dragged:
    "However, instead of calling the aggressive men to order, the policeman, on the other hand, dragged the initiators of the training, the leaders of Feminita from Almaty Gulzada Serzhan and Zhanar Sekerbaeva, out into the street, then put them in a car and drove them away.",
  strap: "During this scuffle, Zhanar Sekerbaeva accidentally tore off the shoulder strap from a police officer.",
  criminalCase: "As a result, a criminal case was opened against the women under the article “Insulting a representative of the authorities”.",
  karaganda: "A second similar incident took place on July 29 in Karaganda.",
  karagandaVenue: "However, a couple of days before the meeting, the owners of the premises, as it was in Chimkent, refused Feminita to rent the hall.",
  karagandaCrowd:
    "Less than an hour later, a crowd of angry men gathered near the building, where the training was taking place, demanding to burn the participants of the meeting.",
  officials:
    "Even before the crowd gathered, the deputy mayor of the city Nurlan Bikenov and the head of the internal policy department Lyazzat Akilzhanova demanded to stop the event.",
  buses: "When the participants of the event entered the buses through the police corridor, they were insulted and hit by the crowd.",
  policeSawNothing:
    "At the same time, the police didn’t see “at the scene of the incident, the facts of violation of public order and riots”.",
  pressRelease:
    "Moreover, in their press release, the police officers openly call the members of Feminita “representatives of the LGBT community”, obviously with a negative and stigmatizing tinge,",
  planned:
    "At the same time, human rights activists believe that both attacks (in Chimkent and in Karaganda) and the inaction of police officers suggest that they were planned rather than spontaneous, possibly with the direct participation of government officials.",
} as const;

// ───────────────────────────── groups

export type GroupSlug = "kazfem" | "feminita" | "fempoint" | "svet" | "femagora" | "8marchkz";

export interface HistoryGroup {
  id: string;
  slug: GroupSlug;
  name: string;
  description: string;
  city: string;
  cite: Cite[];
}

export const GROUPS: HistoryGroup[] = [
  {
    id: "hist-group-kazfem",
    slug: "kazfem",
    name: "KazFem",
    description:
      "Feminist group (written “KAZFEM” in the 2019 report). Organized the rally of 28 September 2019 in Almaty after 36 refused applications; one of the five groups on whose behalf the request of 16 November 2021 was filed.",
    city: "Almaty",
    cite: [
      { src: "adamdar2019", quote: Q.kazfemRally },
      { src: "rferl2021", quote: Q.fiveGroups },
    ],
  },
  {
    id: "hist-group-feminita",
    slug: "feminita",
    name: "Feminita",
    description:
      "Kazakhstan Feminist Initiative “Feminita”, led from Almaty by Gulzada Serzhan and Zhanar Sekerbaeva. One of the five groups of the request of 16 November 2021; its meetings in Shymkent (29 May) and Karaganda (29 July) were attacked.",
    city: "Almaty",
    cite: [
      { src: "rferl2021", quote: Q.fiveGroups },
      { src: "kibhr", quote: Q.chimkent },
    ],
  },
  {
    id: "hist-group-fempoint",
    slug: "fempoint",
    name: "FemPoint",
    description: "Feminist group; one of the five on whose behalf the request of 16 November 2021 was filed.",
    city: "",
    cite: [{ src: "rferl2021", quote: Q.fiveGroups }],
  },
  {
    id: "hist-group-svet",
    slug: "svet",
    name: "Svet",
    description: "Feminist group; one of the five on whose behalf the request of 16 November 2021 was filed.",
    city: "",
    cite: [{ src: "rferl2021", quote: Q.fiveGroups }],
  },
  {
    id: "hist-group-femagora",
    slug: "femagora",
    name: "FemAgora",
    description: "Feminist group; one of the five on whose behalf the request of 16 November 2021 was filed.",
    city: "",
    cite: [{ src: "rferl2021", quote: Q.fiveGroups }],
  },
  {
    id: "hist-group-8marchkz",
    slug: "8marchkz",
    name: "8MarchKZ",
    description:
      "Grassroots feminist human rights initiative in Almaty that organises the annual feminist and women’s march on 8 March (the first Women’s March in Almaty took place in 2017).",
    city: "Almaty",
    cite: [
      {
        src: "fld2023",
        quote:
          "[8MarchKZ](#) is a grassroots feminist human rights initiative in Almaty, Kazakhstan that unites for the purpose of organising the annual feminist and women’s march in Almaty on 8 March.",
      },
      { src: "fld2023", quote: "The first Women’s March in Almaty took place in 2017." },
    ],
  },
];

// ───────────────────────────── authorities

export interface HistoryAuthority {
  id: string;
  name: string;
  nameRu: string;
  kind: "akimat" | "court" | "police" | "prosecutor" | "ministry" | "un_body" | "other";
  city: string;
  cite: Cite[];
}

export const AUTHORITIES: HistoryAuthority[] = [
  {
    id: "hist-auth-akimat-almaty",
    name: "Akimat of Almaty",
    nameRu: "Акимат города Алматы",
    kind: "akimat",
    city: "Almaty",
    cite: [
      { src: "fld2023", quote: Q.ruling2023Lead },
      { src: "rferl2021", quote: Q.denied2021, note: "“The Almaty city administration”" },
    ],
  },
  {
    id: "hist-auth-court-almaty-admin",
    name: "Specialised Inter-district Administrative Court of Almaty",
    nameRu: "Специализированный межрайонный административный суд города Алматы",
    kind: "court",
    city: "Almaty",
    cite: [{ src: "fld2023", quote: Q.ruling2023Lead }],
  },
  {
    id: "hist-auth-police-shymkent",
    name: "Police of Shymkent",
    nameRu: "Полиция города Шымкента",
    kind: "police",
    city: "Shymkent",
    cite: [{ src: "kibhr", quote: Q.policePresent, note: "The source spells the city “Chimkent”." }],
  },
  {
    id: "hist-auth-akimat-karaganda",
    name: "Akimat of Karaganda",
    nameRu: "Акимат города Караганды",
    kind: "akimat",
    city: "Karaganda",
    cite: [{ src: "kibhr", quote: Q.officials, note: "The deputy mayor and the internal policy department of the city administration (akimat)." }],
  },
  {
    id: "hist-auth-police-karaganda",
    name: "Police of Karaganda",
    nameRu: "Полиция города Караганды",
    kind: "police",
    city: "Karaganda",
    cite: [{ src: "kibhr", quote: Q.policeSawNothing }],
  },
];

// ───────────────────────────── people

export interface HistoryPerson {
  id: string;
  group: GroupSlug;
  fullName: string;
  /** Other spellings, one per line. */
  altNames?: string;
  roleTitle: string;
  notes?: string;
  cite: Cite[];
}

export const PEOPLE: HistoryPerson[] = [
  {
    id: "hist-person-arina-osinovskaya",
    group: "8marchkz",
    fullName: "Arina Osinovskaya",
    roleTitle: "Activist; speaker at the KAZFEM rally of 28 September 2019; Women’s March organiser (8 March)",
    cite: [
      { src: "adamdar2019", quote: "Activist Arina Osinovskaya said from the stage" },
      { src: "fld2023", quote: Q.fined2020 },
    ],
  },
  {
    id: "hist-person-fariza-ozpan",
    group: "8marchkz",
    fullName: "Fariza Ozpan",
    altNames: "Farisa Ospan",
    roleTitle: "Woman human rights defender; Women’s March organiser (8 March)",
    notes:
      "Front Line Defenders spells the name two ways in one paragraph: “Fariza Ozpan” (one of the two march organisers fined in 2020) and “Farisa Ospan” (fined 13,000 KZT). Both spellings name the same person, recorded once.",
    cite: [
      { src: "fld2023", quote: Q.fined2020 },
      { src: "fld2023", quote: Q.fineAmounts, note: "Spelled “Farisa Ospan” here." },
    ],
  },
  {
    id: "hist-person-veronika-fonova",
    group: "kazfem",
    fullName: "Veronika Fonova",
    roleTitle: "Member of KAZFEM; speaker at the rally of 28 September 2019",
    cite: [{ src: "adamdar2019", quote: "Veronika Fonova, one of the members of the KAZFEM group, speaking from the stage." }],
  },
  {
    id: "hist-person-aidana-aidarkhan",
    group: "kazfem",
    fullName: "Aidana Aidarkhan",
    roleTitle: "Activist; named as present at the KAZFEM rally of 28 September 2019",
    cite: [{ src: "adamdar2019", quote: Q.attendees }],
  },
  {
    id: "hist-person-aigul-viola-nurbolatova",
    group: "kazfem",
    fullName: "Aigul-Viola Nurbolatova",
    roleTitle: "Activist; named as present at the KAZFEM rally of 28 September 2019",
    cite: [{ src: "adamdar2019", quote: Q.attendees }],
  },
  {
    id: "hist-person-alnur-ilyashev",
    group: "kazfem",
    fullName: "Alnur Ilyashev",
    roleTitle: "Activist; named as present at the KAZFEM rally of 28 September 2019",
    cite: [{ src: "adamdar2019", quote: Q.attendees }],
  },
  {
    id: "hist-person-temujin-duysen",
    group: "kazfem",
    fullName: "Temujin Duysen",
    roleTitle: "Activist; named as present at the KAZFEM rally of 28 September 2019",
    cite: [{ src: "adamdar2019", quote: Q.attendees }],
  },
  {
    id: "hist-person-gulzada-serzhan",
    group: "feminita",
    fullName: "Gulzada Serzhan",
    roleTitle: "Leader of Feminita (Almaty)",
    cite: [{ src: "kibhr", quote: Q.dragged }],
  },
  {
    id: "hist-person-zhanar-sekerbaeva",
    group: "feminita",
    fullName: "Zhanar Sekerbaeva",
    roleTitle: "Leader of Feminita (Almaty)",
    cite: [
      { src: "kibhr", quote: Q.dragged },
      { src: "kibhr", quote: Q.strap },
    ],
  },
  {
    id: "hist-person-nurlan-bikenov",
    group: "feminita",
    fullName: "Nurlan Bikenov",
    roleTitle: "Deputy mayor (deputy akim) of Karaganda",
    cite: [{ src: "kibhr", quote: Q.officials }],
  },
  {
    id: "hist-person-lyazzat-akilzhanova",
    group: "feminita",
    fullName: "Lyazzat Akilzhanova",
    roleTitle: "Head of the internal policy department, Karaganda city administration",
    cite: [{ src: "kibhr", quote: Q.officials }],
  },
  {
    id: "hist-person-erbolat-dosayev",
    group: "8marchkz",
    fullName: "Erbolat Dosayev",
    roleTitle: "Akim (local governor) of Almaty",
    cite: [{ src: "fld2023", quote: Q.hearing2023 }],
  },
];

// ───────────────────────────── applications and everything that hangs on them

export interface HistoryPart {
  id: string;
  form: AssemblyForm;
  place?: string;
  route?: string;
  eventDate: string | null;
  eventDatePrecision: DatePrecision;
  cite: Cite[];
}

export interface HistoryAnswer {
  id: string;
  receivedOn: string | null;
  receivedOnPrecision: DatePrecision;
  /** The reason as reported; see notes for how close to the authority's words it is. */
  statedReason?: string;
  articleCited?: string;
  alternativeOffered?: boolean;
  alternativeDetails?: string;
  conflictingBookingHolder?: string;
  notes?: string;
  /** What this answer said about each part (by part id). */
  partOutcomes: { part: string; outcome: PartOutcome; limits?: string; alternative?: string }[];
  /** Grounds by RefusalGround code (prisma/seed/reference.ts). */
  grounds: { code: string; words: string; articleCited?: string }[];
  evidence?: {
    id: string;
    stance: "contests" | "supports";
    observedOn: string | null;
    observedOnPrecision: DatePrecision;
    observer: string;
    description: string;
    cite: Cite[];
  }[];
  cite: Cite[];
}

export interface HistoryStage {
  id: string;
  kind: "complaint" | "first_instance" | "appeal" | "cassation" | "constitutional" | "un_hrc";
  filedOn: string | null;
  filedOnPrecision: DatePrecision;
  body: string; // authority id
  bodyName: string;
  caseNumber?: string;
  authorityArguments?: string;
  notes?: string;
  cite: Cite[];
  hearings: {
    id: string;
    heldOn: string | null;
    heldOnPrecision: DatePrecision;
    authorityArguments?: string;
    applicantArguments?: string;
    notes?: string;
    cite: Cite[];
  }[];
  ruling?: {
    id: string;
    decidedOn: string | null;
    decidedOnPrecision: DatePrecision;
    outcome: RulingOutcome;
    summary: string;
    cite: Cite[];
  };
}

export interface HistoryEvent {
  id: string;
  kind: EventKind;
  occurredOn: string | null;
  occurredOnPrecision: DatePrecision;
  description: string;
  statedReason?: string;
  participants?: number | null;
  cite: Cite[];
}

export interface HistoryApplication {
  id: string;
  /** Owning workspace. */
  group: GroupSlug;
  /** Organizing groups, as the sources name them. */
  organizers: GroupSlug[];
  title: string;
  procedure: Procedure;
  authority: string | null;
  city: string;
  purpose: string;
  filedOn: string | null;
  filedOnPrecision: DatePrecision;
  filedBefore?: string | null;
  requestCount?: number;
  notes: string;
  cite: Cite[];
  parts: HistoryPart[];
  /** Oldest first. */
  answers: HistoryAnswer[];
  stages?: HistoryStage[];
  events?: HistoryEvent[];
}

const AKIMAT_ALMATY = "hist-auth-akimat-almaty";
const COURT_ALMATY = "hist-auth-court-almaty-admin";

const PERMISSION_REGIME =
  "Before Law No. 333-VI of 25 May 2020, every public assembly needed permission (“permission must be granted for public assemblies”), so the procedure is recorded as approval.";

export const APPLICATIONS: HistoryApplication[] = [
  // ── before 28 September 2019: 36 refusals, known only as a count
  {
    id: "hist-app-kazfem-36-earlier",
    group: "kazfem",
    organizers: ["kazfem"],
    title: "36 earlier KAZFEM rally applications in Almaty, all refused",
    procedure: "approval",
    authority: AKIMAT_ALMATY,
    city: "Almaty",
    purpose: "Rallies for gender equality and against domestic and sexual violence",
    filedOn: null,
    filedOnPrecision: "unknown",
    filedBefore: "2019-09-28",
    requestCount: 36,
    notes:
      "Known only as a count: the organizers of the rally of 28 September 2019 said KAZFEM had filed 36 previous applications, all refused by the Almaty city authorities. Their dates, places and the reasons given are not reported. " +
      PERMISSION_REGIME,
    cite: [
      { src: "adamdar2019", quote: Q.thirtySix },
      { src: "adamdar2019", quote: Q.permission, note: "Why the procedure is “approval”." },
    ],
    parts: [
      {
        id: "hist-part-kazfem-36-rally",
        form: "rally",
        eventDate: null,
        eventDatePrecision: "unknown",
        cite: [{ src: "adamdar2019", quote: Q.thirtySix }],
      },
    ],
    answers: [
      {
        id: "hist-ans-kazfem-36-refused",
        receivedOn: null,
        receivedOnPrecision: "unknown",
        notes: "All 36 were refused, before 28 September 2019; when, in what words and on which grounds is not reported, so no ground is recorded.",
        partOutcomes: [{ part: "hist-part-kazfem-36-rally", outcome: "refused" }],
        grounds: [],
        cite: [{ src: "adamdar2019", quote: Q.thirtySix }],
      },
    ],
  },

  // ── before 28 September 2019: the same elsewhere, known only from one sentence
  {
    id: "hist-app-other-cities-pre-2019",
    group: "kazfem",
    organizers: [],
    title: "Similar rally requests in other Kazakhstani cities, refused",
    procedure: "approval",
    authority: null,
    city: "",
    purpose: "Rallies similar to KAZFEM’s (gender equality, against domestic and sexual violence)",
    filedOn: null,
    filedOnPrecision: "unknown",
    filedBefore: "2019-09-28",
    requestCount: 2,
    notes:
      "Known only from one sentence of the 2019 report: “Similar requests in other Kazakhstani cities were also refused and banned by the authorities.” Who filed them, in which cities, when and how many are not reported: requestCount 2 is the least the plural allows, not a count. " +
      PERMISSION_REGIME,
    cite: [{ src: "adamdar2019", quote: "Similar requests in other Kazakhstani cities were also refused and banned by the authorities." }],
    parts: [
      {
        id: "hist-part-other-cities-rally",
        form: "rally",
        eventDate: null,
        eventDatePrecision: "unknown",
        cite: [{ src: "adamdar2019", quote: "Similar requests in other Kazakhstani cities were also refused and banned by the authorities." }],
      },
    ],
    answers: [
      {
        id: "hist-ans-other-cities-refused",
        receivedOn: null,
        receivedOnPrecision: "unknown",
        notes: "“Refused and banned”; by which authorities, when and on which grounds is not reported.",
        partOutcomes: [{ part: "hist-part-other-cities-rally", outcome: "refused" }],
        grounds: [],
        cite: [{ src: "adamdar2019", quote: "Similar requests in other Kazakhstani cities were also refused and banned by the authorities." }],
      },
    ],
  },

  // ── 28 September 2019: the first authorized feminist rally
  {
    id: "hist-app-2019-09-28-rally",
    group: "kazfem",
    organizers: ["kazfem"],
    title: "Rally for women’s rights, 28 September 2019, park behind the Sary-Arka cinema",
    procedure: "approval",
    authority: AKIMAT_ALMATY,
    city: "Almaty",
    purpose: "Rally for women’s rights, gender equality and against violence against women",
    filedOn: null,
    filedOnPrecision: "unknown",
    filedBefore: "2019-09-28",
    notes:
      "The application itself is not described: it is known only because the rally was “authorized” — the first authorized feminist rally in independent Kazakhstan, per the report. Its filing and answer dates are not reported. " +
      PERMISSION_REGIME,
    cite: [
      { src: "adamdar2019", quote: Q.kazfemRally },
      { src: "adamdar2019", quote: Q.authorized },
    ],
    parts: [
      {
        id: "hist-part-2019-09-28-rally",
        form: "rally",
        place: "Park behind the Sary-Arka cinema, Almaty",
        eventDate: "2019-09-28",
        eventDatePrecision: "day",
        cite: [{ src: "adamdar2019", quote: Q.kazfemRally }],
      },
    ],
    answers: [
      {
        id: "hist-ans-2019-rally-authorized",
        receivedOn: null,
        receivedOnPrecision: "unknown",
        notes: "The rally was authorized; the answer’s date (before 28 September 2019) and any conditions are not reported.",
        partOutcomes: [{ part: "hist-part-2019-09-28-rally", outcome: "approved" }],
        grounds: [],
        cite: [{ src: "adamdar2019", quote: Q.authorized }],
      },
    ],
    events: [
      {
        id: "hist-ev-2019-09-28-rally-held",
        kind: "held",
        occurredOn: "2019-09-28",
        occurredOnPrecision: "day",
        description:
          "The rally was held in the park behind the Sary-Arka cinema. Dozens of people came (the report gives no number). Speeches in Russian and Kazakh; some speakers criticized the lack of freedom of assembly and the “permission-based” format of rallies. At the end KAZFEM read aloud a resolution addressed to the Parliament, the President, and the Akimat and Maslikhat of Almaty.",
        participants: null,
        cite: [
          { src: "adamdar2019", quote: Q.kazfemRally },
          {
            src: "adamdar2019",
            quote: "Dozens of people came to support the KAZFEM rally, including participants in various civic, democratic and art groups and organizations.",
          },
          { src: "adamdar2019", quote: "Some speakers criticized the lack of freedom of assembly and the “permission-based” format of rallies in Kazakhstan." },
        ],
      },
    ],
  },

  // ── 16 November 2021: a march and a rally for 8 March 2022, refused on 26 November
  {
    id: "hist-app-2021-11-16-march-rally",
    group: "kazfem",
    organizers: ["kazfem", "feminita", "fempoint", "svet", "femagora"],
    title: "March and rally on 8 March 2022 (request of 16 November 2021)",
    procedure: "approval",
    authority: AKIMAT_ALMATY,
    city: "Almaty",
    purpose: "To protest gender-based violence and express demands for equality on International Women’s Day",
    filedOn: "2021-11-16",
    filedOnPrecision: "day",
    notes:
      "Filed by three activists (not named) on behalf of five feminist groups and activists: KazFem, Feminita, FemPoint, Svet and FemAgora. " +
      "Year inferred: the report of Human Rights Watch’s release of “December 10” gives the day, “November 16”, but no year. Its photo caption shows the women’s march of “March 8, 2021” as past, so the release is of December 2021 and the march asked for is that of 8 March 2022; and Human Rights Watch’s piece of March 2022 says “In November 2021, Almaty’s city administration denied requests from feminist groups” for that day. The two documents describe this one request and its one refusal. " +
      "The activists said they planned to appeal; no appeal is reported. On 7 February 2022 two activists filed a new application instead (hist-app-2022-02-07-march-rally).",
    cite: [
      { src: "rferl2021", quote: Q.fiveGroups },
      {
        src: "rferl2021",
        quote:
          "The women’s rights activists who applied for the permit intended to protest gender-based violence and express their demands for equality, HRW said in a news release on December 10.",
      },
      { src: "hrw2022", quote: Q.nov2021, note: "Dates the refusal to November 2021 and the event to 8 March 2022." },
      { src: "rferl2021", quote: "People march on the streets of Almaty to mark International Women's Day on March 8, 2021.", note: "Why the year is 2021, not 2020." },
    ],
    parts: [
      {
        id: "hist-part-2021-11-march",
        form: "march",
        eventDate: "2022-03-08",
        eventDatePrecision: "day",
        cite: [
          { src: "rferl2021", quote: Q.fiveGroups },
          { src: "hrw2022", quote: Q.nov2021 },
        ],
      },
      {
        id: "hist-part-2021-11-rally",
        form: "rally",
        eventDate: "2022-03-08",
        eventDatePrecision: "day",
        cite: [
          { src: "rferl2021", quote: Q.fiveGroups },
          { src: "hrw2022", quote: Q.nov2021 },
        ],
      },
    ],
    events: [
      {
        id: "hist-ev-2021-11-meeting-officials",
        kind: "meeting_officials",
        occurredOn: "2021-11-23",
        occurredOnPrecision: "month",
        statedReason: "epidemiological situation",
        description:
          "About a week after the request (so around 23 November 2021; the day is not reported), Almaty city officials met the organizers and strongly advised them to revise their plans, citing the “epidemiological situation” in Almaty — a reason the written refusal of 26 November does not give.",
        cite: [
          {
            src: "rferl2021",
            quote:
              "One of the activists told HRW that Almaty city officials met with the event organizers about a week after they applied for the permit and strongly advised them to revise their plans citing the “epidemiological situation” in Almaty.",
          },
        ],
      },
      {
        id: "hist-ev-2021-11-pressure-withdraw",
        kind: "pressure_withdraw",
        occurredOn: "2021-11-23",
        occurredOnPrecision: "month",
        statedReason: "epidemiological situation",
        description:
          "After advising them to revise their plans because of the “epidemiological situation”, the officials asked the organizers to withdraw their application. The activists refused.",
        cite: [{ src: "rferl2021", quote: "The officials then asked the organizers to withdraw their application, which the activists refused to do." }],
      },
    ],
    answers: [
      {
        id: "hist-ans-2021-11-26-refused",
        receivedOn: "2021-11-26",
        receivedOnPrecision: "day",
        statedReason:
          "a conflict with other events and “repair and installation works” allegedly scheduled on that day at the same location and time",
        conflictingBookingHolder: "Other events (not named)",
        notes:
          "Both the march and the rally were refused. Only “repair and installation works” is quoted as the authority’s own words; “a conflict with other events” is the report’s paraphrase. The article cited and whether another place or time was offered are not reported. The activists said they planned to appeal.",
        partOutcomes: [
          { part: "hist-part-2021-11-march", outcome: "refused" },
          { part: "hist-part-2021-11-rally", outcome: "refused" },
        ],
        grounds: [
          { code: "place_taken", words: "a conflict with other events" },
          { code: "works", words: "repair and installation works" },
        ],
        cite: [
          { src: "rferl2021", quote: Q.denied2021 },
          { src: "hrw2022", quote: Q.nov2021 },
        ],
      },
    ],
  },

  // ── 7 February 2022: the new application; rally authorized, march refused for "works"
  {
    id: "hist-app-2022-02-07-march-rally",
    group: "8marchkz",
    organizers: ["8marchkz"],
    title: "March and rally on 8 March 2022 (new application of 7 February 2022)",
    procedure: "approval",
    authority: AKIMAT_ALMATY,
    city: "Almaty",
    purpose: "International Women’s Day march and rally",
    filedOn: "2022-02-07",
    filedOnPrecision: "day",
    notes:
      "Filed by two activists (not named), challenging the refusal of November 2021 (hist-app-2021-11-16-march-rally) with a new application. “February 7 this year” in Human Rights Watch’s piece of March 2022. Front Line Defenders places the 2022 march in 8MarchKZ’s history, hence the owner.",
    cite: [
      { src: "hrw2022", quote: Q.feb2022 },
      { src: "fld2023", quote: Q.roadWorks2022 },
    ],
    parts: [
      {
        id: "hist-part-2022-march",
        form: "march",
        eventDate: "2022-03-08",
        eventDatePrecision: "day",
        cite: [
          { src: "hrw2022", quote: Q.feb2022 },
          { src: "hrw2022", quote: Q.rallyNotMarch },
        ],
      },
      {
        id: "hist-part-2022-rally",
        form: "rally",
        eventDate: "2022-03-08",
        eventDatePrecision: "day",
        cite: [
          { src: "hrw2022", quote: Q.feb2022 },
          { src: "hrw2022", quote: Q.rallyNotMarch },
        ],
      },
    ],
    answers: [
      {
        id: "hist-ans-2022-rally-yes-march-no",
        receivedOn: "2022-02-07",
        receivedOnPrecision: "year",
        statedReason: "construction work on the proposed route",
        notes:
          "The rally was authorized, the march refused. The answer’s date is not reported: it came between the filing on 7 February and 8 March 2022. The authority’s own wording is not published: Human Rights Watch reports “construction work on the proposed route”, Front Line Defenders “alleged road works along the route”. Whether another route was offered is not reported.",
        partOutcomes: [
          { part: "hist-part-2022-march", outcome: "refused" },
          { part: "hist-part-2022-rally", outcome: "approved" },
        ],
        grounds: [{ code: "works", words: "construction work on the proposed route" }],
        evidence: [
          {
            id: "hist-evid-2022-03-08-route-monitored",
            stance: "contests",
            observedOn: "2022-03-08",
            observedOnPrecision: "day",
            observer: "The organizers (women human rights defenders from 8MarchKZ)",
            description:
              "The organizers monitored the route on 8 March 2022: except for a few metal fences in one area, no construction work appeared on the route; no road works were actually happening that day.",
            cite: [
              { src: "hrw2022", quote: Q.monitored },
              { src: "fld2023", quote: Q.noRoadWorks },
            ],
          },
        ],
        cite: [
          { src: "hrw2022", quote: Q.rallyNotMarch },
          { src: "fld2023", quote: Q.roadWorks2022 },
        ],
      },
    ],
    events: [
      {
        id: "hist-ev-2022-03-08-rally-held",
        kind: "held",
        occurredOn: "2022-03-08",
        occurredOnPrecision: "day",
        description:
          "The rally was held: hundreds of people (no exact number reported) held posters calling for respect for women, protection from violence, gender equality and more women in political office, without police interference.",
        participants: null,
        cite: [
          { src: "hrw2022", quote: Q.rally2022 },
          { src: "hrw2022", quote: "It was significant that people gathered at all and without police interference" },
        ],
      },
    ],
  },

  // ── 2023: the march refused because "already booked" — known only from a later summary
  {
    id: "hist-app-2023-03-08-march",
    group: "8marchkz",
    organizers: ["8marchkz"],
    title: "Women’s March on 8 March 2023, refused (route and time already booked)",
    procedure: "approval",
    authority: AKIMAT_ALMATY,
    city: "Almaty",
    purpose: "Women’s March on International Women’s Day",
    filedOn: null,
    filedOnPrecision: "unknown",
    filedBefore: "2023-03-08",
    notes:
      "Known only from Front Line Defenders’ summary of 28 April 2023: “In 2023, the Akimat of Almaty once again refused to approve the march”. Who filed it and when is not reported. The march date, 8 March 2023, is inferred from the context (the annual march on International Women’s Day; the 2024 refusal is called the third consecutive one, after 2022 and 2023).",
    cite: [
      { src: "fld2023", quote: Q.booked2023 },
      { src: "fld2023", quote: Q.ruling2023Lead, note: "“the third consecutive year that the march has been refused”" },
    ],
    parts: [
      {
        id: "hist-part-2023-march",
        form: "march",
        eventDate: "2023-03-08",
        eventDatePrecision: "day",
        cite: [{ src: "fld2023", quote: Q.booked2023 }],
      },
    ],
    answers: [
      {
        id: "hist-ans-2023-booked",
        receivedOn: "2023-01-01",
        receivedOnPrecision: "year",
        statedReason: "the route and the time-slot suggested were already booked by another civil society actor",
        conflictingBookingHolder: "Another civil society actor (not named)",
        notes:
          "Refused “in 2023”; the day is not reported. The words are Front Line Defenders’ report of the reason, not a published text of the answer. Whether another route or time was offered is not reported.",
        partOutcomes: [{ part: "hist-part-2023-march", outcome: "refused" }],
        grounds: [{ code: "place_taken", words: "the route and the time-slot suggested were already booked by another civil society actor" }],
        cite: [{ src: "fld2023", quote: Q.booked2023 }],
      },
    ],
  },

  // ── 20 March 2023: notification for 8 March 2024; refused; court upholds on 21 April 2023
  {
    id: "hist-app-2023-03-20-march-2024",
    group: "8marchkz",
    organizers: ["8marchkz"],
    title: "Women’s March on 8 March 2024 (notification of 20 March 2023)",
    procedure: "notification",
    authority: AKIMAT_ALMATY,
    city: "Almaty",
    purpose: "Women’s March “for the rights of the women of Kazakhstan”",
    filedOn: "2023-03-20",
    filedOnPrecision: "day",
    notes:
      "Filed almost a year ahead. The source calls it a notification, recorded as such, although under Law No. 333-VI a march needs an application for approval. The refusal was challenged in the Specialised Inter-district Administrative Court of Almaty, which upheld it on 21 April 2023.",
    cite: [
      { src: "fld2023", quote: Q.notification2024 },
      { src: "fld2023", quote: Q.ruling2023Lead },
    ],
    parts: [
      {
        id: "hist-part-2024-march",
        form: "march",
        eventDate: "2024-03-08",
        eventDatePrecision: "day",
        cite: [{ src: "fld2023", quote: Q.notification2024 }],
      },
    ],
    answers: [
      {
        id: "hist-ans-2024-march-refused",
        receivedOn: "2023-03-20",
        receivedOnPrecision: "year",
        statedReason: "a threat to public security",
        notes:
          "The written refusal is not published and its date is not reported: it came between the notification of 20 March 2023 and the hearing of 12 April 2023. The ground is known from the Akim’s justification at the hearing (“a threat to public security”).",
        partOutcomes: [{ part: "hist-part-2024-march", outcome: "refused" }],
        grounds: [{ code: "security_threat", words: "a threat to public security" }],
        cite: [
          { src: "fld2023", quote: Q.notification2024 },
          { src: "fld2023", quote: Q.hearing2023 },
        ],
      },
    ],
    stages: [
      {
        id: "hist-stage-2023-court-first-instance",
        kind: "first_instance",
        filedOn: "2023-03-20",
        filedOnPrecision: "year",
        body: COURT_ALMATY,
        bodyName: "Specialised Inter-district Administrative Court of Almaty",
        authorityArguments:
          "The Akim of Almaty, Erbolat Dosayev, said the march is a threat to public security, pointing to letters of concern the Akimat received from an unidentified representative of a group called “On Legalisation of Foreign Vehicles” and from a citizen of the Turkestan region, who called to ban the “feminist movement from organising peaceful protests in the city of Almaty.”",
        notes:
          "A claim against the Akimat’s refusal. The claimant, the filing date (between 20 March and 12 April 2023) and the case number are not reported.",
        cite: [
          { src: "fld2023", quote: Q.ruling2023Lead },
          { src: "fld2023", quote: Q.hearing2023 },
        ],
        hearings: [
          {
            id: "hist-hearing-2023-04-12",
            heldOn: "2023-04-12",
            heldOnPrecision: "day",
            authorityArguments:
              "The Akim of Almaty, Erbolat Dosayev, justified the refusal by stating that the march is a threat to public security. He argued that the Akimat had received letters of concern from an unidentified representative of a group called “On Legalisation of Foreign Vehicles” and from a concerned citizen of the Turkestan region, who called to ban the “feminist movement from organising peaceful protests in the city of Almaty.”",
            cite: [
              { src: "fld2023", quote: Q.hearing2023 },
              { src: "fld2023", quote: Q.letters2023 },
            ],
          },
        ],
        ruling: {
          id: "hist-ruling-2023-04-21",
          decidedOn: "2023-04-21",
          decidedOnPrecision: "day",
          outcome: "upheld",
          summary:
            "The court ruled in support of the Akimat of Almaty’s prohibition of the 2024 Women’s March (the refusal was upheld), nine days after the hearing.",
          cite: [
            { src: "fld2023", quote: Q.ruling2023 },
            { src: "fld2023", quote: Q.ruling2023Lead },
          ],
        },
      },
    ],
  },
];

// ───────────────────────────── reprisals and incidents

export interface HistoryIncident {
  id: string;
  /** Owning workspace. */
  group: GroupSlug;
  kind: IncidentKind;
  title: string;
  occurredOn: string | null;
  occurredOnPrecision: DatePrecision;
  city: string;
  place?: string;
  description: string;
  amount?: number;
  currency?: string;
  perpetrator?: string;
  people?: { person: string; role: "target" | "official" }[];
  groups: GroupSlug[];
  applications?: string[];
  cite: Cite[];
}

const KIBHR_YEAR =
  "The KIBHR statement dates this only as “May 29” / “July 29” “of this year” and never names the year, so the date is recorded as unknown.";

export const INCIDENTS: HistoryIncident[] = [
  {
    id: "hist-inc-2019-expulsion-threats",
    group: "8marchkz",
    kind: "threat",
    title: "Organisers who filed individual march requests threatened with expulsion",
    occurredOn: "2019-01-01",
    occurredOnPrecision: "year",
    city: "Almaty",
    description:
      "In 2019 some organisers of the 8 March Women’s March, who had submitted individual requests to the Akimat for the march, received threats of expulsion from their educational institutions unless they retracted their requests. The organisers are not named; how many requests there were, and what became of them, is not reported, so the requests are not recorded as an application.",
    perpetrator: "Not stated (the threats concerned expulsion from the organisers’ educational institutions)",
    groups: ["8marchkz"],
    cite: [{ src: "fld2023", quote: Q.expulsion }],
  },
  {
    id: "hist-inc-2020-fine-osinovskaya",
    group: "8marchkz",
    kind: "fine",
    title: "Arina Osinovskaya fined 66,000 KZT",
    occurredOn: "2020-01-01",
    occurredOnPrecision: "year",
    city: "",
    description:
      "Fined for the symbolic burning of a flower wreath in commemoration of the victims of gender-based violence: 66,000 KZT (approximately EUR 119). Where, and by which body, is not reported.",
    amount: 66000,
    currency: "KZT",
    people: [{ person: "hist-person-arina-osinovskaya", role: "target" }],
    groups: ["8marchkz"],
    cite: [
      { src: "fld2023", quote: Q.fined2020 },
      { src: "fld2023", quote: Q.fineAmounts },
    ],
  },
  {
    id: "hist-inc-2020-fine-ozpan",
    group: "8marchkz",
    kind: "fine",
    title: "Fariza Ozpan fined 13,000 KZT",
    occurredOn: "2020-01-01",
    occurredOnPrecision: "year",
    city: "",
    description:
      "Fined for the symbolic burning of a flower wreath in commemoration of the victims of gender-based violence: 13,000 KZT (approximately EUR 26). The source spells her name “Farisa Ospan” in the sentence with the amount. Where, and by which body, is not reported.",
    amount: 13000,
    currency: "KZT",
    people: [{ person: "hist-person-fariza-ozpan", role: "target" }],
    groups: ["8marchkz"],
    cite: [
      { src: "fld2023", quote: Q.fined2020 },
      { src: "fld2023", quote: Q.fineAmounts },
    ],
  },

  // Shymkent ("Chimkent"), 29 May, year not stated
  {
    id: "hist-inc-shymkent-venue-cancelled",
    group: "feminita",
    kind: "venue_cancelled",
    title: "Shymkent, 29 May: coworking space refuses the hall at the last moment",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Shymkent",
    place: "A coworking space",
    description:
      "A Feminita meeting on the rights of LBTQ women was to be held in a coworking space in Shymkent (“Chimkent” in the source) on 29 May; the owners refused at the last moment to rent the hall to Feminita, although an advance payment had been made. " +
      KIBHR_YEAR,
    perpetrator: "The owners of the coworking space",
    groups: ["feminita"],
    cite: [
      { src: "kibhr", quote: Q.chimkent },
      { src: "kibhr", quote: Q.coworking },
      { src: "kibhr", quote: Q.mayJuly },
    ],
  },
  {
    id: "hist-inc-shymkent-cafe-attack",
    group: "feminita",
    kind: "attack",
    title: "Shymkent, 29 May: crowd of aggressive men disrupts the meeting at a cafe",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Shymkent",
    place: "The nearest cafe",
    description:
      "The participants moved to the nearest cafe, where a crowd of aggressive men awaited them and disrupted the meeting. KIBHR believes the attack was planned rather than spontaneous, possibly with the direct participation of government officials. " +
      KIBHR_YEAR,
    perpetrator: "A crowd of aggressive men",
    groups: ["feminita"],
    cite: [
      { src: "kibhr", quote: Q.cafe },
      { src: "kibhr", quote: Q.planned },
    ],
  },
  {
    id: "hist-inc-shymkent-police-inaction",
    group: "feminita",
    kind: "police_inaction",
    title: "Shymkent, 29 May: police officer present does not call the attackers to order",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Shymkent",
    place: "The nearest cafe",
    description:
      "A police representative was present at the scene but, instead of calling the aggressive men to order, removed the Feminita leaders. " + KIBHR_YEAR,
    perpetrator: "Police of Shymkent (one officer present)",
    groups: ["feminita"],
    cite: [
      { src: "kibhr", quote: Q.policePresent },
      { src: "kibhr", quote: Q.dragged },
    ],
  },
  {
    id: "hist-inc-shymkent-leaders-removed",
    group: "feminita",
    kind: "detention",
    title: "Shymkent, 29 May: police drag Gulzada Serzhan and Zhanar Sekerbaeva away",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Shymkent",
    place: "The nearest cafe",
    description:
      "The policeman dragged the initiators of the training, the Feminita leaders Gulzada Serzhan and Zhanar Sekerbaeva, out into the street, put them in a car and drove them away (recorded as a detention; the source does not use that word). " +
      KIBHR_YEAR,
    perpetrator: "A police officer (Shymkent)",
    people: [
      { person: "hist-person-gulzada-serzhan", role: "target" },
      { person: "hist-person-zhanar-sekerbaeva", role: "target" },
    ],
    groups: ["feminita"],
    cite: [{ src: "kibhr", quote: Q.dragged }],
  },
  {
    id: "hist-inc-shymkent-criminal-case",
    group: "feminita",
    kind: "criminal_case",
    title: "Criminal case “Insulting a representative of the authorities” against Serzhan and Sekerbaeva",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Shymkent",
    description:
      "During the scuffle Zhanar Sekerbaeva accidentally tore off a police officer’s shoulder strap; as a result a criminal case was opened against the two women under the article “Insulting a representative of the authorities”. When it was opened, and its course, are not reported. " +
      KIBHR_YEAR,
    perpetrator: "The authorities (body not named)",
    people: [
      { person: "hist-person-gulzada-serzhan", role: "target" },
      { person: "hist-person-zhanar-sekerbaeva", role: "target" },
    ],
    groups: ["feminita"],
    cite: [
      { src: "kibhr", quote: Q.strap },
      { src: "kibhr", quote: Q.criminalCase },
    ],
  },

  // Karaganda, 29 July, year not stated
  {
    id: "hist-inc-karaganda-venue-refused",
    group: "feminita",
    kind: "venue_cancelled",
    title: "Karaganda, July: owners refuse to rent the hall a couple of days before the meeting",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Karaganda",
    description:
      "A couple of days before the meeting of 29 July on the rights of women and LGBTIQ people, the owners of the premises refused to rent the hall to Feminita. The organizers found another place and kept its address in strict confidence. " +
      KIBHR_YEAR,
    perpetrator: "The owners of the premises",
    groups: ["feminita"],
    cite: [
      { src: "kibhr", quote: Q.karaganda },
      { src: "kibhr", quote: Q.karagandaVenue },
      { src: "kibhr", quote: Q.mayJuly },
    ],
  },
  {
    id: "hist-inc-karaganda-officials-demand-stop",
    group: "feminita",
    kind: "other",
    title: "Karaganda, 29 July: deputy mayor and internal policy head demand the event stop",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Karaganda",
    description:
      "Even before the crowd gathered, the deputy mayor of Karaganda, Nurlan Bikenov, and the head of the internal policy department, Lyazzat Akilzhanova, demanded that the event be stopped. " +
      KIBHR_YEAR,
    perpetrator: "Akimat of Karaganda: deputy mayor Nurlan Bikenov; head of the internal policy department Lyazzat Akilzhanova",
    people: [
      { person: "hist-person-nurlan-bikenov", role: "official" },
      { person: "hist-person-lyazzat-akilzhanova", role: "official" },
    ],
    groups: ["feminita"],
    cite: [{ src: "kibhr", quote: Q.officials }],
  },
  {
    id: "hist-inc-karaganda-crowd-attack",
    group: "feminita",
    kind: "attack",
    title: "Karaganda, 29 July: crowd demands to burn the participants, insults and hits them",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Karaganda",
    description:
      "11 girls and 3 guys came to the meeting. Less than an hour later a crowd of angry men gathered near the building, demanding to burn the participants; when the participants boarded buses through a police corridor they were insulted and hit by the crowd. KIBHR believes the attack was planned, possibly with the direct participation of government officials. " +
      KIBHR_YEAR,
    perpetrator: "A crowd of angry men",
    groups: ["feminita"],
    cite: [
      { src: "kibhr", quote: "11 girls and 3 guys came to the meeting." },
      { src: "kibhr", quote: Q.karagandaCrowd },
      { src: "kibhr", quote: Q.buses },
      { src: "kibhr", quote: Q.planned },
    ],
  },
  {
    id: "hist-inc-karaganda-police-inaction",
    group: "feminita",
    kind: "police_inaction",
    title: "Karaganda, 29 July: police see no violation of public order",
    occurredOn: null,
    occurredOnPrecision: "unknown",
    city: "Karaganda",
    description:
      "Although the participants were insulted and hit as they passed through the police corridor, the police did not see “at the scene of the incident, the facts of violation of public order and riots”; their press release called the Feminita members “representatives of the LGBT community”, with a stigmatizing tinge, according to KIBHR. " +
      KIBHR_YEAR,
    perpetrator: "Police of Karaganda",
    groups: ["feminita"],
    cite: [
      { src: "kibhr", quote: Q.policeSawNothing },
      { src: "kibhr", quote: Q.pressRelease },
    ],
  },
];

/** The attribution every imported record carries in the change log. */
export const IMPORT_USER_NAME = "import: published sources";
