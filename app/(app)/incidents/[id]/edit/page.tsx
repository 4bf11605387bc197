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
import { Card } from "@/components/ui/Card";
import { ErasePersonForms } from "@/components/applications/ErasePersonForm";
import { can } from "@/lib/auth/access";
import { erasableIncidentPeople } from "@/lib/data/erasure";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidents.pages");
  return { title: t("editTitle") };
}

export default async function EditIncidentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ erased?: string }> }) {
  const [{ id }, { erased }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/incidents/${id}/edit`);
  const [t, loaded] = await Promise.all([getTranslations("incidents.pages"), loadForPage(() => getIncidentForEdit(actor, id))]);
  if (loaded.forbidden) return <Forbidden />;
  const i = loaded.value;
  const isAdmin = can(actor, i.groupId, "admin");
  const [options, erasable] = await Promise.all([getIncidentFormOptions(actor, i.groupId), isAdmin ? erasableIncidentPeople(actor, i.id) : Promise.resolve([])]);
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
      {isAdmin ? (
        <Card className="mt-8 border-red-200">
          <ErasePersonForms incidentId={i.id} people={erasable} erased={erased === "1"} />
        </Card>
      ) : null}
      <p className="mt-8 text-sm">
        <ConfirmDeleteForm action={deleteIncidentAction} fields={{ id: i.id }} label={t("delete")} confirm={t("deleteConfirm")} />
      </p>
    </div>
  );
}
