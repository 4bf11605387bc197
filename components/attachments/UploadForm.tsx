"use client";
// Attaching documents to one record. Without JavaScript it is a plain multipart form that
// posts to /files and comes back to the page (with what was typed, if a file was refused).
// With JavaScript the same form is sent by XMLHttpRequest so the upload shows its progress,
// and a refusal leaves everything typed in place.
import { useEffect, useRef, useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";

interface Labels {
  legend: string;
  files: string;
  filesHint: string;
  camera: string;
  kind: string;
  title: string;
  titleHint: string;
  documentDate: string;
  submit: string;
  uploading: string;
  added: string;
  errors: Record<string, string>;
}

interface Props {
  subjectType: string;
  subjectId: string;
  applicationId: string;
  returnTo: string;
  accept: string;
  kinds: { value: string; label: string }[];
  labels: Labels;
}

const control = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm";

export function UploadForm({ subjectType, subjectId, applicationId, returnTo, accept, kinds, labels }: Props) {
  const router = useRouter();
  const params = useSearchParams();
  // The result of a post made without JavaScript, for this record only.
  const mine = params.get("doc_subjectId") === subjectId;
  const [title, setTitle] = useState(mine ? (params.get("doc_title") ?? "") : "");
  const [kind, setKind] = useState(mine ? (params.get("doc_kind") ?? "other") : subjectType === "answer" ? "answer" : subjectType === "application" ? "filing" : subjectType === "incident" || subjectType === "event" ? "evidence" : "court");
  const [date, setDate] = useState(mine ? (params.get("doc_documentDate") ?? "") : "");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(mine && params.get("doc_error") ? describe(params.get("doc_error")!, params.get("doc_file") ?? "") : null);
  const [done, setDone] = useState<string | null>(mine && params.get("doc_added") ? labels.added.replace("{count}", params.get("doc_added")!) : null);
  const [open, setOpen] = useState(mine);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const id = (name: string) => `doc-${subjectId}-${name}`;

  function describe(code: string, file: string): string {
    return (labels.errors[code] ?? labels.errors.unexpected).replace("{file}", file);
  }

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = new FormData(form);
    setError(null);
    setDone(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    xhr.onload = () => {
      setProgress(null);
      let result: { ok?: boolean; message?: string; fileName?: string; count?: number } = {};
      try {
        result = JSON.parse(xhr.responseText);
      } catch {
        result = { ok: false, message: xhr.status === 413 ? "request_too_big" : "unexpected" };
      }
      if (result.ok) {
        setDone(labels.added.replace("{count}", String(result.count ?? 1)));
        setTitle("");
        setDate("");
        (form.elements.namedItem("files") as HTMLInputElement).value = "";
        router.refresh();
      } else setError(describe(result.message ?? "unexpected", result.fileName ?? ""));
    };
    xhr.onerror = () => {
      setProgress(null);
      setError(describe("network", ""));
    };
    xhr.send(body);
  }

  return (
    <details className="no-print mt-2" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{labels.legend}</summary>
      <form method="post" action="/files" encType="multipart/form-data" onSubmit={submit} className="mt-2 space-y-3 rounded-md bg-stone-50 p-3" aria-label={labels.legend}>
        <input type="hidden" name="subjectType" value={subjectType} />
        <input type="hidden" name="subjectId" value={subjectId} />
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="returnTo" value={returnTo} />
        {error ? (
          <p ref={errorRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800" data-upload-error>
            {error}
          </p>
        ) : null}
        {done ? (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-2 text-sm text-green-900">
            {done}
          </p>
        ) : null}
        <div>
          <label htmlFor={id("files")} className="block text-sm font-medium text-stone-800">
            {labels.files}
          </label>
          {/* capture lets a phone offer its camera; the picker still offers files. */}
          <input id={id("files")} name="files" type="file" multiple required accept={`image/*,application/pdf,${accept}`} capture="environment" className="mt-1 block w-full text-sm" aria-describedby={id("files-hint")} />
          <p id={id("files-hint")} className="mt-1 text-xs text-stone-600">
            {labels.filesHint}
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={id("kind")} className="block text-sm font-medium text-stone-800">
              {labels.kind}
            </label>
            <select id={id("kind")} name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={control}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={id("date")} className="block text-sm font-medium text-stone-800">
              {labels.documentDate}
            </label>
            <input id={id("date")} name="documentDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} className={control} />
          </div>
        </div>
        <div>
          <label htmlFor={id("title")} className="block text-sm font-medium text-stone-800">
            {labels.title}
          </label>
          <input id={id("title")} name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} className={control} aria-describedby={id("title-hint")} />
          <p id={id("title-hint")} className="mt-1 text-xs text-stone-600">
            {labels.titleHint}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={progress !== null} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60">
            {labels.submit}
          </button>
          {progress !== null ? (
            <span className="flex items-center gap-2 text-sm" aria-live="polite">
              <progress max={100} value={progress} className="w-32" />
              {labels.uploading.replace("{percent}", String(progress))}
            </span>
          ) : null}
        </div>
      </form>
    </details>
  );
}
