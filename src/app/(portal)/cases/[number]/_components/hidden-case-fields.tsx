/** The case a vendor form is for, and the version it was read at (the optimistic lock). */
export function Hidden({ caseNumber, version }: { caseNumber: number; version?: number }) {
  return (
    <>
      <input type="hidden" name="caseNumber" value={caseNumber} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
    </>
  )
}
