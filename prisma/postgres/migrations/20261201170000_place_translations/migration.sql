-- AlterTable
ALTER TABLE "Part" ADD COLUMN     "placeKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "placeRu" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "routeKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "routeRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "conflictingBookingHolderKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "conflictingBookingHolderRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "placeKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "placeRu" TEXT NOT NULL DEFAULT '';

