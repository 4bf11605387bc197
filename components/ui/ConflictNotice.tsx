// Someone saved first: their version, field by field, beside the form that still holds what
// this user typed. Each form lists its own fields; the frame and the empty-value dash are here.
export function ConflictNotice({ title, text, rows }: { title: string; text: string; rows: [label: string, value: React.ReactNode][] }) {
  return (
    <aside aria-labelledby="conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-conflict>
      <h2 id="conflict-title" className="font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-stone-700">{text}</p>
      <dl className="mt-2 divide-y divide-amber-200">
        {rows.map(([label, value]) => (
          <div key={label} className="py-1">
            <dt className="text-xs font-medium text-stone-600">{label}</dt>
            <dd className="whitespace-pre-wrap break-words">{value === "" || value === null ? "—" : value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
