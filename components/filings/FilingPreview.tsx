// The drafted filing as the files will print it: the same model the DOCX and PDF lay out.
// A value the case could not fill is highlighted where it stands.
import type { FilingDocument, Paragraph } from "@/lib/domain/filings";

export function FilingParagraph({ p }: { p: Paragraph }) {
  const align = p.align === "right" ? "text-right" : p.align === "center" ? "text-center" : "";
  const style = p.style === "quote" ? "border-l-4 border-stone-300 pl-3 italic" : p.style === "item" ? "pl-4 -indent-3" : p.style === "heading" ? "mt-3 font-semibold" : "";
  return (
    <p className={`my-1.5 ${align} ${style}`}>
      {p.style === "item" ? "– " : null}
      {p.runs.map((r, i) =>
        "missing" in r ? (
          <mark key={i} className="rounded bg-amber-200 px-1 font-medium text-amber-950" data-missing={r.missing}>
            [{r.note}]
          </mark>
        ) : (
          <span key={i} className={`${r.bold ? "font-semibold" : ""} ${r.italic ? "italic" : ""}`}>
            {r.text}
          </span>
        ),
      )}
    </p>
  );
}

export function FilingSectionView({ section }: { section: FilingDocument["sections"][number] }) {
  return (
    <div data-section={section.key}>
      {section.heading ? <h3 className="mt-4 font-semibold">{section.heading}</h3> : null}
      {section.paragraphs.map((p, i) => (
        <FilingParagraph key={i} p={p} />
      ))}
    </div>
  );
}
