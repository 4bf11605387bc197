// The values of a header weighted by q-values (Accept-Language, Accept-Encoding; RFC 9110
// §12.4.2). Pure: the callers decide what a value means and what to do with q=0 ("not this one").

export interface Weighted {
  /** The value, lowercased ("kk-kz", "br", "*"). */
  value: string;
  /** Its weight, 0 to 1: 1 when not given, 0 when unreadable. */
  q: number;
  /** Its place in the header, for ties. */
  order: number;
}

/** Every non-empty value of the header, in the order sent, q=0 ones included. */
export function qualityList(header: string): Weighted[] {
  return header
    .split(",")
    .map((part, order) => {
      const [value, ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => /^q=/i.test(p));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { value: value.trim().toLowerCase(), q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0, order };
    })
    .filter((r) => r.value);
}
