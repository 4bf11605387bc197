"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge, outcomeTone } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import type { ApplicationListItem } from "@/lib/data/applications";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";
import { Localized } from "@/components/i18n/Localized";

/** What a row shows: the page passes only this across to the browser. */
export type ApplicationRow = Pick<ApplicationListItem, "id" | "title" | "titleRu" | "titleKk" | "status" | "outcome" | "isPublic" | "city" | "filedOn" | "filedOnPrecision" | "filedBefore" | "requestCount"> & {
  forms: string[];
  authority: { name: string; nameRu: string | null } | null;
  organizers: string[];
  /** Someone else changed it since the member last opened it. */
  changed?: boolean;
};

export function ApplicationList({ items }: { items: ApplicationRow[] }) {
  const t = useTranslations("applications.list");
  const tv = useTranslations("vocab");
  const tc = useTranslations("common");
  const ts = useTranslations("steps.dashboard");
  const locale = useLocale() as Locale;
  if (items.length === 0) return <p className="rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("empty")}</p>;
  return (
    <ul className="space-y-3" aria-label={t("results")}>
      {items.map((a) => {
        return (
          <li key={a.id} className="list-card" data-application={a.id}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-base font-semibold">
                {/* Not prefetched: twenty case pages' payloads (~50 KB each) on every view of the list
                    cost a phone on a slow connection, and the server twenty uncached renders. */}
                <Link href={`/applications/${a.id}`} prefetch={false}>
                  <Localized record={a} field="title" mark={false} />
                </Link>
              </h2>
              <div className="flex flex-wrap gap-1">
                {a.changed ? (
                  <span data-changed-mark>
                    <Badge tone="amber">{ts("changed")}</Badge>
                  </span>
                ) : null}
                <Badge tone="blue">{tv(`status.${a.status}`)}</Badge>
                <Badge tone={outcomeTone(a.outcome)}>{tv.has(`partOutcome.${a.outcome}`) ? tv(`partOutcome.${a.outcome}`) : a.outcome}</Badge>
                {a.isPublic ? null : <Badge>{tc("private")}</Badge>}
              </div>
            </div>
            <p className="mt-1 text-sm text-stone-700">
              {a.forms.map((f) => (tv.has(`form.${f}`) ? tv(`form.${f}`) : f)).join(" + ")}
              {a.city ? ` · ${a.city}` : ""}
              {a.authority ? ` · ${localized(a.authority, "name", locale)}` : ""}
            </p>
            <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-stone-600">
              <span>
                {t("filed")}: <DateText value={a.filedOn} precision={a.filedOnPrecision} />
                {a.filedBefore ? (
                  <>
                    {" – "}
                    <DateText value={a.filedBefore} precision={a.filedOnPrecision} />
                  </>
                ) : null}
              </span>
              {a.requestCount > 1 ? <strong className="text-stone-800">{t("requests", { count: a.requestCount })}</strong> : null}
              {a.organizers.length ? <span>{a.organizers.join(", ")}</span> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
