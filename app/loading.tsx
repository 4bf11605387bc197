export default function Loading() {
  return <div className="animate-pulse space-y-3 py-6" aria-busy="true"><div className="h-8 w-1/3 rounded bg-stone-200" /><div className="h-4 w-2/3 rounded bg-stone-200" /><div className="h-4 w-1/2 rounded bg-stone-200" /></div>;
}
