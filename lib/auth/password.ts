// bcryptjs: pure JavaScript (no native build, no binary download), cost 12.
import bcrypt from "bcryptjs";
import { isCommonPassword } from "./common-passwords";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-length";

const COST = 12;
// Compared against when the email is unknown, so sign-in takes the same time either way.
const DUMMY_HASH = "$2b$12$JDJ3gVU4JjBbRYVQnXw5M.LZhLIUloOjE4ZgyyllF6Nemr/aTXGxa";

/** Account passwords (and share-link passcodes): at least MIN_PASSWORD_LENGTH; passwords also not common. */
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

export type PasswordProblem = "password_too_short" | "password_too_common" | "too_long";

/**
 * Why a new account password is refused, as a catalogue key in "errors", or null when it is
 * fine. Applied wherever a password is set: invitation sign-up, `npm run user:create`.
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "password_too_short";
  if (length > MAX_PASSWORD_LENGTH) return "too_long";
  if (isCommonPassword(password)) return "password_too_common";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return Boolean(hash) && ok;
}
