import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { deleteEventAction, updateEventAction } from "@/lib/actions/events";
import { getEventForEdit } from "@/lib/data/events";
import { PageHeader } from "@/components/ui/PageHeader";
import { EventForm } from "@/components/events/EventForm";
import { ConfirmDeleteForm } from "@/components/appeals/ConfirmDeleteForm";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("events.pages");
  return { title: t("editTitle") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string; eventId: string }> }) {
  const { id, eventId } = await params;
  const actor = await requirePageActor(`/applications/${id}/events/${eventId}/edit`);
  const [t, loaded] = await Promise.all([getTranslations("events.pages"), loadForPage(() => getEventForEdit(actor, eventId))]);
  if (loaded.forbidden) return <Forbidden />;
  const e = loaded.value;
  // The URL names the application too; a mismatched pair is not a page.
  if (e.application.id !== id) notFound();
  const back = `/applications/${e.application.id}`;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("editTitle")} subtitle={<Link href={back}>{e.application.title}</Link>} />
      <EventForm
        action={updateEventAction}
        cancelHref={`${back}#events`}
        initial={{
          id: e.id,
          applicationId: e.application.id,
          kind: e.kind,
          occurredOn: e.occurredOn ?? "",
          occurredOnPrecision: e.occurredOnPrecision,
          description: e.description,
          statedReason: e.statedReason,
          participants: e.participants === null ? "" : String(e.participants),
        }}
      />
      <p className="mt-8 text-sm">
        <ConfirmDeleteForm action={deleteEventAction} fields={{ id: e.id }} label={t("delete")} confirm={t("deleteConfirm")} />
      </p>
    </div>
  );
}
