// The case page's incidents and reprisals linked to this application.
import Link from "next/link";
import { IncidentKindBadge } from "@/components/incidents/IncidentKindBadge";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { secondaryLink } from "@/components/ui/PageHeader";
import type { CaseData } from "@/lib/data/cases";
import { Documents } from "@/components/attachments/Documents";
import { Amount } from "./Amount";
import { SourceLinks } from "./SourceLinks";
import { Localized } from "@/components/i18n/Localized";

export function CaseIncidents({ data }: { data: CaseData }) {
  const t = useTranslations("incidents.case");
  return (
    <Card
      id="incidents"
      title={t("title")}
      actions={
        data.canOwnerEdit ? (
          <Link href={`/incidents/new?application=${encodeURIComponent(data.id)}&group=${encodeURIComponent(data.groupId)}`} className={secondaryLink}>
            {t("add")}
          </Link>
        ) : null
      }
    >
      {data.incidents.length === 0 ? (
        <p className="text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {data.incidents.map((i) => (
            <li key={i.id} className="text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <IncidentKindBadge kind={i.kind} />
                <Link href={`/incidents/${i.id}`} className="font-medium">
                  <Localized record={i} field="title" mark={false} />
                </Link>
                <SourceLinks citations={data.citations} recordId={i.id} />
              </p>
              <p className="mt-0.5 text-stone-700">
                <DateText value={i.occurredOn} precision={i.occurredOnPrecision} />
                {i.city ? ` · ${i.city}` : ""}
                {i.amount !== null ? (
                  <>
                    {" · "}
                    <Amount amount={i.amount} currency={i.currency} />
                  </>
                ) : null}
                {i.groups.length ? ` · ${i.groups.map((g) => g.group.name).join(", ")}` : ""}
              </p>
              {/* Attaching to an incident is for its own group's editors (it may be another group's). */}
              <Documents data={data} subjectType="incident" subjectId={i.id} canAttach={data.canOwnerEdit && i.groupId === data.groupId} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
