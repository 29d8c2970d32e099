-- API tokens expire (decision 0009). Tokens made before this had no expiry: they get the default
-- lifetime of 90 days from their creation (already older ones expire at once), then the column
-- is required.
-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3);
UPDATE "ApiToken" SET "expiresAt" = "createdAt" + INTERVAL '90 days';
ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET NOT NULL;
