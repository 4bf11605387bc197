import { useLocale } from "next-intl";
import { numberFormat } from "@/lib/i18n/formatters";

/** A fine as reported: whole units, in the currency given (KZT unless said otherwise). */
export function Amount({ amount, currency }: { amount: number; currency: string }) {
  const locale = useLocale();
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return <span>{numberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(amount)}</span>;
    } catch {
      // An unknown code still shows the number and the code as typed.
    }
  }
  return (
    <span>
      {numberFormat(locale).format(amount)} {currency}
    </span>
  );
}
