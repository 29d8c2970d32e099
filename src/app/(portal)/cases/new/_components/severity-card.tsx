import { Badge, Card, Field, inputClass } from '@/components/ui'
import { POLICY, SEVERITY_DEFINITIONS, type Severity, type Tier } from '@/lib/sla'
import { TIER_LABELS } from '@/lib/cases/labels'
import { severity1WorkSentence } from '@/lib/cases/severity-1-contact'

/**
 * The severity choice, each level with its meaning and examples (levels the tier does not offer are
 * shown and disabled), and the 24/7 technical contact when Severity 1 needs one.
 */
export function SeverityCard({
  tier,
  feedback,
  severity,
  onSeverity,
  needsContact,
  fieldErrors,
}: {
  tier: Tier
  /** Feedback is always Severity 4. */
  feedback: boolean
  severity: Severity
  onSeverity: (s: Severity) => void
  needsContact: boolean
  fieldErrors: Partial<Record<string, string>>
}) {
  return (
    <Card className="space-y-4 p-6">
      <fieldset>
        <legend className="text-base font-semibold">Severity</legend>
        <p className="mt-1 text-sm text-slate-600">Pick the business impact now; you and your engineer can agree a different one later.</p>
        <div className="mt-3 space-y-2">
          {([1, 2, 3, 4] as Severity[]).map((s) => {
            const def = SEVERITY_DEFINITIONS[s]
            const cell = POLICY[tier][s]
            const na = cell.kind === 'not-available'
            const disabled = na || (feedback && s !== 4)
            return (
              <label
                key={s}
                className={`block rounded-md p-3 text-sm ring-1 ${severity === s ? 'bg-brand-50 ring-brand-500' : 'ring-slate-300'} ${disabled ? 'cursor-not-allowed bg-slate-50 opacity-60' : 'cursor-pointer'}`}
              >
                <span className="flex items-center gap-2 font-medium">
                  <input type="radio" name="severity" value={s} checked={severity === s} disabled={disabled} onChange={() => onSeverity(s)} />
                  Severity {s} — {def.label}
                  {na && <Badge>Not available on {TIER_LABELS[tier]}</Badge>}
                </span>
                <span className="mt-1 block text-slate-700">{def.meaning}</span>
                <span className="mt-1 block text-xs text-slate-500">Examples: {def.examples.join('; ')}.</span>
                {na && <span className="mt-1 block text-xs font-medium text-slate-700">{cell.reason}</span>}
              </label>
            )
          })}
        </div>
      </fieldset>
      {needsContact && (
        <div className="rounded-md bg-amber-50 p-4 ring-1 ring-amber-200">
          <p className="text-sm font-medium text-amber-900" data-testid="severity-1-hours">
            {severity1WorkSentence({ tier, hasContact: false })}
          </p>
          <p className="mt-1 text-xs text-amber-900">Name the person we can reach around the clock; you can also add one to the case later.</p>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <Field label="Technical contact (24/7)" htmlFor="technicalContactName" error={fieldErrors.technicalContactName}>
              <input id="technicalContactName" name="technicalContactName" autoComplete="name" className={inputClass} />
            </Field>
            <Field label="Contact phone" htmlFor="technicalContactPhone" error={fieldErrors.technicalContactPhone}>
              <input
                id="technicalContactPhone"
                name="technicalContactPhone"
                type="tel"
                autoComplete="tel"
                placeholder="+1 312 555 0188"
                className={inputClass}
              />
            </Field>
          </div>
        </div>
      )}
    </Card>
  )
}
