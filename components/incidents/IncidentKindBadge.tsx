import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Card";

// Violence and deprivation of liberty stand out from the other reprisals.
const SEVERE = new Set(["attack", "detention", "criminal_case"]);

export function IncidentKindBadge({ kind }: { kind: string }) {
  const tv = useTranslations("vocab.incidentKind");
  return <Badge tone={SEVERE.has(kind) ? "red" : "amber"}>{tv.has(kind) ? tv(kind) : kind}</Badge>;
}
