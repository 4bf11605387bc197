-- Our Russian and Kazakh translations of a documented record's place, route and the holder of
-- a conflicting booking (prisma/seed/history-translations.ts), beside the English.
ALTER TABLE "Part" ADD COLUMN "placeRu" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Part" ADD COLUMN "placeKk" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Part" ADD COLUMN "routeRu" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Part" ADD COLUMN "routeKk" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Answer" ADD COLUMN "conflictingBookingHolderRu" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Answer" ADD COLUMN "conflictingBookingHolderKk" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Incident" ADD COLUMN "placeRu" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Incident" ADD COLUMN "placeKk" TEXT NOT NULL DEFAULT '';
