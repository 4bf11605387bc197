// The most common passwords, most common first: the ranked list zxcvbn-ts ships
// (@zxcvbn-ts/language-common, MIT; drawn from leaked-password frequency lists). Its first
// 10,000 entries are the "10,000 most common passwords"; we refuse every entry it has.
import ranked from "@zxcvbn-ts/language-common/src/passwords.json";

let set: Set<string> | null = null;

/** true for a password on the list, in any letter case ("Password1234" is "password1234"). */
export function isCommonPassword(password: string): boolean {
  set ??= new Set((ranked as string[]).map((p) => p.toLowerCase()));
  return set.has(password.toLowerCase());
}

export const COMMON_PASSWORD_COUNT = (ranked as string[]).length;
