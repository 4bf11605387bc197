import type { CaseData } from "@/lib/data/cases";

// Placeholder: implemented by its feature. Rendered by the case page.
export function EventsSection({ data }: { data: CaseData }) {
  void data;
  return null;
}
