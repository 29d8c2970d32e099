-- Issue 10 (decision 0018): a partner's access request is recorded by the code it typed, whether
-- or not a Support ID has that code; the Support ID reference is null when none does. The
-- administrators are told by the background worker (announcePending), not in the request.

-- AlterTable
ALTER TABLE "PartnerGrant" ADD COLUMN     "announcePending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requestedCode" TEXT,
ALTER COLUMN "supportIdId" DROP NOT NULL;

-- Existing requests were all for a real Support ID: their code, normalised as a new request's is.
UPDATE "PartnerGrant" g SET "requestedCode" = upper(s."code") FROM "SupportId" s WHERE s."id" = g."supportIdId";
ALTER TABLE "PartnerGrant" ALTER COLUMN "requestedCode" SET NOT NULL;

-- CreateIndex
CREATE INDEX "PartnerGrant_announcePending_idx" ON "PartnerGrant"("announcePending");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerGrant_partnerOrgId_requestedCode_key" ON "PartnerGrant"("partnerOrgId", "requestedCode");
