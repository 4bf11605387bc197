import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { listSources } from "@/lib/data/sources";
import { PageHeader } from "@/components/ui/PageHeader";
import { DateText } from "@/components/ui/DateText";
import { Localized } from "@/components/i18n/Localized";

export async function generateMetadata() {
  return { title: (await getTranslations("sources"))("title") };
}

export default async function SourcesPage() {
  const [t, actor] = await Promise.all([getTranslations("sources"), getActor()]);
  const sources = await listSources(actor);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {sources.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {sources.map((s) => (
            <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <Link href={`/sources/${s.slug}`} className="font-medium">
                <Localized record={s} field="title" />
              </Link>
              <p className="mt-1 text-sm text-stone-600">
                {s.publisher ? `${s.publisher} · ` : ""}
                <DateText value={s.publishedOn} precision={s.publishedOnPrecision} /> · {t("citationCount", { count: s._count.citations })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
