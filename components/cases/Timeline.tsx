import { useTranslations } from "next-intl";
import { DateText } from "@/components/ui/DateText";
import type { CaseData } from "@/lib/data/cases";
import { buildTimeline, type TimelineEntry } from "./timeline";

export function Timeline({ data }: { data: CaseData }) {
  const t = useTranslations("cases.timeline");
  const tv = useTranslations("vocab");
  const label = (key: string, value: string) => (tv.has(`${key}.${value}`) ? tv(`${key}.${value}`) : value);
  const describe = (e: TimelineEntry): string => {
    switch (e.kind) {
      case "filed":
        return t("filed");
      case "answer":
        return t("answer", { outcome: label("partOutcome", e.outcome) });
      case "evidence":
        return t("evidence", { stance: label("stance", e.stance) });
      case "appeal_filed":
        return e.body ? t("appealFiledWith", { kind: label("appealKind", e.appealKind), body: e.body }) : t("appealFiled", { kind: label("appealKind", e.appealKind) });
      case "hearing":
        return t("hearing", { kind: label("appealKind", e.appealKind) });
      case "ruling":
        return t("ruling", { kind: label("appealKind", e.appealKind), outcome: label("rulingOutcome", e.outcome) });
      case "event":
        return label("eventKind", e.eventKind);
      case "incident":
        return `${label("incidentKind", e.incidentKind)}: ${e.title}`;
    }
  };
  const entries = buildTimeline(data);
  return (
    <section id="timeline" aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title" className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ol className="relative space-y-3 border-l-2 border-stone-200 pl-4 text-sm">
          {entries.map((e) => (
            <li key={`${e.kind}-${e.id}`} data-timeline={e.kind}>
              <span aria-hidden="true" className="absolute -left-[5px] mt-1.5 h-2 w-2 rounded-full bg-brand-600" />
              <div className="text-xs text-stone-600">
                <DateText value={e.date} precision={e.precision} />
              </div>
              <a href={`#${e.anchor}`} className="text-stone-900">
                {describe(e)}
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
