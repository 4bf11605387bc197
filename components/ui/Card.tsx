export function Card({ title, actions, children, id, className = "" }: { title?: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode; id?: string; className?: string }) {
  return (
    <section id={id} aria-labelledby={title && id ? `${id}-title` : undefined} className={`rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5 ${className}`}>
      {title || actions ? (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title ? (
            <h2 id={id ? `${id}-title` : undefined} className="text-lg font-semibold">
              {title}
            </h2>
          ) : null}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function Badge({ children, tone = "stone" }: { children: React.ReactNode; tone?: "stone" | "green" | "red" | "amber" | "blue" | "brand" }) {
  const tones = {
    stone: "bg-stone-100 text-stone-800",
    green: "bg-green-100 text-green-900",
    red: "bg-red-100 text-red-900",
    amber: "bg-amber-100 text-amber-900",
    blue: "bg-sky-100 text-sky-900",
    brand: "bg-brand-100 text-brand-800",
  }[tone];
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tones}`}>{children}</span>;
}

export function outcomeTone(outcome: string): "green" | "red" | "amber" | "blue" | "stone" {
  if (outcome === "approved" || outcome === "overturned") return "green";
  if (outcome === "refused" || outcome === "upheld") return "red";
  if (outcome === "approved_with_limits" || outcome === "alternative_proposed" || outcome === "mixed" || outcome === "partly") return "amber";
  if (outcome === "pending") return "blue";
  return "stone";
}
