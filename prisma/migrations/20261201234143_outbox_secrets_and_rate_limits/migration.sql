-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "bodyPurgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "secrets" TEXT;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- Invitation links written before this migration sit in plain text in the outbox: remove them
-- (decision 0007). An invitee who still needs one gets a new invitation.
UPDATE "OutboxMessage"
SET "text" = regexp_replace("text", '/invite/[A-Za-z0-9_-]+', '/invite/(link removed from the outbox: ask for a new invitation)', 'g')
WHERE "kind" = 'case-admin-invitation';
