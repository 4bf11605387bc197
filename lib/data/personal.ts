// Bringing every stored person to the current key: sealing plaintext rows (a database from
// before encryption, a restored old backup) and re-sealing rows sealed with an older key after
// `npm run rotate-key`, with the search hashes recomputed. Idempotent: a row already sealed
// with the current key and carrying the right hashes is left alone. No "server-only": the
// setup and rotate-key scripts run it.
import type { Db } from "../db-client";
import { isSealed, keyRing, open, searchHash, sealedWith } from "../crypto/fields";
import { SEALED_FIELDS } from "../crypto/person-fields";
import { nameHashes, storedNames } from "../crypto/names";

type Stored = { id: string; idNumber: string; address: string; phone: string; idNumberHash: string; phoneHash: string; fullName: string; altNames: string; nameHashes: string; encryptNames: unknown };

/** Names as the person's group chose (lib/crypto/names.ts): sealed under the current key with their hashes, or plain. */
function namesNeedWork(row: Stored, currentKid: string): boolean {
  if (!row.encryptNames) return isSealed(row.fullName) || isSealed(row.altNames) || row.nameHashes !== "";
  for (const v of [row.fullName, row.altNames]) if (v !== "" && (!isSealed(v) || sealedWith(v) !== currentKid)) return true;
  return row.nameHashes !== nameHashes(open(row.fullName, "fullName"), open(row.altNames, "altNames"));
}

/** Rows per transaction: a large database is sealed in many short transactions. */
export const SEAL_BATCH = 200;

function needsWork(row: Stored, currentKid: string): boolean {
  for (const f of SEALED_FIELDS) {
    const v = row[f];
    if (v !== "" && (!isSealed(v) || sealedWith(v) !== currentKid)) return true;
  }
  if (namesNeedWork(row, currentKid)) return true;
  const idNumber = open(row.idNumber, "idNumber");
  const phone = open(row.phone, "phone");
  return row.idNumberHash !== searchHash(idNumber, "idNumber") || row.phoneHash !== searchHash(phone, "phone");
}

/**
 * Seals what is plain and re-seals what an older key sealed, in batches, each in a
 * transaction. Returns how many people were rewritten.
 */
export async function sealPeople(client: Db, batch = SEAL_BATCH): Promise<number> {
  const ring = keyRing();
  let last = "";
  let changed = 0;
  for (;;) {
    // Raw SQL: the client's extension would hand back opened values, and this needs the
    // stored ones to see which key sealed them.
    const rows = await client.$queryRaw<Stored[]>`SELECT p."id", p."idNumber", p."address", p."phone", p."idNumberHash", p."phoneHash", p."fullName", p."altNames", p."nameHashes", g."encryptNames"
      FROM "Person" p JOIN "Group" g ON g."id" = p."groupId" WHERE p."id" > ${last} ORDER BY p."id" LIMIT ${batch}`;
    if (rows.length === 0) return changed;
    last = rows[rows.length - 1].id;
    const todo = rows.filter((r) => needsWork(r, ring.current.id));
    if (todo.length) {
      await client.$transaction(async (tx) => {
        for (const r of todo) {
          // Plain values in; the extension (lib/crypto/person-fields.ts) seals them under the
          // current key and sets the hashes.
          await tx.person.update({
            where: { id: r.id },
            data: { idNumber: open(r.idNumber, "idNumber"), address: open(r.address, "address"), phone: open(r.phone, "phone"), ...storedNames(r.fullName, r.altNames, Boolean(r.encryptNames)) },
          });
        }
      });
      changed += todo.length;
    }
    if (rows.length < batch) return changed;
  }
}

/** How many people still have a value not sealed with the current key (0 after a rotation). */
export async function peopleNotOnCurrentKey(client: Db): Promise<number> {
  const kid = keyRing().current.id;
  const rows = await client.$queryRaw<Stored[]>`SELECT "id", "idNumber", "address", "phone", "idNumberHash", "phoneHash", "fullName", "altNames", "nameHashes" FROM "Person" WHERE "idNumber" <> '' OR "address" <> '' OR "phone" <> '' OR "fullName" LIKE 'v1:%' OR "altNames" LIKE 'v1:%'`;
  const fields = [...SEALED_FIELDS, "fullName", "altNames"] as const;
  return rows.filter((r) => fields.some((f) => isSealed(r[f]) && sealedWith(r[f]) !== kid)).length;
}
