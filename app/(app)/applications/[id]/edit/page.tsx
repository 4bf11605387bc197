import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/access";
import { applicationFormOptions, getApplicationForEdit } from "@/lib/data/applications";
import { loadClock } from "@/lib/data/rules";
import { updateApplicationAction } from "@/lib/actions/applications";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { ApplicationForm } from "@/components/applications/ApplicationForm";
import { DeleteApplicationForm } from "@/components/applications/DeleteApplicationForm";
import { ErasePersonForms } from "@/components/applications/ErasePersonForm";
import { erasableApplicants } from "@/lib/data/erasure";
import { PublishToggle } from "@/components/applications/PublishToggle";
import { toClockData } from "@/components/applications/clock";
import { applicationFromRecord } from "@/components/applications/values";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications.edit");
  return { title: t("title") };
}

async function load(actor: Awaited<ReturnType<typeof requirePageActor>>, id: string) {
  try {
    return { app: await getApplicationForEdit(actor, id), forbidden: false as const };
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) return { app: null, forbidden: true as const };
    throw e;
  }
}

export default async function EditApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ erased?: string }> }) {
  const [{ id }, { erased }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/applications/${id}/edit`);
  const [t, te, loaded] = await Promise.all([getTranslations("applications.edit"), getTranslations("errors"), load(actor, id)]);
  if (!loaded.app) {
    return (
      <div>
        <PageHeader title={t("title")} />
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {te("forbidden")}
        </p>
      </div>
    );
  }
  const app = loaded.app;
  const isAdmin = can(actor, app.groupId, "admin");
  const [options, clock, erasable] = await Promise.all([applicationFormOptions(actor, app), loadClock(), isAdmin ? erasableApplicants(actor, app.id) : Promise.resolve([])]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} subtitle={app.title} actions={can(actor, app.groupId, "editor") ? <PublishToggle id={app.id} isPublic={app.isPublic} /> : null} />
      <ApplicationForm
        mode="edit"
        action={updateApplicationAction}
        options={options}
        clock={toClockData(clock)}
        initial={applicationFromRecord(app)}
        ownerName={app.group.name}
        cancelHref={`/applications/${app.id}`}
      />
      {isAdmin ? (
        <Card className="border-red-200">
          <ErasePersonForms applicationId={app.id} people={erasable} erased={erased === "1"} />
        </Card>
      ) : null}
      {isAdmin ? (
        <Card className="border-red-200">
          <DeleteApplicationForm id={app.id} title={app.title} />
        </Card>
      ) : null}
    </div>
  );
}
