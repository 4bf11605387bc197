import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { writableGroups } from "@/lib/auth/access";
import { getDashboard } from "@/lib/data/dashboard";
import { PageHeader, buttonLink, secondaryLink } from "@/components/ui/PageHeader";
import { ChangesCard, DeadlinesCard, HearingsCard, StatusCard } from "@/components/dashboard/DashboardView";
import { ChangedSinceCard, MyStepsCard } from "@/components/dashboard/MyStepsCard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const actor = await requirePageActor("/dashboard");
  const [t, data] = await Promise.all([getTranslations("dashboard"), getDashboard(actor)]);
  const canWrite = writableGroups(actor).length > 0;
  return (
    <div>
      <PageHeader
        title={t("title")}
        subtitle={t("welcome", { name: actor.name })}
        actions={
          canWrite ? (
            <>
              <Link href="/applications/new" className={buttonLink}>
                {t("quick.newApplication")}
              </Link>
              <Link href="/incidents/new" className={secondaryLink}>
                {t("quick.newIncident")}
              </Link>
            </>
          ) : null
        }
      />
      {actor.memberships.length === 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("noGroup")}</p>
      ) : (
        <>
          <p className="-mt-4 mb-4 text-sm text-stone-600">{t("groups", { groups: actor.memberships.map((m) => m.groupName).join(", ") })}</p>
          <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="space-y-4">
              <MyStepsCard data={data} />
              <DeadlinesCard data={data} />
              <StatusCard data={data} />
            </div>
            <div className="space-y-4">
              <ChangedSinceCard data={data} />
              <HearingsCard data={data} />
              <ChangesCard data={data} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
