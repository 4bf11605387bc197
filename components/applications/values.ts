// The application form's values live in lib/domain (the server merges edits with them too).
export * from "@/lib/domain/application-values";
