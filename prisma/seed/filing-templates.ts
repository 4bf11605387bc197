// The filing templates shipped for Kazakhstan: the notification (or application for
// approval), the administrative complaint, the court claim and the appeal, in Russian and
// Kazakh, and in English for international submissions. They are DRAFTS for a lawyer to
// check, not legal advice (README, "Filings"). The language is lib/domain/filing-template.ts:
// {{placeholders}} from the case and {{#if condition}}…{{/if}}. In a section's text a line
// starting with "- " is a list item, "> " a quotation, "# " a heading.
import type { FilingKind, FilingLocale, TemplateSection } from "../../lib/domain/filings";

export interface FilingTemplateSeed {
  kind: FilingKind;
  locale: FilingLocale;
  title: string;
  sections: TemplateSection[];
}

// ───────────────────────────── Russian

const RU_ARGUMENTS = `Право на мирные собрания гарантировано статьёй 32 Конституции Республики Казахстан и статьёй 21 Международного пакта о гражданских и политических правах. Ограничение допустимо, только если оно предусмотрено законом, преследует законную цель и необходимо и соразмерно в демократическом обществе; бремя доказывания лежит на органе, отказавшем в проведении собрания.
{{#if ground.security_threat}}Ссылка на угрозу безопасности или общественному порядку не подкреплена конкретными фактами. Общие ссылки на общественный порядок и на недовольство третьих лиц недостаточны: государство обязано защищать участников, а не запрещать собрание (Замечание общего порядка № 37 Комитета ООН по правам человека, пп. 43–44, 52).{{/if}}
{{#if ground.unlawful_goals}}Цели собрания законны; орган не указал, какая именно цель противоречит закону.{{/if}}
{{#if ground.place_taken}}Занятость места другим мероприятием сама по себе не является основанием для отказа: по возможности должны быть обеспечены оба собрания (Руководящие принципы ОБСЕ/БДИПЧ и Венецианской комиссии по свободе мирных собраний).{{/if}}
{{#if ground.works}}Проведение работ на месте собрания не подтверждено; орган не показал, что работы делают собрание невозможным именно в заявленное время.{{/if}}
{{#if ground.not_designated_place}}Собрание должно проводиться в пределах видимости и слышимости его адресатов; общие запреты на места несоразмерны.{{/if}}
{{#if ground.late_filing}}Сроки подачи соблюдены; уведомительный порядок не должен превращаться в разрешительный (Замечание общего порядка № 37, п. 70).{{/if}}
{{#if ground.incomplete_application}}Заявление содержит все сведения, требуемые законом; недостатки, если они были, могли быть устранены без отказа.{{/if}}
{{#if ground.no_reason}}Отказ не мотивирован, что само по себе нарушает требование письменного обоснования ограничения.{{/if}}
{{#if refusal.cites61NP}}Согласно нормативному постановлению Конституционного Суда Республики Казахстан № 61-НП от 20 января 2025 года, прежде чем отказать из-за занятости места или проведения работ, акимат обязан предложить организаторам другое место или время. Альтернатива нам предложена не была, поэтому отказ противоречит Конституции.{{/if}}
{{#if evidence}}Указанное в отказе основание опровергается следующим:
{{evidence}}{{/if}}`;

const RU_PARTIES = `{{organizers}}
{{applicants}}`;

const RU: FilingTemplateSeed[] = [
  {
    kind: "notification",
    locale: "ru",
    title: "{{#if case.isApproval}}Заявление о согласовании проведения мирного собрания{{else}}Уведомление о проведении мирного собрания{{/if}}",
    sections: [
      { key: "header", align: "right", text: `{{authority.name}}\nот: ${RU_PARTIES}` },
      {
        key: "body",
        free: true,
        text: `В соответствии с Законом Республики Казахстан от 25 мая 2020 года № 333-VI «О порядке организации и проведения мирных собраний в Республике Казахстан» {{#if case.isApproval}}просим согласовать проведение{{else}}уведомляем о проведении{{/if}} мирного собрания.
Цель собрания: {{case.purpose}}.
{{parts}}
Ожидаемое число участников: {{assembly.participants}}.
Средства, которые будут использованы: {{assembly.equipment}}.
Организаторы обязуются обеспечить мирный характер собрания и соблюдение общественного порядка.`,
      },
      { key: "deadline", text: "Подано в срок, установленный статьёй 10 Закона: не позднее {{deadline.date}}" },
      { key: "annexes", heading: "Приложения", free: true, text: "- копии документов, удостоверяющих личность организаторов" },
      { key: "signature", text: "{{applicant.name}} ____________\nДата: {{today}}" },
    ],
  },
  {
    kind: "complaint",
    locale: "ru",
    title: "Административная жалоба на отказ в проведении мирного собрания",
    sections: [
      { key: "header", align: "right", text: `В вышестоящий орган: {{complaint.body}}\nот: ${RU_PARTIES}\nНа решение: {{authority.name}}` },
      {
        key: "facts",
        heading: "Обстоятельства",
        free: true,
        text: `{{case.filedOn}} мы подали в {{authority.name}} {{#if case.isApproval}}заявление о согласовании{{else}}уведомление о проведении{{/if}} мирного собрания (рег. № {{case.registrationNumber}}). Цель собрания: {{case.purpose}}.
{{parts}}
{{refusal.date}} {{authority.name}} отказал в проведении собрания (исх. № {{refusal.number}}), указав:
> «{{refusal.reason}}»`,
      },
      { key: "grounds", heading: "Основания отказа и применимые стандарты", text: "{{grounds}}" },
      { key: "arguments", heading: "Доводы", free: true, text: RU_ARGUMENTS },
      {
        key: "relief",
        heading: "Прошу",
        free: true,
        text: `- признать отказ {{authority.name}} от {{refusal.date}} незаконным и отменить его;
- обязать {{authority.name}} обеспечить проведение собрания в заявленном месте и в заявленное время либо предложить равноценную альтернативу.`,
      },
      { key: "deadline", text: "Жалоба подана в срок, установленный Административным процедурно-процессуальным кодексом Республики Казахстан (статья 91): не позднее {{deadline.date}}" },
      { key: "annexes", heading: "Приложения", free: true, text: "- копия {{#if case.isApproval}}заявления{{else}}уведомления{{/if}}\n- копия ответа {{authority.name}}{{#if evidence}}\n- материалы, подтверждающие доводы жалобы{{/if}}" },
      { key: "signature", text: "{{applicant.name}} ____________\nДата: {{today}}" },
    ],
  },
  {
    kind: "claim",
    locale: "ru",
    title: "Исковое заявление об оспаривании отказа в проведении мирного собрания",
    sections: [
      { key: "header", align: "right", text: `В {{court.name}}\nИстец: ${RU_PARTIES}\nОтветчик: {{authority.name}}, {{authority.city}}` },
      {
        key: "facts",
        heading: "Обстоятельства дела",
        free: true,
        text: `{{case.filedOn}} истец подал в {{authority.name}} {{#if case.isApproval}}заявление о согласовании{{else}}уведомление о проведении{{/if}} мирного собрания (рег. № {{case.registrationNumber}}). Цель собрания: {{case.purpose}}.
{{parts}}
{{refusal.date}} ответчик отказал в проведении собрания (исх. № {{refusal.number}}), указав:
> «{{refusal.reason}}»{{#if complaint.ruled}}
Административная жалоба, поданная в {{complaint.body}}, не удовлетворена.{{/if}}`,
      },
      { key: "grounds", heading: "Основания отказа и применимые стандарты", text: "{{grounds}}" },
      { key: "arguments", heading: "Правовое обоснование", free: true, text: RU_ARGUMENTS },
      {
        key: "relief",
        heading: "Прошу суд",
        free: true,
        text: `- признать незаконным и отменить решение {{authority.name}} от {{refusal.date}} об отказе в проведении мирного собрания;
- обязать ответчика устранить допущенное нарушение прав истца.`,
      },
      { key: "deadline", text: "Иск подан в срок, установленный статьёй 136 Административного процедурно-процессуального кодекса Республики Казахстан: не позднее {{deadline.date}}" },
      { key: "annexes", heading: "Приложения", free: true, text: "- копия {{#if case.isApproval}}заявления{{else}}уведомления{{/if}}\n- копия отказа {{authority.name}}{{#if complaint.ruled}}\n- копия решения по административной жалобе{{/if}}\n- квитанция об оплате государственной пошлины" },
      { key: "signature", text: "{{applicant.name}} ____________\nДата: {{today}}" },
    ],
  },
  {
    kind: "appeal",
    locale: "ru",
    title: "Апелляционная жалоба",
    sections: [
      { key: "header", align: "right", text: `В судебную коллегию по административным делам: {{appealCourt.name}}\nчерез {{court.name}}\nИстец (апеллянт): ${RU_PARTIES}\nОтветчик: {{authority.name}}` },
      {
        key: "facts",
        heading: "Обжалуемое решение",
        free: true,
        text: `Решением {{court.name}} от {{ruling.date}} по делу № {{ruling.caseNumber}} иск об оспаривании отказа {{authority.name}} в проведении мирного собрания оставлен без удовлетворения ({{ruling.outcome}}).
{{#if ruling.summary}}> {{ruling.summary}}{{/if}}
С решением не согласны: суд не проверил, предусмотрено ли ограничение законом, преследует ли оно законную цель и является ли необходимым и соразмерным.`,
      },
      { key: "grounds", heading: "Основания отказа и применимые стандарты", text: "{{grounds}}" },
      { key: "arguments", heading: "Доводы апелляционной жалобы", free: true, text: RU_ARGUMENTS },
      {
        key: "relief",
        heading: "Прошу",
        free: true,
        text: "- отменить решение {{court.name}} от {{ruling.date}} и вынести новое решение об удовлетворении иска.",
      },
      { key: "deadline", text: "Жалоба подана в срок, установленный статьёй 161 Административного процедурно-процессуального кодекса Республики Казахстан: не позднее {{deadline.date}}" },
      { key: "annexes", heading: "Приложения", free: true, text: "- копия решения суда первой инстанции\n- квитанция об оплате государственной пошлины" },
      { key: "signature", text: "{{applicant.name}} ____________\nДата: {{today}}" },
    ],
  },
];

// ───────────────────────────── Kazakh

const KK_ARGUMENTS = `Бейбіт жиналыстар құқығына Қазақстан Республикасы Конституциясының 32-бабы және Азаматтық және саяси құқықтар туралы халықаралық пакттің 21-бабы кепілдік береді. Шектеу заңда көзделген, заңды мақсатты көздейтін және демократиялық қоғамда қажетті әрі мөлшерлес болған жағдайда ғана жол беріледі; дәлелдеу міндеті жиналыстан бас тартқан органға жүктеледі.
{{#if ground.security_threat}}Қауіпсіздікке немесе қоғамдық тәртіпке қатер туралы сілтеме нақты фактілермен расталмаған. Қоғамдық тәртіпке және үшінші тұлғалардың наразылығына жалпы сілтемелер жеткіліксіз: мемлекет жиналысқа тыйым салмай, қатысушыларды қорғауға міндетті (БҰҰ Адам құқықтары жөніндегі комитетінің № 37 жалпы ескертуі, 43–44, 52-тармақтар).{{/if}}
{{#if ground.unlawful_goals}}Жиналыстың мақсаттары заңды; орган қай мақсат заңға қайшы екенін көрсетпеген.{{/if}}
{{#if ground.place_taken}}Орынның басқа іс-шарамен бос еместігі өздігінен бас тарту негізі емес: мүмкіндігінше екі жиналыс та қамтамасыз етілуге тиіс (ЕҚЫҰ/ДИАҚБ және Венеция комиссиясының бейбіт жиналыстар бостандығы туралы басшылық қағидаттары).{{/if}}
{{#if ground.works}}Жиналыс орнында жұмыстар жүргізілетіні расталмаған; орган жұмыстардың жиналысты дәл мәлімделген уақытта мүмкін етпейтінін көрсетпеген.{{/if}}
{{#if ground.not_designated_place}}Жиналыс өз аудиториясының көзі мен құлағы жететін жерде өтуге тиіс; орындарға жалпы тыйым салу мөлшерлес емес.{{/if}}
{{#if ground.late_filing}}Беру мерзімдері сақталған; хабарлама тәртібі рұқсат беру тәртібіне айналмауға тиіс (№ 37 жалпы ескерту, 70-тармақ).{{/if}}
{{#if ground.incomplete_application}}Өтініште заң талап ететін барлық мәліметтер бар; кемшіліктер болса, оларды бас тартусыз жоюға болатын еді.{{/if}}
{{#if ground.no_reason}}Бас тарту дәлелденбеген, бұл шектеуді жазбаша негіздеу талабын бұзады.{{/if}}
{{#if refusal.cites61NP}}Қазақстан Республикасы Конституциялық Сотының 2025 жылғы 20 қаңтардағы № 61-НҚ нормативтік қаулысына сәйкес, орынның бос еместігі немесе жұмыстар себебінен бас тартпас бұрын әкімдік ұйымдастырушыларға басқа орын немесе уақыт ұсынуға міндетті. Бізге балама ұсынылмады, сондықтан бас тарту Конституцияға қайшы.{{/if}}
{{#if evidence}}Бас тартуда көрсетілген негізді мыналар жоққа шығарады:
{{evidence}}{{/if}}`;

const KK_PARTIES = `{{organizers}}
{{applicants}}`;

const KK: FilingTemplateSeed[] = [
  {
    kind: "notification",
    locale: "kk",
    title: "{{#if case.isApproval}}Бейбіт жиналыс өткізуді келісуге арналған өтініш{{else}}Бейбіт жиналыс өткізу туралы хабарлама{{/if}}",
    sections: [
      { key: "header", align: "right", text: `{{authority.name}}\nкімнен: ${KK_PARTIES}` },
      {
        key: "body",
        free: true,
        text: `«Қазақстан Республикасында бейбіт жиналыстарды ұйымдастыру және өткізу тәртібі туралы» 2020 жылғы 25 мамырдағы № 333-VI Қазақстан Республикасының Заңына сәйкес бейбіт жиналыс {{#if case.isApproval}}өткізуді келісуді сұраймыз{{else}}өткізетінімізді хабарлаймыз{{/if}}.
Жиналыстың мақсаты: {{case.purpose}}.
{{parts}}
Қатысушылардың күтілетін саны: {{assembly.participants}}.
Пайдаланылатын құралдар: {{assembly.equipment}}.
Ұйымдастырушылар жиналыстың бейбіт сипатын және қоғамдық тәртіптің сақталуын қамтамасыз етуге міндеттенеді.`,
      },
      { key: "deadline", text: "Заңның 10-бабында белгіленген мерзімде берілді: {{deadline.date}} кешіктірмей." },
      { key: "annexes", heading: "Қосымшалар", free: true, text: "- ұйымдастырушылардың жеке басын куәландыратын құжаттардың көшірмелері" },
      { key: "signature", text: "{{applicant.name}} ____________\nКүні: {{today}}" },
    ],
  },
  {
    kind: "complaint",
    locale: "kk",
    title: "Бейбіт жиналыс өткізуден бас тартуға әкімшілік шағым",
    sections: [
      { key: "header", align: "right", text: `Жоғары тұрған органға: {{complaint.body}}\nкімнен: ${KK_PARTIES}\nШешімге: {{authority.name}}` },
      {
        key: "facts",
        heading: "Мән-жайлар",
        free: true,
        text: `{{case.filedOn}} біз {{authority.name}} органына бейбіт жиналыс {{#if case.isApproval}}өткізуді келісуге арналған өтініш{{else}}өткізу туралы хабарлама{{/if}} бердік (тіркеу № {{case.registrationNumber}}). Жиналыстың мақсаты: {{case.purpose}}.
{{parts}}
{{refusal.date}} {{authority.name}} жиналыс өткізуден бас тартты (шығ. № {{refusal.number}}) және былай көрсетті:
> «{{refusal.reason}}»`,
      },
      { key: "grounds", heading: "Бас тарту негіздері және қолданылатын стандарттар", text: "{{grounds}}" },
      { key: "arguments", heading: "Дәлелдер", free: true, text: KK_ARGUMENTS },
      {
        key: "relief",
        heading: "Сұраймын",
        free: true,
        text: `- {{authority.name}} органының {{refusal.date}} бас тартуын заңсыз деп тану және оның күшін жою;
- {{authority.name}} органын жиналысты мәлімделген орында және уақытта өткізуді қамтамасыз етуге не тең бағалы балама ұсынуға міндеттеу.`,
      },
      { key: "deadline", text: "Шағым Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 91-бабында белгіленген мерзімде берілді: {{deadline.date}} кешіктірмей." },
      { key: "annexes", heading: "Қосымшалар", free: true, text: "- {{#if case.isApproval}}өтініштің{{else}}хабарламаның{{/if}} көшірмесі\n- {{authority.name}} жауабының көшірмесі{{#if evidence}}\n- шағымның дәлелдерін растайтын материалдар{{/if}}" },
      { key: "signature", text: "{{applicant.name}} ____________\nКүні: {{today}}" },
    ],
  },
  {
    kind: "claim",
    locale: "kk",
    title: "Бейбіт жиналыс өткізуден бас тартуды даулау туралы талап арыз",
    sections: [
      { key: "header", align: "right", text: `{{court.name}}\nТалапкер: ${KK_PARTIES}\nЖауапкер: {{authority.name}}, {{authority.city}}` },
      {
        key: "facts",
        heading: "Істің мән-жайлары",
        free: true,
        text: `{{case.filedOn}} талапкер {{authority.name}} органына бейбіт жиналыс {{#if case.isApproval}}өткізуді келісуге арналған өтініш{{else}}өткізу туралы хабарлама{{/if}} берді (тіркеу № {{case.registrationNumber}}). Жиналыстың мақсаты: {{case.purpose}}.
{{parts}}
{{refusal.date}} жауапкер жиналыс өткізуден бас тартты (шығ. № {{refusal.number}}) және былай көрсетті:
> «{{refusal.reason}}»{{#if complaint.ruled}}
{{complaint.body}} органына берілген әкімшілік шағым қанағаттандырылмады.{{/if}}`,
      },
      { key: "grounds", heading: "Бас тарту негіздері және қолданылатын стандарттар", text: "{{grounds}}" },
      { key: "arguments", heading: "Құқықтық негіздеме", free: true, text: KK_ARGUMENTS },
      {
        key: "relief",
        heading: "Соттан сұраймын",
        free: true,
        text: `- {{authority.name}} органының {{refusal.date}} бейбіт жиналыс өткізуден бас тарту туралы шешімін заңсыз деп тану және оның күшін жою;
- жауапкерді талапкер құқықтарының бұзылуын жоюға міндеттеу.`,
      },
      { key: "deadline", text: "Талап арыз Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 136-бабында белгіленген мерзімде берілді: {{deadline.date}} кешіктірмей." },
      { key: "annexes", heading: "Қосымшалар", free: true, text: "- {{#if case.isApproval}}өтініштің{{else}}хабарламаның{{/if}} көшірмесі\n- {{authority.name}} бас тартуының көшірмесі{{#if complaint.ruled}}\n- әкімшілік шағым бойынша шешімнің көшірмесі{{/if}}\n- мемлекеттік баж төленгені туралы түбіртек" },
      { key: "signature", text: "{{applicant.name}} ____________\nКүні: {{today}}" },
    ],
  },
  {
    kind: "appeal",
    locale: "kk",
    title: "Апелляциялық шағым",
    sections: [
      { key: "header", align: "right", text: `Әкімшілік істер жөніндегі сот алқасына: {{appealCourt.name}}\n{{court.name}} арқылы\nТалапкер (апеллянт): ${KK_PARTIES}\nЖауапкер: {{authority.name}}` },
      {
        key: "facts",
        heading: "Шағымданылатын шешім",
        free: true,
        text: `{{court.name}} {{ruling.date}} № {{ruling.caseNumber}} іс бойынша шешімімен {{authority.name}} органының бейбіт жиналыс өткізуден бас тартуын даулау туралы талап қанағаттандырусыз қалдырылды ({{ruling.outcome}}).
{{#if ruling.summary}}> {{ruling.summary}}{{/if}}
Шешіммен келіспейміз: сот шектеудің заңда көзделгенін, заңды мақсатты көздейтінін және қажетті әрі мөлшерлес екенін тексермеді.`,
      },
      { key: "grounds", heading: "Бас тарту негіздері және қолданылатын стандарттар", text: "{{grounds}}" },
      { key: "arguments", heading: "Апелляциялық шағымның дәлелдері", free: true, text: KK_ARGUMENTS },
      { key: "relief", heading: "Сұраймын", free: true, text: "- {{court.name}} {{ruling.date}} шешімінің күшін жойып, талапты қанағаттандыру туралы жаңа шешім шығару." },
      { key: "deadline", text: "Шағым Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 161-бабында белгіленген мерзімде берілді: {{deadline.date}} кешіктірмей." },
      { key: "annexes", heading: "Қосымшалар", free: true, text: "- бірінші сатыдағы сот шешімінің көшірмесі\n- мемлекеттік баж төленгені туралы түбіртек" },
      { key: "signature", text: "{{applicant.name}} ____________\nКүні: {{today}}" },
    ],
  },
];

// ───────────────────────────── English (international submissions)

const EN_ARGUMENTS = `The right of peaceful assembly is guaranteed by Article 32 of the Constitution of the Republic of Kazakhstan and Article 21 of the International Covenant on Civil and Political Rights. A restriction is permissible only if it is provided by law, pursues a legitimate aim and is necessary and proportionate in a democratic society; the burden of proof lies with the authority that refused.
{{#if ground.security_threat}}The reference to a threat to security or public order is not supported by any specific facts. General references to public order or to the hostility of others do not suffice: the State must protect the participants rather than prohibit the assembly (UN Human Rights Committee, General Comment No. 37, paras. 43–44, 52).{{/if}}
{{#if ground.unlawful_goals}}The aims of the assembly are lawful; the authority did not say which aim is unlawful.{{/if}}
{{#if ground.place_taken}}That another event was booked for the place is not in itself a reason to refuse: both assemblies should be facilitated where possible (OSCE/ODIHR–Venice Commission Guidelines on Freedom of Peaceful Assembly).{{/if}}
{{#if ground.works}}The works at the place are not shown to exist, nor to make the assembly impossible at the time notified.{{/if}}
{{#if ground.not_designated_place}}Assemblies should be facilitated within sight and sound of their audience; blanket restrictions on places are disproportionate.{{/if}}
{{#if ground.late_filing}}The time limits were met; a notification regime must not work as an authorization regime (General Comment No. 37, para. 70).{{/if}}
{{#if ground.incomplete_application}}The application contains everything the law requires; any defect could have been cured without a refusal.{{/if}}
{{#if ground.no_reason}}The refusal gives no reasons, which in itself breaches the duty to justify a restriction in writing.{{/if}}
{{#if refusal.cites61NP}}Under normative resolution No. 61-NP of the Constitutional Court of Kazakhstan of 20 January 2025, before refusing because the place is booked or because of works, the akimat must offer the organizers another place or time. No alternative was offered, so the refusal is unconstitutional.{{/if}}
{{#if evidence}}The stated reason is contradicted by the following:
{{evidence}}{{/if}}`;

const EN_PARTIES = `{{organizers}}
{{applicants}}`;

const EN: FilingTemplateSeed[] = [
  {
    kind: "notification",
    locale: "en",
    title: "{{#if case.isApproval}}Application for approval of a peaceful assembly{{else}}Notification of a peaceful assembly{{/if}}",
    sections: [
      { key: "header", align: "right", text: `To: {{authority.name}}\nFrom: ${EN_PARTIES}` },
      {
        key: "body",
        free: true,
        text: `Under Law No. 333-VI of 25 May 2020 on the organization and holding of peaceful assemblies, we {{#if case.isApproval}}ask for approval of{{else}}give notice of{{/if}} a peaceful assembly.
Purpose: {{case.purpose}}.
{{parts}}
Expected participants: {{assembly.participants}}.
Equipment: {{assembly.equipment}}.
The organizers undertake to keep the assembly peaceful and to respect public order.`,
      },
      { key: "deadline", text: "Filed within the time limit ({{deadline.basis}}): no later than {{deadline.date}}." },
      { key: "annexes", heading: "Annexes", free: true, text: "- copies of the organizers' identity documents" },
      { key: "signature", text: "{{applicant.name}} ____________\nDate: {{today}}" },
    ],
  },
  {
    kind: "complaint",
    locale: "en",
    title: "Administrative complaint against the refusal of a peaceful assembly",
    sections: [
      { key: "header", align: "right", text: `To the higher body: {{complaint.body}}\nFrom: ${EN_PARTIES}\nAgainst the decision of: {{authority.name}}` },
      {
        key: "facts",
        heading: "Facts",
        free: true,
        text: `On {{case.filedOn}} we filed with {{authority.name}} {{#if case.isApproval}}an application for approval of{{else}}a notification of{{/if}} a peaceful assembly (registration No. {{case.registrationNumber}}). Purpose: {{case.purpose}}.
{{parts}}
On {{refusal.date}} {{authority.name}} refused the assembly (ref. No. {{refusal.number}}), stating:
> “{{refusal.reason}}”`,
      },
      { key: "grounds", heading: "The grounds of the refusal and the standards that answer them", text: "{{grounds}}" },
      { key: "arguments", heading: "Arguments", free: true, text: EN_ARGUMENTS },
      {
        key: "relief",
        heading: "We ask",
        free: true,
        text: `- that the refusal of {{authority.name}} of {{refusal.date}} be declared unlawful and set aside;
- that {{authority.name}} be ordered to facilitate the assembly at the place and time notified, or to offer an alternative of equal value.`,
      },
      { key: "deadline", text: "This complaint is filed within the time limit ({{deadline.basis}}): no later than {{deadline.date}}." },
      { key: "annexes", heading: "Annexes", free: true, text: "- a copy of the {{#if case.isApproval}}application{{else}}notification{{/if}}\n- a copy of the answer of {{authority.name}}{{#if evidence}}\n- the material supporting this complaint{{/if}}" },
      { key: "signature", text: "{{applicant.name}} ____________\nDate: {{today}}" },
    ],
  },
  {
    kind: "claim",
    locale: "en",
    title: "Statement of claim challenging the refusal of a peaceful assembly",
    sections: [
      { key: "header", align: "right", text: `To: {{court.name}}\nClaimant: ${EN_PARTIES}\nDefendant: {{authority.name}}, {{authority.city}}` },
      {
        key: "facts",
        heading: "Facts",
        free: true,
        text: `On {{case.filedOn}} the claimant filed with {{authority.name}} {{#if case.isApproval}}an application for approval of{{else}}a notification of{{/if}} a peaceful assembly (registration No. {{case.registrationNumber}}). Purpose: {{case.purpose}}.
{{parts}}
On {{refusal.date}} the defendant refused the assembly (ref. No. {{refusal.number}}), stating:
> “{{refusal.reason}}”{{#if complaint.ruled}}
The administrative complaint to {{complaint.body}} was dismissed.{{/if}}`,
      },
      { key: "grounds", heading: "The grounds of the refusal and the standards that answer them", text: "{{grounds}}" },
      { key: "arguments", heading: "Legal arguments", free: true, text: EN_ARGUMENTS },
      {
        key: "relief",
        heading: "The claimant asks the court",
        free: true,
        text: `- to declare unlawful and set aside the decision of {{authority.name}} of {{refusal.date}} refusing the peaceful assembly;
- to order the defendant to remedy the violation of the claimant's rights.`,
      },
      { key: "deadline", text: "This claim is filed within the time limit ({{deadline.basis}}): no later than {{deadline.date}}." },
      { key: "annexes", heading: "Annexes", free: true, text: "- a copy of the {{#if case.isApproval}}application{{else}}notification{{/if}}\n- a copy of the refusal of {{authority.name}}{{#if complaint.ruled}}\n- a copy of the decision on the administrative complaint{{/if}}\n- proof of payment of the court fee" },
      { key: "signature", text: "{{applicant.name}} ____________\nDate: {{today}}" },
    ],
  },
  {
    kind: "appeal",
    locale: "en",
    title: "Appeal",
    sections: [
      { key: "header", align: "right", text: `To the administrative chamber of: {{appealCourt.name}}\nthrough {{court.name}}\nClaimant (appellant): ${EN_PARTIES}\nDefendant: {{authority.name}}` },
      {
        key: "facts",
        heading: "The ruling appealed against",
        free: true,
        text: `By its ruling of {{ruling.date}} in case No. {{ruling.caseNumber}}, {{court.name}} dismissed the claim against the refusal of {{authority.name}} to allow a peaceful assembly ({{ruling.outcome}}).
{{#if ruling.summary}}> {{ruling.summary}}{{/if}}
We disagree: the court did not examine whether the restriction was provided by law, pursued a legitimate aim, and was necessary and proportionate.`,
      },
      { key: "grounds", heading: "The grounds of the refusal and the standards that answer them", text: "{{grounds}}" },
      { key: "arguments", heading: "Grounds of appeal", free: true, text: EN_ARGUMENTS },
      { key: "relief", heading: "We ask", free: true, text: "- that the ruling of {{court.name}} of {{ruling.date}} be set aside and a new ruling granting the claim be given." },
      { key: "deadline", text: "This appeal is filed within the time limit ({{deadline.basis}}): no later than {{deadline.date}}." },
      { key: "annexes", heading: "Annexes", free: true, text: "- a copy of the first-instance ruling\n- proof of payment of the court fee" },
      { key: "signature", text: "{{applicant.name}} ____________\nDate: {{today}}" },
    ],
  },
];

export const FILING_TEMPLATES: readonly FilingTemplateSeed[] = [...RU, ...KK, ...EN];
