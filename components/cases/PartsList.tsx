// What was asked, part by part, each with its own outcome.
import { useTranslations } from "next-intl";
import { Badge, Card, outcomeTone } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import type { CaseData } from "@/lib/data/cases";
import { CitationLinks } from "./CitationLinks";
import { Localized } from "@/components/i18n/Localized";

export function PartsList({ data }: { data: CaseData }) {
  const t = useTranslations("cases.parts");
  const tv = useTranslations("vocab");
  if (data.parts.length === 0) return null;
  return (
    <Card id="parts" title={tv("section.parts")}>
      <ol className="space-y-3">
        {data.parts.map((p) => (
          <li key={p.id} id={`part-${p.id}`} className="rounded-md border border-stone-200 p-3" data-part={p.form}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold">
                {tv.has(`form.${p.form}`) ? tv(`form.${p.form}`) : p.form}
                <CitationLinks citations={data.citations} recordId={p.id} />
              </h3>
              <Badge tone={outcomeTone(p.outcome)}>{tv.has(`partOutcome.${p.outcome}`) ? tv(`partOutcome.${p.outcome}`) : p.outcome}</Badge>
            </div>
            <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
              {p.place ? (
                <div>
                  <dt className="inline text-stone-600">{t("place")}: </dt>
                  <dd className="inline">
                    <Localized record={p} field="place" />
                  </dd>
                </div>
              ) : null}
              {p.route ? (
                <div className="sm:col-span-2">
                  <dt className="inline text-stone-600">{t("route")}: </dt>
                  <dd className="inline">
                    <Localized record={p} field="route" />
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="inline text-stone-600">{t("when")}: </dt>
                <dd className="inline">
                  <DateText value={p.eventDate} precision={p.eventDatePrecision} />
                  {p.startTime ? ` ${p.startTime}` : ""}
                  {p.endTime ? `–${p.endTime}` : ""}
                </dd>
              </div>
              {p.expectedParticipants !== null ? (
                <div>
                  <dt className="inline text-stone-600">{t("participants")}: </dt>
                  <dd className="inline">{p.expectedParticipants}</dd>
                </div>
              ) : null}
              {p.equipment ? (
                <div>
                  <dt className="inline text-stone-600">{t("equipment")}: </dt>
                  <dd className="inline">
                    {p.equipment
                      .split(",")
                      .filter(Boolean)
                      .map((e) => (tv.has(`equipment.${e}`) ? tv(`equipment.${e}`) : e))
                      .join(", ")}
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
    </Card>
  );
}
