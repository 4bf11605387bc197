import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { addEventAction } from "@/lib/actions/events";
import { getEventFormContext } from "@/lib/data/events";
import { PageHeader } from "@/components/ui/PageHeader";
import { EventForm } from "@/components/events/EventForm";
import { Forbidden } from "@/components/ui/Forbidden";
import { loadForPage } from "@/components/appeals/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("events.pages");
  return { title: t("newTitle") };
}

export default async function NewEventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ kind?: string }> }) {
  const [{ id }, { kind }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/applications/${id}/events/new`);
  const [t, loaded] = await Promise.all([getTranslations("events.pages"), loadForPage(() => getEventFormContext(actor, id))]);
  if (loaded.forbidden) return <Forbidden />;
  const app = loaded.value;
  const back = `/applications/${app.id}`;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("newTitle")} subtitle={<Link href={back}>{app.title}</Link>} />
      <EventForm
        action={addEventAction}
        cancelHref={`${back}#events`}
        initial={{ id: "", applicationId: app.id, kind: typeof kind === "string" ? kind : "", occurredOn: "", occurredOnPrecision: "day", description: "", statedReason: "", participants: "" }}
      />
    </div>
  );
}
