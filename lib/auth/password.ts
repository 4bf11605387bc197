// bcryptjs: pure JavaScript (no native build, no binary download), cost 12.
import bcrypt from "bcryptjs";

const COST = 12;
// Compared against when the email is unknown, so sign-in takes the same time either way.
const DUMMY_HASH = "$2b$12$JDJ3gVU4JjBbRYVQnXw5M.LZhLIUloOjE4ZgyyllF6Nemr/aTXGxa";

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return Boolean(hash) && ok;
}
