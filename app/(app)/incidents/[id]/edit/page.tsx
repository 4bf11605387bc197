import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { deleteIncidentAction, updateIncidentAction } from "@/lib/actions/incidents";
import { getIncidentForEdit, getIncidentFormOptions } from "@/lib/data/incidents";
import { PageHeader } from "@/components/ui/PageHeader";
import { IncidentForm } from "@/components/incidents/IncidentForm";
import { ConfirmDeleteForm } from "@/components/appeals/ConfirmDeleteForm";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidents.pages");
  return { title: t("editTitle") };
}

export default async function EditIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/incidents/${id}/edit`);
  const [t, loaded] = await Promise.all([getTranslations("incidents.pages"), loadForPage(() => getIncidentForEdit(actor, id))]);
  if (loaded.forbidden) return <Forbidden />;
  const i = loaded.value;
  const options = await getIncidentFormOptions(actor, i.groupId);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("editTitle")} subtitle={t("newSubtitle", { group: i.group.name })} />
      <IncidentForm
        action={updateIncidentAction}
        options={options}
        links={{ people: i.people.map((p) => p.personId), groups: i.groups.map((g) => g.groupId), applications: i.applications.map((a) => a.applicationId) }}
        cancelHref={`/incidents/${i.id}`}
        initial={{
          id: i.id,
          version: String(i.version),
          groupId: i.groupId,
          kind: i.kind,
          title: i.title,
          occurredOn: i.occurredOn ?? "",
          occurredOnPrecision: i.occurredOnPrecision,
          city: i.city,
          place: i.place,
          description: i.description,
          amount: i.amount === null ? "" : String(i.amount),
          currency: i.currency,
          perpetrator: i.perpetrator,
          newPeople: "",
          isPublic: i.isPublic ? "on" : "",
        }}
      />
      <p className="mt-8 text-sm">
        <ConfirmDeleteForm action={deleteIncidentAction} fields={{ id: i.id }} label={t("delete")} confirm={t("deleteConfirm")} />
      </p>
    </div>
  );
}
