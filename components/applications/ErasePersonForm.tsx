"use client";
// Erasing a person's personal data on request is for a group admin, confirmed by ticking a
// box (works without JavaScript, like deleting a case). One form per person. On a case's edit
// page it lists the case's applicants; on an incident's, the people the incident names.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { erasePersonAction } from "@/lib/actions/erasure";

/** The page the forms are on: a case's (applicationId) or an incident's (incidentId). */
type Place = { applicationId: string; incidentId?: undefined } | { incidentId: string; applicationId?: undefined };

function ErasePerson({ place, person }: { place: Place; person: { id: string; fullName: string } }) {
  const t = useTranslations("erasure");
  const [state, formAction] = useActionState(erasePersonAction, initialFormState);
  return (
    <form action={formAction} method="post" className="space-y-2 border-t border-stone-100 pt-3" aria-label={`${t("submit")}: ${person.fullName}`}>
      <p className="text-sm font-medium">
        {t("person")}: {person.fullName}
      </p>
      <input type="hidden" name="personId" value={person.id} />
      {place.applicationId ? <input type="hidden" name="applicationId" value={place.applicationId} /> : <input type="hidden" name="incidentId" value={place.incidentId} />}
      <CheckboxField name="confirm" label={t("confirm", { name: person.fullName })} errors={state.errors} />
      <FormMessage state={state} />
      <SubmitButton variant="danger">{t("submit")}</SubmitButton>
    </form>
  );
}

export function ErasePersonForms({ people, erased, ...place }: Place & { people: { id: string; fullName: string }[]; erased: boolean }) {
  const t = useTranslations("erasure");
  return (
    <section className="space-y-3" aria-labelledby="erase-title">
      <h2 id="erase-title" className="text-lg font-semibold text-red-800">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-700">{t("text")}</p>
      {erased ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("done")}
        </p>
      ) : null}
      {people.length ? people.map((p) => <ErasePerson key={p.id} place={place as Place} person={p} />) : <p className="text-sm text-stone-600">{t(place.incidentId ? "noneOnIncident" : "none")}</p>}
    </section>
  );
}
