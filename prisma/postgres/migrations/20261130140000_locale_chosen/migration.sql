-- AlterTable
ALTER TABLE "User" ALTER COLUMN "locale" SET DEFAULT '';


-- "en" was the default and cannot be told from a choice: such members are back to their browser's language until they pick one.
UPDATE "User" SET "locale" = '' WHERE "locale" = 'en';
