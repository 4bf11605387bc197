"use client";
// Errors for a group of fields (the parts, the grounds …) that no single control shows.
// Keys this feature adds are looked up in its own namespace first, then in "errors".
import { useTranslations } from "next-intl";

export function FieldMessages({ name, errors, ns = "applications" }: { name: string; errors?: Record<string, string[]>; ns?: "applications" | "answers" }) {
  const t = useTranslations();
  const list = errors?.[name];
  return (
    <div id={`${name}-error`} aria-live="polite" aria-atomic="true">
      {list?.map((k) => (
        <p key={k} role="alert" className="mt-1 text-sm text-red-700" data-field-error={name}>
          {t.has(`${ns}.errors.${k}`) ? t(`${ns}.errors.${k}`) : t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid")}
        </p>
      ))}
    </div>
  );
}
