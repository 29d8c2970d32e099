-- CreateIndex
CREATE INDEX "Case_status_openedAt_id_idx" ON "Case"("status", "openedAt", "id");
