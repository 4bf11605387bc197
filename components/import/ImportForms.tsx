"use client";
// The import's steps after the upload: choose the columns, confirm, cancel. Each posts without
// JavaScript (a server action behind useActionState); its outcome lands on the page it goes to.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { OutcomeMessage } from "@/components/ui/OutcomeMessage";
import { initialFormState } from "@/lib/actions/form-state";
import { cancelImportAction, confirmImportAction, saveImportMappingAction } from "@/lib/actions/import";

export interface MappingChoice {
  field: string;
  label: string;
  column: number;
}

export function MappingForm({ id, choices, columns }: { id: string; choices: MappingChoice[]; columns: string[] }) {
  const [state, action] = useActionState(saveImportMappingAction, initialFormState);
  const t = useTranslations("importer.preview");
  return (
    <form action={action} method="post" className="grid gap-3">
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {choices.map((c) => (
          <label key={c.field} className="grid gap-1 text-sm">
            <span className="font-medium">{c.label}</span>
            <select name={`col_${c.field}`} defaultValue={String(c.column)} className="rounded-md border border-stone-300 px-2 py-1" data-field={c.field}>
              <option value="-1">{t("notImported")}</option>
              {columns.map((name, i) => (
                <option key={i} value={String(i)}>
                  {t("column", { n: i + 1, name })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div>
        <SubmitButton variant="secondary">{t("apply")}</SubmitButton>
      </div>
      <OutcomeMessage state={state} messages="importer.messages" />
    </form>
  );
}

export function ConfirmForm({ id, errors, duplicates, importable }: { id: string; errors: number; duplicates: number; importable: number }) {
  const [state, action] = useActionState(confirmImportAction, initialFormState);
  const t = useTranslations("importer.confirm");
  return (
    <form action={action} method="post" className="grid gap-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-stone-700">{t("text")}</p>
      {errors > 0 ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="skipErrors" />
          {t("skipErrors", { count: errors })}
        </label>
      ) : null}
      {duplicates > 0 ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="includeDuplicates" />
          {t("includeDuplicates", { count: duplicates })}
        </label>
      ) : null}
      <div>
        <SubmitButton>
          {t("submit")} ({importable})
        </SubmitButton>
      </div>
      <OutcomeMessage state={state} messages="importer.messages" />
    </form>
  );
}

export function CancelForm({ id }: { id: string }) {
  const [state, action] = useActionState(cancelImportAction, initialFormState);
  const t = useTranslations("importer.confirm");
  return (
    <form action={action} method="post" className="grid gap-2">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-stone-700">{t("cancelText")}</p>
      <div>
        <SubmitButton variant="danger">{t("cancel")}</SubmitButton>
      </div>
      <OutcomeMessage state={state} messages="importer.messages" />
    </form>
  );
}
