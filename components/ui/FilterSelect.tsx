// One filter of a list's GET form: a labelled select whose first option clears it.
export const filterControl = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

export function FilterSelect({ name, label, value, options, all }: { name: string; label: string; value: string | number | undefined; options: { value: string; label: string }[]; all: string }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)} className={filterControl}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
