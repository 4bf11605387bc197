"use client";
// A labelled form control with its errors beside it, announced to screen readers.
import { useTranslations } from "next-intl";

type Errors = Record<string, string[]> | undefined;

export function FieldErrors({ name, errors }: { name: string; errors: Errors }) {
  const t = useTranslations("errors");
  const list = errors?.[name];
  return (
    <div id={`${name}-error`} aria-live="polite" aria-atomic="true">
      {list?.map((k) => (
        <p key={k} className="mt-1 text-sm text-red-700" data-field-error={name}>
          {t.has(k) ? t(k) : t("invalid")}
        </p>
      ))}
    </div>
  );
}

interface BaseProps {
  name: string;
  label: string;
  errors?: Errors;
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
}

const control = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

function Wrapper({ name, label, errors, hint, required, className, children }: BaseProps & { children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium text-stone-800">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </label>
      {children}
      {hint ? <p id={`${name}-hint`} className="mt-1 text-xs text-stone-600">{hint}</p> : null}
      <FieldErrors name={name} errors={errors} />
    </div>
  );
}

function aria(name: string, errors: Errors, hint: unknown) {
  const invalid = Boolean(errors?.[name]?.length);
  return {
    "aria-invalid": invalid,
    "aria-describedby": [invalid ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined,
  };
}

export function TextField(props: BaseProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const { name, label, errors, hint, required, className, ...rest } = props;
  return (
    <Wrapper {...{ name, label, errors, hint, required, className }}>
      <input id={name} name={name} required={required} className={control} {...aria(name, errors, hint)} {...rest} />
    </Wrapper>
  );
}

export function TextArea(props: BaseProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const { name, label, errors, hint, required, className, ...rest } = props;
  return (
    <Wrapper {...{ name, label, errors, hint, required, className }}>
      <textarea id={name} name={name} required={required} rows={3} className={control} {...aria(name, errors, hint)} {...rest} />
    </Wrapper>
  );
}

export function SelectField(
  props: BaseProps & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name"> & { options: { value: string; label: string }[]; placeholder?: string },
) {
  const { name, label, errors, hint, required, className, options, placeholder, ...rest } = props;
  return (
    <Wrapper {...{ name, label, errors, hint, required, className }}>
      <select id={name} name={name} required={required} className={control} {...aria(name, errors, hint)} {...rest}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

export function CheckboxField({ name, label, defaultChecked, errors, value }: { name: string; label: string; defaultChecked?: boolean; errors?: Errors; value?: string }) {
  const idAttr = value ? `${name}-${value}` : name;
  return (
    <div>
      <label htmlFor={idAttr} className="inline-flex items-center gap-2 text-sm">
        <input id={idAttr} type="checkbox" name={name} value={value ?? "on"} defaultChecked={defaultChecked} className="h-4 w-4 rounded border-stone-400" />
        {label}
      </label>
      {value ? null : <FieldErrors name={name} errors={errors} />}
    </div>
  );
}
