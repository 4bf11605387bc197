import { useFormatter } from "next-intl";

/** A fine as reported: whole units, in the currency given (KZT unless said otherwise). */
export function Amount({ amount, currency }: { amount: number; currency: string }) {
  const f = useFormatter();
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return <span>{f.number(amount, { style: "currency", currency, maximumFractionDigits: 0 })}</span>;
    } catch {
      // An unknown code still shows the number and the code as typed.
    }
  }
  return (
    <span>
      {f.number(amount)} {currency}
    </span>
  );
}
