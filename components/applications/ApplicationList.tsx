"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, outcomeTone } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import type { ApplicationListItem } from "@/lib/data/applications";

/**
 * What a row shows, already in the page's language (the page is rendered per locale): the
 * page passes only this across to the browser, and leaves out what is empty or the default.
 */
export type ApplicationRow = Pick<ApplicationListItem, "id" | "status" | "outcome" | "city" | "filedOn" | "requestCount"> & {
  title: string;
  forms: string[];
  authority: string | null;
  organizers: string[];
  /** Omitted when "day". */
  filedOnPrecision?: ApplicationListItem["filedOnPrecision"];
  filedBefore?: string | null;
  /** Omitted when public. */
  isPublic?: false;
  /** Someone else changed it since the member last opened it. */
  changed?: true;
};

export function ApplicationList({ items }: { items: ApplicationRow[] }) {
  const t = useTranslations("applications.list");
  const tv = useTranslations("vocab");
  const tc = useTranslations("common");
  const ts = useTranslations("steps.dashboard");
  if (items.length === 0) return <p className="rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("empty")}</p>;
  return (
    <ul className="space-y-3" aria-label={t("results")}>
      {items.map((a) => {
        return (
          // Short classes (app/globals.css, .lc-*): twenty rows repeated the same utilities.
          <li key={a.id} className="list-card" data-application={a.id}>
            <div className="lc-head">
              <h2 className="lc-title">
                {/* Not prefetched: twenty case pages' payloads (~50 KB each) on every view of the list
                    cost a phone on a slow connection, and the server twenty uncached renders. */}
                <Link href={`/applications/${a.id}`} prefetch={false}>
                  {a.title}
                </Link>
              </h2>
              <div className="lc-badges">
                {a.changed ? (
                  <span data-changed-mark>
                    <Badge tone="amber">{ts("changed")}</Badge>
                  </span>
                ) : null}
                <Badge tone="blue">{tv(`status.${a.status}`)}</Badge>
                <Badge tone={outcomeTone(a.outcome)}>{tv.has(`partOutcome.${a.outcome}`) ? tv(`partOutcome.${a.outcome}`) : a.outcome}</Badge>
                {a.isPublic === false ? <Badge>{tc("private")}</Badge> : null}
              </div>
            </div>
            <p className="lc-what">{[a.forms.map((f) => (tv.has(`form.${f}`) ? tv(`form.${f}`) : f)).join(" + "), a.city, a.authority].filter(Boolean).join(" · ")}</p>
            <p className="lc-meta">
              <span>
                {t("filed")}: <DateText value={a.filedOn} precision={a.filedOnPrecision ?? "day"} />
                {a.filedBefore ? (
                  <>
                    {" – "}
                    <DateText value={a.filedBefore} precision={a.filedOnPrecision ?? "day"} />
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
