// The one place where a person's personal fields are sealed on their way into the database
// and opened on their way out: a Prisma client extension (lib/db-client.ts installs it on
// every client, the app's and the scripts'). The data layer reads and writes plain values;
// the database holds only ciphertext and keyed hashes.
//   - writes to Person (create, update, upsert, the *Many forms) seal idNumber, address and
//     phone, and set idNumberHash/phoneHash for searching;
//   - every Person read, nested ones too (applicants' people, incidents' people), opens them,
//     and fullName/altNames where a value was sealed.
// Raw SQL ($queryRaw) sees ciphertext: code that matches personal values must use the hashes.
import { Prisma } from "../generated/sqlite/client";
import { isSealed, open, seal, searchHash } from "./fields";

/** Always sealed. */
export const SEALED_FIELDS = ["idNumber", "address", "phone"] as const;
/** Opened when sealed (a value written by an erasure or a future "encrypt names" setting). */
const OPENED_FIELDS = [...SEALED_FIELDS, "fullName", "altNames"] as const;

type Data = Record<string, unknown>;

function plain(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "set" in v && typeof (v as { set: unknown }).set === "string") return (v as { set: string }).set;
  return undefined;
}

/** A copy of Person write data with personal fields sealed and the search hashes set. */
export function sealPersonData<T>(data: T): T {
  if (!data || typeof data !== "object") return data;
  const out: Data = { ...(data as Data) };
  for (const f of SEALED_FIELDS) {
    const v = plain(out[f]);
    if (v === undefined) continue;
    out[f] = seal(v, f);
    if (f === "idNumber" && !isSealed(v)) out.idNumberHash = searchHash(v, "idNumber");
    if (f === "phone" && !isSealed(v)) out.phoneHash = searchHash(v, "phone");
  }
  return out as T;
}

function openField(field: string) {
  return {
    needs: { [field]: true },
    compute(p: Record<string, unknown>) {
      const v = p[field];
      return typeof v === "string" ? open(v, field) : v;
    },
  };
}

export const personFields = Prisma.defineExtension({
  name: "person-fields",
  query: {
    person: {
      create: ({ args, query }) => query({ ...args, data: sealPersonData(args.data) }),
      update: ({ args, query }) => query({ ...args, data: sealPersonData(args.data) }),
      updateMany: ({ args, query }) => query({ ...args, data: sealPersonData(args.data) }),
      upsert: ({ args, query }) => query({ ...args, create: sealPersonData(args.create), update: sealPersonData(args.update) }),
      createMany: ({ args, query }) => query({ ...args, data: Array.isArray(args.data) ? args.data.map(sealPersonData) : sealPersonData(args.data) }),
      createManyAndReturn: ({ args, query }) => query({ ...args, data: Array.isArray(args.data) ? args.data.map(sealPersonData) : sealPersonData(args.data) }),
    },
  },
  result: {
    person: Object.fromEntries(OPENED_FIELDS.map((f) => [f, openField(f)])) as {
      [K in (typeof OPENED_FIELDS)[number]]: { needs: { [P in K]: true }; compute: (p: { [P in K]: string }) => string };
    },
  },
});
