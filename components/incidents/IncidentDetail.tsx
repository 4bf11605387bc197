// One incident: what, when, where, how much, who did it; whom and what it concerns; and the
// sentences in the sources it rests on.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, Card } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import type { IncidentDetail as Detail } from "@/lib/data/incidents";
import { Amount } from "./Amount";
import { Localized } from "@/components/i18n/Localized";

export function IncidentDetail({ incident }: { incident: Detail }) {
  const t = useTranslations("incidents.detail");
  const tc = useTranslations("common");
  const ts = useTranslations("vocab.status");
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="break-words">{value === "" || value === null ? "—" : value}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          {row(t("date"), <DateText value={incident.occurredOn} precision={incident.occurredOnPrecision} />)}
          {row(t("city"), incident.city)}
          {row(t("place"), incident.place ? <Localized record={incident} field="place" /> : "")}
          {incident.amount !== null ? row(t("amount"), <Amount amount={incident.amount} currency={incident.currency} />) : null}
          {row(t("perpetrator"), incident.perpetrator)}
          {row(t("recordedBy"), <>{incident.group.name} {incident.isPublic ? <Badge tone="green">{tc("public")}</Badge> : <Badge>{tc("private")}</Badge>}</>)}
        </dl>
        {incident.description ? (
          <p className="mt-3 whitespace-pre-wrap break-words text-sm">
            <Localized record={incident} field="description" />
          </p>
        ) : null}
      </Card>

      <div className="grid gap-4 md:grid-cols-3">
        <Card title={t("people")}>
          {incident.people.length === 0 && incident.hiddenPeople === 0 ? <p className="text-sm text-stone-600">{tc("none")}</p> : null}
          <ul className="space-y-1 text-sm">
            {incident.people.map((p) => (
              <li key={p.id}>
                {p.fullName}
                {p.roleTitle ? (
                  <span className="text-stone-600">
                    {" "}
                    · <Localized record={p} field="roleTitle" mark={false} />
                  </span>
                ) : null}
                {p.isPublic ? null : <> <Badge>{tc("private")}</Badge></>}
              </li>
            ))}
          </ul>
          {incident.hiddenPeople > 0 ? <p className="mt-1 text-xs text-stone-600">{t("hiddenPeople", { count: incident.hiddenPeople })}</p> : null}
        </Card>
        <Card title={t("groups")}>
          {incident.groups.length === 0 ? <p className="text-sm text-stone-600">{tc("none")}</p> : null}
          <ul className="space-y-1 text-sm">
            {incident.groups.map((g) => (
              <li key={g.id}>
                <Link href={`/incidents?group=${encodeURIComponent(g.id)}`}>{g.name}</Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("applications")}>
          {incident.applications.length === 0 ? <p className="text-sm text-stone-600">{t("noApplications")}</p> : null}
          <ul className="space-y-1 text-sm">
            {incident.applications.map((a) => (
              <li key={a.id}>
                <Link href={`/applications/${a.id}`}>{a.title}</Link>
                <span className="text-stone-600">
                  {" · "}
                  <DateText value={a.filedOn} precision={a.filedOnPrecision} /> · {ts.has(a.status) ? ts(a.status) : a.status}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <Card title={t("sources")}>
        {incident.citations.length === 0 ? (
          <p className="text-sm text-stone-600">{t("noSources")}</p>
        ) : (
          <ul className="space-y-3 text-sm">
            {incident.citations.map((c) => (
              <li key={c.id}>
                <blockquote className="border-l-2 border-stone-300 pl-3">
                  <a href={`/sources/${c.source.slug}#c-${c.id}`} className="text-stone-800 no-underline hover:underline">
                    “{c.quote}”
                  </a>
                </blockquote>
                <p className="mt-1 text-xs text-stone-600">
                  <a href={`/sources/${c.source.slug}`}>{c.source.title}</a>
                  {c.source.publisher ? ` · ${c.source.publisher}` : ""}
                  {c.source.publishedOn ? (
                    <>
                      {" · "}
                      <DateText value={c.source.publishedOn} precision={c.source.publishedOnPrecision} />
                    </>
                  ) : null}
                  {c.note ? <> · <Localized record={c} field="note" mark={false} /></> : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
