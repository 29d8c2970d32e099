-- DropIndex
DROP INDEX "Case_status_openedAt_id_idx";

-- CreateIndex
CREATE INDEX "Case_queue_rest_idx" ON "Case"("status", "openedAt", "id", "responseDueAt", "tier", "severity", "regionCode", "preferredLanguage", "productVersionId");
