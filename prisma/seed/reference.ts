// Reference data the law defines and an admin may change: refusal grounds, legal clocks,
// the holiday calendar and the standards lawyers cite. Loaded once; never overwrites edits.
import { FILING_TEMPLATES } from "./filing-templates";
import type { Db } from "../../lib/db-client";
import { addDays, weekday } from "../../lib/domain/dates";

export const REFUSAL_GROUNDS = [
  { code: "unlawful_goals", article: "Art. 14(1)(1)", labelEn: "Unlawful goals", labelRu: "Противоправные цели", labelKk: "Құқыққа қайшы мақсаттар" },
  { code: "ineligible_organizer", article: "Art. 14(1)(2)", labelEn: "Organizer not eligible", labelRu: "Организатор не вправе", labelKk: "Ұйымдастырушының құқығы жоқ" },
  { code: "security_threat", article: "Art. 14(1)(3)", labelEn: "Threat to security, public order or health", labelRu: "Угроза безопасности, общественному порядку или здоровью", labelKk: "Қауіпсіздікке, қоғамдық тәртіпке немесе денсаулыққа қатер" },
  { code: "late_filing", article: "Art. 14(1)(4)", labelEn: "Filed late", labelRu: "Подано с нарушением срока", labelKk: "Мерзімі бұзылып берілген" },
  { code: "incomplete_application", article: "Art. 14(1)(5)", labelEn: "Incomplete or unsigned application", labelRu: "Неполное или неподписанное заявление", labelKk: "Толық емес немесе қол қойылмаған өтініш" },
  { code: "place_taken", article: "Art. 14(1)(6)", labelEn: "Place already taken by another event", labelRu: "Место уже занято другим мероприятием", labelKk: "Орын басқа іс-шараға бос емес" },
  { code: "works", article: "Art. 14(1)(7)", labelEn: "Construction or repair works at the place", labelRu: "Строительные или ремонтные работы на месте", labelKk: "Орында құрылыс немесе жөндеу жұмыстары" },
  { code: "not_designated_place", article: "Art. 14(1)(8)", labelEn: "Not a designated place / prohibited zone", labelRu: "Не специализированное место / запретная зона", labelKk: "Арнайы орын емес / тыйым салынған аймақ" },
  { code: "no_reason", article: "", labelEn: "No reason given", labelRu: "Причина не указана", labelKk: "Себебі көрсетілмеген" },
  { code: "other", article: "", labelEn: "Other", labelRu: "Другое", labelKk: "Басқа" },
];

/** The laws the clocks rest on, named in each language as its lawyers cite them. */
const LAW = { en: "Law No. 333-VI of 25 May 2020", ru: "Закон № 333-VI от 25 мая 2020 года", kk: "2020 жылғы 25 мамырдағы № 333-VI Заң" };
const APPC = { en: "Administrative Procedural and Process Code (2021)", ru: "Административный процедурно-процессуальный кодекс (2021)", kk: "Әкімшілік рәсімдік-процестік кодекс (2021)" };

/** "…, Art. 161" — «…, ст. 161» — «…, 161-бап». */
function basis(law: { en: string; ru: string; kk: string }, article: string) {
  return { legalBasis: `${law.en}, Art. ${article}`, legalBasisRu: `${law.ru}, ст. ${article}`, legalBasisKk: `${law.kk}, ${article}-бап` };
}

export const DEADLINE_RULES = [
  { code: "notification_filing", unit: "working_days", amount: 5, direction: "before", countsFrom: "event_date", ...basis(LAW, "10"), labelEn: "Notification: latest filing date", labelRu: "Уведомление: крайний срок подачи", labelKk: "Хабарлама: берудің соңғы күні" },
  { code: "approval_filing", unit: "working_days", amount: 10, direction: "before", countsFrom: "event_date", ...basis(LAW, "10"), labelEn: "Application for approval: latest filing date", labelRu: "Заявление о согласовании: крайний срок подачи", labelKk: "Келісуге арналған өтініш: берудің соңғы күні" },
  { code: "notification_answer", unit: "working_days", amount: 3, direction: "after", countsFrom: "filed_on", ...basis(LAW, "12"), labelEn: "Notification: the akimat answers within", labelRu: "Уведомление: срок ответа акимата", labelKk: "Хабарлама: әкімдіктің жауап беру мерзімі" },
  { code: "approval_answer", unit: "working_days", amount: 7, direction: "after", countsFrom: "filed_on", ...basis(LAW, "12"), labelEn: "Approval: the akimat answers within", labelRu: "Согласование: срок ответа акимата", labelKk: "Келісу: әкімдіктің жауап беру мерзімі" },
  { code: "admin_complaint", unit: "months", amount: 3, direction: "after", countsFrom: "answer_received", ...basis(APPC, "91"), labelEn: "Administrative complaint to the higher body", labelRu: "Административная жалоба в вышестоящий орган", labelKk: "Жоғары тұрған органға әкімшілік шағым" },
  { code: "court_claim", unit: "months", amount: 1, direction: "after", countsFrom: "complaint_ruling", ...basis(APPC, "136"), labelEn: "Court claim after the complaint decision", labelRu: "Иск в суд после решения по жалобе", labelKk: "Шағым бойынша шешімнен кейін сотқа талап арыз" },
  { code: "court_claim_direct", unit: "months", amount: 1, direction: "after", countsFrom: "answer_received", ...basis(APPC, "136"), labelEn: "Court claim where no pre-trial route applies", labelRu: "Иск в суд без досудебного порядка", labelKk: "Сотқа дейінгі тәртіп қолданылмағанда сотқа талап арыз" },
  { code: "appeal", unit: "months", amount: 1, direction: "after", countsFrom: "ruling", ...basis(APPC, "161"), labelEn: "Appeal against a first-instance ruling", labelRu: "Апелляционная жалоба на решение первой инстанции", labelKk: "Бірінші саты сотының шешіміне апелляциялық шағым" },
  { code: "cassation", unit: "months", amount: 6, direction: "after", countsFrom: "ruling", legalBasis: "Civil Procedure Code, Art. 436 (via APPC)", legalBasisRu: "Гражданский процессуальный кодекс, ст. 436 (через АППК)", legalBasisKk: "Азаматтық процестік кодекс, 436-бап (ӘРПК арқылы)", labelEn: "Cassation petition", labelRu: "Кассационная жалоба", labelKk: "Кассациялық өтінішхат" },
  // After the last domestic ruling. The law sets the Constitutional Court's period for an
  // individual appeal; one year is this tracker's default, to be checked and changed by an operator.
  { code: "constitutional_petition", unit: "months", amount: 12, direction: "after", countsFrom: "ruling", legalBasis: "Constitutional Law No. 153-VII of 5 November 2022 «On the Constitutional Court» (individual appeals since 1 January 2023); period: configurable default, check it", legalBasisRu: "Конституционный закон № 153-VII от 5 ноября 2022 года «О Конституционном Суде» (обращения граждан с 1 января 2023 года); срок — настраиваемое значение, проверьте его", legalBasisKk: "2022 жылғы 5 қарашадағы № 153-VII «Конституциялық Сот туралы» Конституциялық заң (азаматтардың өтініштері 2023 жылғы 1 қаңтардан бастап); мерзім — бапталатын мән, оны тексеріңіз", labelEn: "Constitutional Court petition after the last domestic ruling", labelRu: "Обращение в Конституционный Суд после последнего судебного акта", labelKk: "Соңғы сот актісінен кейін Конституциялық Сотқа өтініш" },
  // The Optional Protocol sets no period; the Committee may find a communication an abuse of the
  // right if it comes more than 5 years after domestic remedies were exhausted.
  { code: "un_hrc_communication", unit: "months", amount: 60, direction: "after", countsFrom: "ruling", legalBasis: "HRC Rules of Procedure, rule 99(c) (CCPR/C/3/Rev.12): 5 years after exhaustion of domestic remedies (3 years after another international procedure)", legalBasisRu: "Правила процедуры КПЧ, правило 99(c) (CCPR/C/3/Rev.12): 5 лет после исчерпания внутренних средств защиты (3 года после другой международной процедуры)", legalBasisKk: "БҰҰ Адам құқықтары жөніндегі комитетінің рәсім қағидалары, 99(c) қағида (CCPR/C/3/Rev.12): ішкі құқықтық қорғау құралдары таусылғаннан кейін 5 жыл (басқа халықаралық рәсімнен кейін 3 жыл)", labelEn: "UN Human Rights Committee communication", labelRu: "Сообщение в Комитет ООН по правам человека", labelKk: "БҰҰ Адам құқықтары жөніндегі комитетіне хабарлама" },
];

/** Fixed public holidays of Kazakhstan (Labour Code Art. 84/85 and the Law on Holidays). */
const FIXED_HOLIDAYS: { md: string; name: string; from?: number; until?: number }[] = [
  { md: "01-01", name: "New Year" },
  { md: "01-02", name: "New Year" },
  { md: "01-07", name: "Orthodox Christmas" },
  { md: "03-08", name: "International Women's Day" },
  { md: "03-21", name: "Nauryz meirami" },
  { md: "03-22", name: "Nauryz meirami" },
  { md: "03-23", name: "Nauryz meirami" },
  { md: "05-01", name: "Kazakhstan People's Unity Day" },
  { md: "05-07", name: "Defender of the Fatherland Day" },
  { md: "05-09", name: "Victory Day" },
  { md: "07-06", name: "Capital Day" },
  { md: "08-30", name: "Constitution Day" },
  { md: "10-25", name: "Republic Day", from: 2022 },
  { md: "12-01", name: "First President Day", until: 2021 },
  { md: "12-16", name: "Independence Day" },
  { md: "12-17", name: "Independence Day", until: 2021 },
];

/** The holidays' names in Russian and Kazakh, as the Law on Holidays names them. */
export const HOLIDAY_NAMES: Record<string, { ru: string; kk: string }> = {
  "New Year": { ru: "Новый год", kk: "Жаңа жыл" },
  "Orthodox Christmas": { ru: "Православное Рождество", kk: "Православиелік Рождество" },
  "International Women's Day": { ru: "Международный женский день", kk: "Халықаралық әйелдер күні" },
  "Nauryz meirami": { ru: "Наурыз мейрамы", kk: "Наурыз мейрамы" },
  "Kazakhstan People's Unity Day": { ru: "Праздник единства народа Казахстана", kk: "Қазақстан халқының бірлігі мерекесі" },
  "Defender of the Fatherland Day": { ru: "День защитника Отечества", kk: "Отан қорғаушы күні" },
  "Victory Day": { ru: "День Победы", kk: "Жеңіс күні" },
  "Capital Day": { ru: "День столицы", kk: "Астана күні" },
  "Constitution Day": { ru: "День Конституции", kk: "Конституция күні" },
  "Republic Day": { ru: "День Республики", kk: "Республика күні" },
  "First President Day": { ru: "День Первого Президента", kk: "Тұңғыш Президент күні" },
  "Independence Day": { ru: "День Независимости", kk: "Тәуелсіздік күні" },
  "Kurban Ait": { ru: "Курбан айт", kk: "Құрбан айт" },
};
const MOVED = { en: " (moved day off)", ru: " (перенесённый выходной)", kk: " (ауыстырылған демалыс күні)" };

/** "Victory Day (moved day off)" → its Russian and Kazakh names; empty when the name is not ours. */
export function holidayNames(name: string): { nameRu: string; nameKk: string } {
  const moved = name.endsWith(MOVED.en);
  const known = HOLIDAY_NAMES[moved ? name.slice(0, -MOVED.en.length) : name];
  if (!known) return { nameRu: "", nameKk: "" };
  return { nameRu: known.ru + (moved ? MOVED.ru : ""), nameKk: known.kk + (moved ? MOVED.kk : "") };
}

/** Kurban Ait, first day: a day off by government decree each year. */
const KURBAN_AIT: Record<number, string> = {
  2019: "2019-08-11", 2020: "2020-07-31", 2021: "2021-07-20", 2022: "2022-07-09", 2023: "2023-06-28",
  2024: "2024-06-16", 2025: "2025-06-06", 2026: "2026-05-27", 2027: "2027-05-16",
};

/**
 * Holidays for the years given. A holiday that falls on a weekend moves the day off to the
 * next working day (Labour Code Art. 85); religious holidays do not move.
 */
export function kazakhstanHolidays(fromYear: number, toYear: number): { date: string; name: string; nameRu: string; nameKk: string; kind: string }[] {
  const out = new Map<string, { date: string; name: string; nameRu: string; nameKk: string; kind: string }>();
  for (let y = fromYear; y <= toYear; y++) {
    const days = FIXED_HOLIDAYS.filter((h) => (h.from ?? 0) <= y && y <= (h.until ?? 9999)).map((h) => ({ date: `${y}-${h.md}`, name: h.name, moves: h.md !== "01-07" }));
    if (KURBAN_AIT[y]) days.push({ date: KURBAN_AIT[y], name: "Kurban Ait", moves: false });
    for (const d of days) out.set(d.date, { date: d.date, name: d.name, ...holidayNames(d.name), kind: "holiday" });
    for (const d of days) {
      const wd = weekday(d.date);
      if (!d.moves || (wd !== 0 && wd !== 6)) continue;
      let next = addDays(d.date, 1);
      while (weekday(next) === 0 || weekday(next) === 6 || out.has(next)) next = addDays(next, 1);
      out.set(next, { date: next, name: `${d.name}${MOVED.en}`, ...holidayNames(`${d.name}${MOVED.en}`), kind: "holiday" });
    }
  }
  return [...out.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export const LEGAL_STANDARDS = [
  {
    code: "iccpr_21",
    sortOrder: 1,
    groundCodes: "",
    titleEn: "ICCPR, Article 21",
    titleRu: "МПГПП, статья 21",
    titleKk: "АҚСҚХП, 21-бап",
    bodyEn:
      "The right of peaceful assembly shall be recognized. No restrictions may be placed on its exercise other than those imposed in conformity with the law and which are necessary in a democratic society in the interests of national security or public safety, public order, the protection of public health or morals or the protection of the rights and freedoms of others. Kazakhstan ratified the Covenant in 2006. A restriction must meet all three tests: provided by law, a legitimate aim, and necessity and proportionality.",
    bodyRu:
      "Признаётся право на мирные собрания. Пользование этим правом не подлежит никаким ограничениям, кроме тех, которые налагаются в соответствии с законом и которые необходимы в демократическом обществе в интересах государственной или общественной безопасности, общественного порядка, охраны здоровья и нравственности населения или защиты прав и свобод других лиц. Казахстан ратифицировал Пакт в 2006 году. Ограничение должно отвечать трём критериям: предусмотрено законом, преследует законную цель, необходимо и соразмерно.",
    bodyKk:
      "Бейбіт жиналыстар құқығы танылады. Бұл құқықты пайдалануға заңға сәйкес салынатын және демократиялық қоғамда мемлекеттік немесе қоғамдық қауіпсіздік, қоғамдық тәртіп, халықтың денсаулығы мен имандылығын қорғау немесе басқа адамдардың құқықтары мен бостандықтарын қорғау мүддесінде қажетті шектеулерден басқа ешқандай шектеу қолданылмайды. Қазақстан Пактіні 2006 жылы ратификациялады. Шектеу үш талапқа сай болуы тиіс: заңда көзделген, заңды мақсатты көздейді, қажетті және мөлшерлес.",
  },
  {
    code: "gc37_notification",
    sortOrder: 2,
    groundCodes: "late_filing,incomplete_application,no_reason,other",
    titleEn: "UN Human Rights Committee, General Comment No. 37 (2020): notification is not authorization",
    titleRu: "Комитет ООН по правам человека, Замечание общего порядка № 37 (2020): уведомление — не разрешение",
    titleKk: "БҰҰ Адам құқықтары жөніндегі комитеті, № 37 жалпы тәртіптегі ескерту (2020): хабарлама — рұқсат емес",
    bodyEn:
      "A notification system must not in practice work as a system of authorization (para. 70). Failure to notify does not make an assembly unlawful and cannot by itself justify dispersal or sanctions. The authorities bear the burden of justifying any restriction, and reasons must be given in writing.",
    bodyRu:
      "Уведомительный порядок не должен на практике превращаться в разрешительный (п. 70). Отсутствие уведомления не делает собрание незаконным и само по себе не оправдывает его прекращение или санкции. Бремя обоснования ограничения лежит на властях, причины должны быть изложены письменно.",
    bodyKk:
      "Хабарлама тәртібі іс жүзінде рұқсат беру тәртібіне айналмауы тиіс (70-т.). Хабарламаның болмауы жиналысты заңсыз етпейді және өз бетінше оны тоқтатуды немесе санкцияларды ақтамайды. Кез келген шектеуді негіздеу міндеті билікке жүктеледі, себептері жазбаша көрсетілуі тиіс.",
  },
  {
    code: "gc37_security",
    sortOrder: 3,
    groundCodes: "security_threat,unlawful_goals",
    titleEn: "General Comment No. 37: public order and safety are narrow grounds",
    titleRu: "Замечание № 37: общественный порядок и безопасность — узкие основания",
    titleKk: "№ 37 жалпы тәртіптегі ескерту: қоғамдық тәртіп пен қауіпсіздік — тар негіздер",
    bodyEn:
      "Restrictions for public safety require a real and significant risk to the safety of persons; vague references to public order or hostile reactions from others do not suffice (paras. 43–44, 52). The authorities must protect participants from counter-demonstrators rather than restrict the assembly (the 'heckler's veto' is not a ground). Public health restrictions must be proportionate and the least restrictive means.",
    bodyRu:
      "Ограничения в интересах общественной безопасности требуют реального и значительного риска для людей; общие ссылки на общественный порядок или враждебную реакцию других недостаточны (пп. 43–44, 52). Власти обязаны защищать участников от контрдемонстрантов, а не ограничивать собрание. Ограничения по соображениям здоровья должны быть соразмерны и наименее ограничительны.",
    bodyKk:
      "Қоғамдық қауіпсіздік мүддесіндегі шектеулер адамдардың қауіпсіздігіне нақты әрі елеулі қатерді талап етеді; қоғамдық тәртіпке немесе басқалардың дұшпандық әрекетіне жалпы сілтеме жеткіліксіз (43–44, 52-тт.). Билік жиналысты шектемей, қатысушыларды қарсы демонстранттардан қорғауға міндетті. Денсаулық себебімен шектеулер мөлшерлес және ең аз шектейтін болуы тиіс.",
  },
  {
    code: "odihr_sight_sound",
    sortOrder: 4,
    groundCodes: "place_taken,works,not_designated_place",
    titleEn: "OSCE/ODIHR–Venice Commission Guidelines on Freedom of Peaceful Assembly (3rd ed.): within sight and sound",
    titleRu: "Руководящие принципы ОБСЕ/БДИПЧ и Венецианской комиссии по свободе мирных собраний (3-е изд.): в пределах видимости и слышимости",
    titleKk: "ЕҚЫҰ/ДИАҚБ мен Венеция комиссиясының бейбіт жиналыстар бостандығы жөніндегі басшылық қағидаттары (3-бас.): көз бен құлаққа жететін жерде",
    bodyEn:
      "Assemblies should be facilitated within sight and sound of their target audience. Blanket restrictions on places, and lists of 'designated places', are disproportionate. Where two assemblies are notified for the same place and time, both should be facilitated where possible; a prior booking is not in itself a reason to refuse, and any alternative offered must be of equal value to the organizers' purpose.",
    bodyRu:
      "Собрания должны проводиться в пределах видимости и слышимости целевой аудитории. Общие запреты на места и перечни «специализированных мест» несоразмерны. Если на одно место и время заявлены два собрания, по возможности следует обеспечить проведение обоих; предварительная бронь сама по себе не основание для отказа, а предложенная альтернатива должна быть равноценной для целей организаторов.",
    bodyKk:
      "Жиналыстар мақсатты аудиторияның көзі көріп, құлағы еститін жерде өтуі тиіс. Орындарға жалпы тыйым салу мен «арнайы орындар» тізімдері мөлшерлес емес. Бір орын мен уақытқа екі жиналыс туралы хабарланса, мүмкіндігінше екеуінің де өтуін қамтамасыз ету керек; алдын ала брондау өз бетінше бас тарту негізі емес, ал ұсынылған балама ұйымдастырушылардың мақсаты үшін тең құнды болуы тиіс.",
  },
  {
    code: "cc_61np",
    sortOrder: 5,
    groundCodes: "place_taken,works",
    titleEn: "Constitutional Court of Kazakhstan, resolution No. 61-NP of 20 January 2025",
    titleRu: "Конституционный Суд РК, нормативное постановление № 61-НП от 20 января 2025 года",
    titleKk: "ҚР Конституциялық Соты, 2025 жылғы 20 қаңтардағы № 61-НҚ нормативтік қаулы",
    bodyEn:
      "Before refusing because the place is booked or because of works, the akimat must offer the organizers an alternative place or time; every refusal must be reasoned.",
    bodyRu:
      "Прежде чем отказать из-за занятости места или проведения работ, акимат обязан предложить организаторам другое место или время; каждый отказ должен быть мотивирован.",
    bodyKk:
      "Орын бос емес немесе жұмыстар жүргізілуде деген себеппен бас тартпас бұрын әкімдік ұйымдастырушыларға басқа орын немесе уақыт ұсынуға міндетті; әрбір бас тарту дәлелді болуы тиіс.",
  },
];

/**
 * Of `wanted`'s translation columns (…Ru, …Kk), those the row has empty: what a later version
 * of the seed may fill in without overwriting a translation an admin wrote.
 */
export function missingTranslations(row: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(wanted)) {
    if (!/(Ru|Kk)$/.test(k) || typeof v !== "string" || !v) continue;
    if (row[k] === "") out[k] = v;
  }
  return out;
}

/**
 * Inserts what is missing; rows an admin has edited are left as they are, except that an
 * empty Russian or Kazakh column is filled in (databases loaded before the translations).
 */
export async function loadReference(db: Db): Promise<{ created: number; translated: number }> {
  // Grounds are deactivated, never deleted, so a missing code is one the data has not seen yet.
  let created = 0;
  let translated = 0;
  for (const [i, g] of REFUSAL_GROUNDS.entries()) {
    const row = await db.refusalGround.findUnique({ where: { code: g.code } });
    if (row) {
      const fill = missingTranslations(row, g);
      if (Object.keys(fill).length) {
        await db.refusalGround.update({ where: { id: row.id }, data: fill });
        translated++;
      }
      continue;
    }
    await db.refusalGround.create({ data: { ...g, sortOrder: i } });
    created++;
  }
  for (const rule of DEADLINE_RULES) {
    const row = await db.deadlineRule.findUnique({ where: { code: rule.code } });
    if (row) {
      // A legal basis an admin rewrote in English is no longer the one these translate.
      const fill = missingTranslations(row, row.legalBasis === rule.legalBasis ? rule : { labelKk: rule.labelKk });
      if (Object.keys(fill).length) {
        await db.deadlineRule.update({ where: { id: row.id }, data: fill });
        translated++;
      }
      continue;
    }
    await db.deadlineRule.create({ data: rule });
    created++;
  }
  // The calendar is loaded once: after that an admin's deletions and additions stand.
  if ((await db.holiday.count({ where: { country: "KZ" } })) === 0) {
    const days = kazakhstanHolidays(2015, 2030);
    await db.holiday.createMany({ data: days.map((h) => ({ ...h, country: "KZ" })) });
    created += days.length;
  } else {
    for (const name of Object.keys(HOLIDAY_NAMES)) {
      for (const n of [name, `${name}${MOVED.en}`]) {
        const { nameRu, nameKk } = holidayNames(n);
        translated += (await db.holiday.updateMany({ where: { country: "KZ", name: n, nameRu: "" }, data: { nameRu } })).count;
        translated += (await db.holiday.updateMany({ where: { country: "KZ", name: n, nameKk: "" }, data: { nameKk } })).count;
      }
    }
  }
  for (const s of LEGAL_STANDARDS) {
    const row = await db.legalStandard.findUnique({ where: { code: s.code } });
    if (row) {
      const fill = missingTranslations(row, row.bodyEn === s.bodyEn ? s : {});
      if (Object.keys(fill).length) {
        await db.legalStandard.update({ where: { id: row.id }, data: fill });
        translated++;
      }
      continue;
    }
    await db.legalStandard.create({ data: s });
    created++;
  }
  // A template is shipped once per kind and language: an operator's later versions stand.
  for (const f of FILING_TEMPLATES) {
    if (await db.filingTemplate.findFirst({ where: { kind: f.kind, locale: f.locale }, select: { id: true } })) continue;
    await db.filingTemplate.create({ data: { kind: f.kind, locale: f.locale, version: 1, title: f.title, sections: JSON.stringify(f.sections), createdByName: "system" } });
    created++;
  }
  return { created, translated };
}
