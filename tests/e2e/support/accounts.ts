// Accounts the browser tests sign in with. Created only in the throwaway e2e database.
export const PASSWORD = "e2e-password-Correct-Horse";
export const ACCOUNTS = {
  admin: { email: "admin@e2e.test", name: "Aida Admin", group: "E2E Group", role: "admin" },
  editor: { email: "editor@e2e.test", name: "Elena Editor", group: "E2E Group", role: "editor" },
  viewer: { email: "viewer@e2e.test", name: "Vera Viewer", group: "E2E Group", role: "viewer" },
  other: { email: "other@e2e.test", name: "Olga Other", group: "Other Group", role: "admin" },
  /** Turns two-factor sign-in on in two-factor.spec.ts: nobody else signs in with it. */
  twofactor: { email: "twofactor@e2e.test", name: "Tomiris Twofactor", group: "E2E Group", role: "viewer" },
  /** Imports a spreadsheet in import.spec.ts, into a group of its own so no other spec sees the records. */
  importer: { email: "importer@e2e.test", name: "Ilona Importer", group: "Import Group", role: "editor" },
} as const;

/** Records of the "other" account's group that nobody else may see (made by create-accounts.ts). */
export const PRIVATE_RECORDS = { application: "e2e-private-application", incident: "e2e-private-incident", source: "e2e-private-source" } as const;
