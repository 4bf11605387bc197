"use client";
// The GOV.UK "error summary": after a failed save, at the top of the form, a box that says
// there is a problem and links to each field with its message. It takes focus (so a save
// from the bottom of a long form is not silent), and a link moves focus to its field. Server
// rendered too: without JavaScript the page comes back with the box at the top of the form
// and the links jump to the fields.
import { useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";

export interface ErrorSummaryProps {
  /** The submission's outcome; a new one (even with the same errors) takes focus again. */
  state: FormState;
  /** The form-level message, already in the user's language. */
  message: string;
  /** Where the form's field labels are in the catalogue ("applications.form" …). */
  labels?: string;
  /** A feature whose own field messages come first ("applications" → applications.errors.*). */
  ns?: string;
}

/** "parts.1.eventDate" → the label key "eventDate" and the row number 2. */
function splitField(field: string): { key: string; row: number | null } {
  const segments = field.split(".");
  const key = [...segments].reverse().find((s) => !/^\d+$/.test(s)) ?? field;
  const index = segments.find((s) => /^\d+$/.test(s));
  return { key, row: index === undefined ? null : Number(index) + 1 };
}

/** The control to focus: the field itself, else the first of a group ("grounds[]"), else its messages. */
function fieldElement(field: string): HTMLElement | null {
  const byId = document.getElementById(field);
  if (byId) return byId;
  const byName = document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"], [name="${CSS.escape(field)}[]"]`);
  return byName ?? document.getElementById(`${field}-error`);
}

export function ErrorSummary({ state, message, labels, ns }: ErrorSummaryProps) {
  const t = useTranslations();
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    box.current?.focus();
    box.current?.scrollIntoView?.({ block: "start" });
  }, [state]);

  const text = (k: string) =>
    ns && t.has(`${ns}.errors.${k}`) ? t(`${ns}.errors.${k}`) : t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid");
  const label = (field: string) => {
    const { key, row } = splitField(field);
    const name = labels && t.has(`${labels}.${key}`) ? t(`${labels}.${key}`) : null;
    if (!name) return null;
    return row === null ? name : `${name} (${row})`;
  };
  const items = Object.entries(state.errors ?? {}).flatMap(([field, keys]) =>
    keys.map((k) => ({ field, text: field === "_form" ? text(k) : [label(field), text(k)].filter(Boolean).join(": ") })),
  );

  return (
    <div
      ref={box}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      data-error-summary
      className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {t("common.errorSummaryTitle")}
      </h2>
      <p className="mt-1">{message}</p>
      {items.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map((item, i) =>
            item.field === "_form" ? (
              <li key={i}>{item.text}</li>
            ) : (
              <li key={i}>
                <a
                  // Without JavaScript the link jumps to the field's message, just below the
                  // field (every field has one); with it, focus goes to the control itself.
                  href={`#${item.field}-error`}
                  className="font-medium underline"
                  onClick={(e) => {
                    const target = fieldElement(item.field);
                    if (!target) return;
                    e.preventDefault();
                    target.scrollIntoView({ block: "center" });
                    target.focus();
                  }}
                >
                  {item.text}
                </a>
              </li>
            ),
          )}
        </ul>
      ) : null}
    </div>
  );
}
