import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { ENTITY_NAMES } from "@/lib/data/export";
import { Card } from "@/components/ui/Card";
import { buttonLink, PageHeader } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("export");
  return { title: t("title") };
}

/** Members take their own group's records with them: one JSON document, or CSV per table. */
export default async function ExportPage() {
  const actor = await requirePageActor("/settings/export");
  const t = await getTranslations("export");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-6">
        {actor.memberships.length === 0 ? <p className="text-sm text-stone-600">{t("noGroups")}</p> : null}
        {actor.memberships.map((m) => {
          const base = `/api/v1/export?group=${encodeURIComponent(m.groupSlug)}`;
          return (
            <Card key={m.groupId} id={`export-${m.groupSlug}`} title={m.groupName}>
              <a href={base} download className={buttonLink}>
                {t("downloadJson")}
                <span className="sr-only"> — {m.groupName}</span>
              </a>
              <details className="mt-4 text-sm">
                <summary className="cursor-pointer">{t("csvTitle")}</summary>
                <ul className="mt-2 grid gap-1 sm:grid-cols-3">
                  {ENTITY_NAMES.map((e) => (
                    <li key={e}>
                      <a href={`${base}&format=csv&entity=${e}`} download>
                        {t(`entity.${e}`)}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            </Card>
          );
        })}
        <Card id="export-notes" title={t("notesTitle")}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
            <li>{t("noteScope")}</li>
            <li>{t("noteCredentials")}</li>
            <li>{t("noteCli")}</li>
          </ul>
          <p className="mt-3 text-sm">
            <Link href="/settings/tokens">{t("tokensLink")}</Link>
          </p>
        </Card>
      </div>
    </>
  );
}
