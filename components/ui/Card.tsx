export function Card({ title, actions, children, id, className = "" }: { title?: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode; id?: string; className?: string }) {
  return (
    <section id={id} aria-labelledby={title && id ? `${id}-title` : undefined} className={className ? `card ${className}` : "card"}>
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
  // Tones are classes in app/globals.css (.badge-*).
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function outcomeTone(outcome: string): "green" | "red" | "amber" | "blue" | "stone" {
  if (outcome === "approved" || outcome === "overturned") return "green";
  if (outcome === "refused" || outcome === "upheld") return "red";
  if (outcome === "approved_with_limits" || outcome === "alternative_proposed" || outcome === "mixed" || outcome === "partly") return "amber";
  if (outcome === "pending") return "blue";
  return "stone";
}
