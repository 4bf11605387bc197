import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { appealYears, listAppealStages } from "@/lib/data/appeals";
import { PageHeader } from "@/components/ui/PageHeader";
import { Badge, outcomeTone } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { Pagination } from "@/components/ui/Pagination";
import { AppealFilters } from "@/components/appeals/AppealFilters";
import { localized } from "@/lib/i18n/localized";
import { Localized } from "@/components/i18n/Localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.list");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;
const KEYS = ["kind", "outcome", "year", "body"] as const;

export default async function AppealsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const filters = Object.fromEntries(KEYS.map((k) => [k, one(k)]).filter(([, v]) => v)) as Record<string, string>;
  const page = Math.max(1, Number.parseInt(one("page"), 10) || 1);
  const actor = await getActor();
  const [t, tv, locale, list, years] = await Promise.all([
    getTranslations("appeals.list"),
    getTranslations("vocab"),
    getLocale(),
    listAppealStages(actor, { ...filters, page }, (await getLocale()) as Locale),
    appealYears(actor),
  ]);
  return (
    <div>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <AppealFilters values={filters} years={years} />
      {list.rows.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {list.rows.map((s) => {
            const outcome = s.ruling?.outcome ?? "pending";
            const body = s.body ? localized(s.body, "name", locale) : s.bodyName;
            return (
              <li key={s.id} className="p-3 sm:p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/applications/${s.application.id}#appeal-${s.id}`} className="font-medium">
                    {tv.has(`appealKind.${s.kind}`) ? tv(`appealKind.${s.kind}`) : s.kind}: <Localized record={s.application} field="title" mark={false} />
                  </Link>
                  <Badge tone={outcomeTone(outcome)}>{tv.has(`rulingOutcome.${outcome}`) ? tv(`rulingOutcome.${outcome}`) : outcome}</Badge>
                </div>
                <p className="mt-1 text-sm text-stone-700">
                  {t("filed")} <DateText value={s.filedOn} precision={s.filedOnPrecision} />
                  {body ? ` · ${body}` : ""}
                  {s.caseNumber ? ` · ${s.caseNumber}` : ""}
                  {s.application.city ? ` · ${s.application.city}` : ""}
                  {s.ruling ? (
                    <>
                      {" · "}
                      {t("ruled")} <DateText value={s.ruling.decidedOn} precision={s.ruling.decidedOnPrecision} />
                    </>
                  ) : null}
                  {" · "}
                  {t("hearings", { count: s._count.hearings })}
                  {s.application.isPublic ? null : <> · <Badge>{t("private")}</Badge></>}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} params={filters} basePath="/appeals" />
    </div>
  );
}
