// People's names encrypted at rest where a group chooses it (Group.encryptNames, Settings):
// fullName and altNames are sealed like ID numbers (AES-256-GCM, lib/crypto/fields.ts), and
// a name is still found by its words: each word, folded (lib/domain/fold.ts) and written in
// Latin letters (so «Айгерим» and "Aigerim" are one word), is stored as a keyed hash
// (HMAC-SHA256 under a key derived from TRACKER_DATA_KEY) in Person.nameHashes, " h1 h2 … ".
// A search hashes its words the same way. No "server-only": setup and rotate-key use it.
import crypto from "node:crypto";
import { cyrillicToLatin, foldForSearch } from "../domain/fold";
import { keyRing, open, seal, type KeyRing } from "./fields";

const nameKeys = new WeakMap<Buffer, Buffer>();

function nameKey(ring: KeyRing): Buffer {
  const k = ring.current.key;
  let s = nameKeys.get(k);
  if (!s) {
    s = Buffer.from(crypto.hkdfSync("sha256", k, Buffer.alloc(0), "tracker name hash v1", 32));
    nameKeys.set(k, s);
  }
  return s;
}

/** The words of a name or a search, as compared: folded, in Latin letters, two letters or more. */
export function nameWords(text: string): string[] {
  const words = cyrillicToLatin(foldForSearch(text))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  return [...new Set(words)];
}

export function nameWordHash(word: string, ring: KeyRing = keyRing()): string {
  return crypto.createHmac("sha256", nameKey(ring)).update(`name:${word}`).digest("hex").slice(0, 32);
}

/** What Person.nameHashes holds for this name and its other spellings ("" for none). */
export function nameHashes(fullName: string, altNames: string, ring: KeyRing = keyRing()): string {
  const words = nameWords(`${fullName}\n${altNames}`);
  return words.length ? ` ${words.map((w) => nameWordHash(w, ring)).sort().join(" ")} ` : "";
}

/** A search word as Person.nameHashes holds it: " <hash> ", for a `contains` filter. */
export function nameHashNeedle(word: string, ring: KeyRing = keyRing()): string {
  return ` ${nameWordHash(word, ring)} `;
}

export interface StoredNames {
  fullName: string;
  altNames: string;
  nameHashes: string;
}

/**
 * A person's name fields as stored: sealed (under the current key) with their word hashes
 * where the group encrypts names, plain and without hashes where it does not. Takes plain or
 * sealed values.
 */
export function storedNames(fullName: string, altNames: string, encrypt: boolean, ring: KeyRing = keyRing()): StoredNames {
  const full = open(fullName, "fullName", ring);
  const alt = open(altNames, "altNames", ring);
  if (!encrypt) return { fullName: full, altNames: alt, nameHashes: "" };
  return { fullName: seal(full, "fullName", ring), altNames: seal(alt, "altNames", ring), nameHashes: nameHashes(full, alt, ring) };
}
