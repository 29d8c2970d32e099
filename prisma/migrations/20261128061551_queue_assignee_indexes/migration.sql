-- DropIndex
DROP INDEX "Case_assigneeId_status_idx";

-- CreateIndex
CREATE INDEX "Case_assigneeId_status_responseDueAt_id_idx" ON "Case"("assigneeId", "status", "responseDueAt", "id");

-- CreateIndex
CREATE INDEX "Case_assigneeId_status_openedAt_id_idx" ON "Case"("assigneeId", "status", "openedAt", "id");
