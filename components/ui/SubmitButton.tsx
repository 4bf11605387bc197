"use client";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";

/** `busy`: a submission the form sends itself (an offline draft, components/offline), which useFormStatus does not see. */
export function SubmitButton({ children, variant = "primary", name, value, busy = false }: { children: React.ReactNode; variant?: "primary" | "danger" | "secondary"; name?: string; value?: string; busy?: boolean }) {
  const pending = useFormStatus().pending || busy;
  const t = useTranslations("common");
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
    secondary: "bg-white text-stone-800 border border-stone-300 hover:bg-stone-100",
  }[variant];
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${styles}`}>
      {pending ? t("saving") : children}
    </button>
  );
}
