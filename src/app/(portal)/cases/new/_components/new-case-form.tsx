'use client'

import { useEffect, useState } from 'react'
import { Alert, Button, Card, Field, inputClass, Select } from '@/components/ui'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { describeTarget } from '@/components/cases/target-preview'
import { POLICY, describeTierHours, type Severity } from '@/lib/sla'
import { PHASE_WORDS, TIER_LABELS } from '@/lib/cases/labels'
import { AttachmentPicker, UploadToNewCase } from '@/components/cases/attachment-upload'
import { contactMatters } from '@/lib/cases/severity-1-contact'
import type { SupportIdForCases } from '@/server/support-ids/list-for-cases'
import { openCaseAction } from '../../actions'
import { CaseCreated } from './case-created'
import { Suggestions } from './kb-suggestions'
import { SeverityCard } from './severity-card'

type Category = 'TECHNICAL' | 'LICENSING' | 'FEEDBACK'

const CATEGORIES: { value: Category; label: string; hint: string }[] = [
  { value: 'TECHNICAL', label: 'Technical', hint: 'Something does not work as it should' },
  { value: 'LICENSING', label: 'Licensing', hint: 'Licence keys, renewals, entitlement' },
  { value: 'FEEDBACK', label: 'Feedback', hint: 'About our websites and services: no response target, no phone line' },
]

export function NewCaseForm({
  supportIds,
  viewerTimeZone,
  initialSupportId,
  relatedCaseNumber,
  idempotencyKey,
  uploadMaxBytes,
}: {
  idempotencyKey: string
  supportIds: SupportIdForCases[]
  viewerTimeZone: string
  initialSupportId?: string
  relatedCaseNumber?: string
  uploadMaxBytes: number
}) {
  const form = useActionForm(openCaseAction)
  const { state, pending } = form
  // Chosen files live here, outside the form data: a refused submission keeps them, and they are
  // uploaded to the case once the Server Action has opened it (decision 0011).
  const [files, setFiles] = useState<File[]>([])
  const [code, setCode] = useState(initialSupportId ?? supportIds.find((s) => s.status === 'ACTIVE')?.code ?? supportIds[0]!.code)
  const sid = supportIds.find((s) => s.code === code)!
  const expired = sid.status === 'EXPIRED'
  // Choices are kept as picked and narrowed to what the chosen Support ID allows while rendering,
  // so changing the Support ID or product never leaves an impossible combination selected.
  const [pickedCategory, setCategory] = useState<Category>('TECHNICAL')
  const category: Category = expired ? 'LICENSING' : pickedCategory
  const [productId, setProductId] = useState('')
  const product = sid.products.find((p) => p.id === productId) ?? sid.products[0]
  const [pickedVersionId, setVersionId] = useState('')
  const version = product?.versions.find((v) => v.id === pickedVersionId) ?? product?.versions[0]
  const [pickedSeverity, setSeverity] = useState<Severity>(3)
  const severity: Severity = category === 'FEEDBACK' ? 4 : POLICY[sid.tier][pickedSeverity].kind === 'not-available' ? 2 : pickedSeverity
  const [pickedLanguage, setLanguage] = useState('')
  const language = sid.region.languages.includes(pickedLanguage) ? pickedLanguage : sid.region.languages[0]!
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000)
    return () => clearInterval(timer)
  }, [])

  const preview = describeTarget({ tier: sid.tier, severity, openedAt: now, calendar: sid.calendar, viewerTimeZone, feedback: category === 'FEEDBACK' })
  const needsContact = contactMatters(sid.tier, severity) && category !== 'FEEDBACK'
  const fieldErrors = form.fields

  if (state?.ok) {
    return (
      <UploadToNewCase caseNumber={state.data.number} files={files}>
        {(stored) => <CaseCreated result={state.data} attachments={stored} viewerTimeZone={viewerTimeZone} />}
      </UploadToNewCase>
    )
  }

  return (
    <ActionForm form={form} className="grid gap-6 lg:grid-cols-3">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="space-y-6 lg:col-span-2">
        {state && !state.ok && <Alert title="The case was not opened">{state.error.message}</Alert>}
        <Card className="space-y-5 p-6">
          <h2 className="text-base font-semibold">Contract and product</h2>
          <Field
            label="Support ID"
            htmlFor="supportId"
            hint={`${TIER_LABELS[sid.tier]} · ${sid.region.name} · maintenance until ${sid.maintenanceEnd}`}
            error={fieldErrors.supportId}
          >
            <Select id="supportId" name="supportId" value={code} onChange={(e) => setCode(e.target.value)}>
              {supportIds.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} — {TIER_LABELS[s.tier]}, {s.region.name},{' '}
                  {s.status === 'EXPIRED' ? `expired ${s.maintenanceEnd} (licensing only)` : `until ${s.maintenanceEnd}`}
                  {supportIds.some((o) => o.organisation !== s.organisation) ? ` · ${s.organisation}` : ''}
                </option>
              ))}
            </Select>
          </Field>
          {expired && (
            <Alert tone="amber" title="Maintenance has ended">
              Support ID {sid.code} expired on {sid.maintenanceEnd}. Technical support needs active maintenance or a current evaluation licence: you can open a
              licensing case, for example to renew.
            </Alert>
          )}
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Category</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {CATEGORIES.map((c) => {
                const disabled = expired && c.value !== 'LICENSING'
                return (
                  <label
                    key={c.value}
                    className={`flex cursor-pointer flex-col rounded-md p-3 text-sm ring-1 ${category === c.value ? 'bg-brand-50 ring-brand-500' : 'ring-slate-300'} ${disabled ? 'cursor-not-allowed opacity-50' : ''}`}
                  >
                    <span className="flex items-center gap-2 font-medium">
                      <input
                        type="radio"
                        name="category"
                        value={c.value}
                        checked={category === c.value}
                        disabled={disabled}
                        onChange={() => setCategory(c.value)}
                      />
                      {c.label}
                    </span>
                    <span className="mt-1 text-xs text-slate-600">{c.hint}</span>
                  </label>
                )
              })}
            </div>
          </fieldset>
          {category !== 'FEEDBACK' && product && (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Product" htmlFor="product">
                <Select id="product" value={product.id} onChange={(e) => setProductId(e.target.value)}>
                  {sid.products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Product version" htmlFor="productVersionId" error={fieldErrors.productVersionId}>
                <Select id="productVersionId" name="productVersionId" value={version?.id ?? ''} onChange={(e) => setVersionId(e.target.value)}>
                  {product.versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name} ({PHASE_WORDS[v.phase]})
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          )}
          {category !== 'FEEDBACK' && version?.phase === 'DISCONTINUED' && (
            <Alert tone="amber" title={`${product?.name} ${version.name} is discontinued`}>
              Help for this version is limited to known solutions and upgrading to a supported version.
            </Alert>
          )}
          {category !== 'FEEDBACK' && version?.phase === 'LIMITED' && (
            <p className="text-xs text-slate-600">This version gets limited support: fixes ship in current versions.</p>
          )}
        </Card>

        <SeverityCard
          tier={sid.tier}
          feedback={category === 'FEEDBACK'}
          severity={severity}
          onSeverity={setSeverity}
          needsContact={needsContact}
          fieldErrors={fieldErrors}
        />

        <Card className="space-y-4 p-6">
          <h2 className="text-base font-semibold">The problem</h2>
          <Field label="Title" htmlFor="title" error={fieldErrors.title}>
            <input
              id="title"
              name="title"
              required
              minLength={5}
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              className={inputClass}
              placeholder="e.g. Backup job fails with insufficient space on repository"
            />
          </Field>
          <Field label="Description" htmlFor="description" error={fieldErrors.description} hint="What happens, since when, exact error text, what changed.">
            <textarea
              id="description"
              name="description"
              required
              minLength={10}
              maxLength={20000}
              rows={6}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              className={inputClass}
            />
          </Field>
          <Field label="Environment (optional)" htmlFor="environment" hint="Hypervisor, operating systems, storage." error={fieldErrors.environment}>
            <textarea id="environment" name="environment" rows={2} maxLength={2000} className={inputClass} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Preferred language"
              htmlFor="preferredLanguage"
              hint={`Languages offered in ${sid.region.name}`}
              error={fieldErrors.preferredLanguage}
            >
              <Select id="preferredLanguage" name="preferredLanguage" value={language} onChange={(e) => setLanguage(e.target.value)}>
                {sid.region.languages.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </Select>
            </Field>
            <Field
              label="Earlier case (optional)"
              htmlFor="relatedCaseNumber"
              hint="A case of the same Support ID this one continues"
              error={fieldErrors.relatedCaseNumber}
            >
              <input
                id="relatedCaseNumber"
                name="relatedCaseNumber"
                inputMode="numeric"
                pattern="[0-9]*"
                defaultValue={relatedCaseNumber}
                className={inputClass}
              />
            </Field>
          </div>
          <AttachmentPicker id="files" label="Diagnostic files (optional)" files={files} onChange={setFiles} maxBytes={uploadMaxBytes} disabled={pending} />
        </Card>
      </div>

      <div className="space-y-6">
        <div className="lg:sticky lg:top-6 space-y-6">
          <Card className="p-5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Response target</h2>
            <p
              data-testid="target-preview"
              aria-live="polite"
              className={`mt-2 text-sm font-medium ${preview.tone === 'red' ? 'text-red-700' : preview.tone === 'amber' ? 'text-amber-800' : 'text-brand-900'}`}
            >
              {preview.text}
            </p>
            <p className="mt-2 text-xs text-slate-500">
              {TIER_LABELS[sid.tier]} support hours: {describeTierHours(sid.tier)}
              {sid.tier === 'BASIC' || sid.tier === 'EVALUATION' ? `, ${sid.calendar.timeZone}, minus ${sid.region.name} holidays` : ''}.
            </p>
            <Button type="submit" className="mt-5 w-full" disabled={pending || preview.tone === 'red'}>
              {pending ? 'Opening…' : 'Open case'}
            </Button>
          </Card>
          <Suggestions query={`${title} ${description}`.trim()} />
        </div>
      </div>
    </ActionForm>
  )
}
