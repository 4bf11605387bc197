// The length rule alone, with no imports: client forms read it (minLength) without pulling in
// bcrypt or the list of common passwords (lib/auth/password.ts).
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 500;
