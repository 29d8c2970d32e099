-- CreateEnum
CREATE TYPE "SupportRating" AS ENUM ('GOOD', 'BAD');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "ratedAt" TIMESTAMPTZ(3),
ADD COLUMN     "ratedById" TEXT,
ADD COLUMN     "rating" "SupportRating",
ADD COLUMN     "ratingComment" TEXT;

-- CreateIndex
CREATE INDEX "Case_ratedAt_idx" ON "Case"("ratedAt");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_ratedById_fkey" FOREIGN KEY ("ratedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
