import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { applicationFormOptions } from "@/lib/data/applications";
import { loadClock } from "@/lib/data/rules";
import { createApplicationAction } from "@/lib/actions/applications";
import { ApplicationForm } from "@/components/applications/ApplicationForm";
import { toClockData } from "@/components/applications/clock";
import { emptyApplication } from "@/components/applications/values";
import { PageHeader } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications.new");
  return { title: t("title") };
}

export default async function NewApplicationPage() {
  const actor = await requirePageActor("/applications/new");
  const [t, options, clock] = await Promise.all([getTranslations("applications.new"), applicationFormOptions(actor), loadClock()]);
  if (options.ownerGroups.length === 0) {
    return (
      <div>
        <PageHeader title={t("title")} />
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("noWritableGroup")}</p>
      </div>
    );
  }
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ApplicationForm
        mode="create"
        action={createApplicationAction}
        options={options}
        clock={toClockData(clock)}
        initial={emptyApplication(options.ownerGroups[0].id)}
        cancelHref="/applications"
        drafts={{ owner: actor.userId, serverKey: randomUUID() }}
      />
    </div>
  );
}
