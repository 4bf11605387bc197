// The case page's "what happened": the assembly held or not, meetings with officials, the
// pressure to withdraw and the reason officials gave out loud.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, Card } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { secondaryLink } from "@/components/ui/PageHeader";
import { SourceLinks } from "@/components/incidents/SourceLinks";
import type { CaseData } from "@/lib/data/cases";
import { Documents } from "@/components/attachments/Documents";
import { Localized } from "@/components/i18n/Localized";

export function EventsSection({ data }: { data: CaseData }) {
  const t = useTranslations("events.section");
  const tv = useTranslations("vocab.eventKind");
  return (
    <Card
      id="events"
      title={t("title")}
      actions={
        data.canEdit ? (
          <Link href={`/applications/${data.id}/events/new`} className={secondaryLink}>
            {t("add")}
          </Link>
        ) : null
      }
    >
      {data.events.length === 0 ? (
        <p className="text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-stone-200 pl-3">
          {data.events.map((e) => (
            <li key={e.id} id={`event-${e.id}`} className="text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">
                  <DateText value={e.occurredOn} precision={e.occurredOnPrecision} />
                </span>
                <Badge tone={e.kind === "pressure_withdraw" ? "red" : e.kind === "held" ? "green" : "stone"}>{tv.has(e.kind) ? tv(e.kind) : e.kind}</Badge>
                {e.participants !== null ? <span className="text-stone-700">{t("participants", { count: e.participants })}</span> : null}
                <SourceLinks citations={data.citations} recordId={e.id} />
                {data.canEdit ? (
                  <Link href={`/applications/${data.id}/events/${e.id}/edit`} className="ml-auto">
                    {t("edit")}
                  </Link>
                ) : null}
              </p>
              {e.description ? (
                <p className="mt-1 whitespace-pre-wrap break-words">
                  <Localized record={e} field="description" />
                </p>
              ) : null}
              {e.statedReason ? (
                <blockquote className="mt-1 border-l-2 border-red-300 pl-2 italic text-stone-800">
                  <span className="not-italic text-xs text-stone-600">{t("statedReason")}: </span>“{e.statedReason}”
                </blockquote>
              ) : null}
              <Documents data={data} subjectType="event" subjectId={e.id} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
