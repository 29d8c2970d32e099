'use client'

import Link from 'next/link'
import { formatInTimeZone } from 'date-fns-tz'
import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Card, Field, inputClass } from '@/components/ui'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { describeTarget } from '@/components/cases/target-preview'
import { POLICY, SEVERITY_DEFINITIONS, describeDuration, describeTierHours, type Severity } from '@/lib/sla'
import { PHASE_WORDS, TIER_LABELS } from '@/lib/cases/labels'
import { AttachmentPicker, UploadToNewCase } from '@/components/cases/attachment-upload'
import { contactMatters, severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import type { SupportIdForCases } from '@/server/support-ids/list-for-cases'
import { deflectAction, openCaseAction } from '../actions'
import { openedConfirmation } from '@/lib/cases/phone-support'

type Category = 'TECHNICAL' | 'LICENSING' | 'FEEDBACK'
type Article = { id: string; slug: string; title: string; summary: string }

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
        {(stored) => <Created result={state.data} attachments={stored} viewerTimeZone={viewerTimeZone} />}
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
            <select id="supportId" name="supportId" value={code} onChange={(e) => setCode(e.target.value)} className={inputClass}>
              {supportIds.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} — {TIER_LABELS[s.tier]}, {s.region.name},{' '}
                  {s.status === 'EXPIRED' ? `expired ${s.maintenanceEnd} (licensing only)` : `until ${s.maintenanceEnd}`}
                  {supportIds.some((o) => o.organisation !== s.organisation) ? ` · ${s.organisation}` : ''}
                </option>
              ))}
            </select>
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
                <select id="product" value={product.id} onChange={(e) => setProductId(e.target.value)} className={inputClass}>
                  {sid.products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Product version" htmlFor="productVersionId" error={fieldErrors.productVersionId}>
                <select
                  id="productVersionId"
                  name="productVersionId"
                  value={version?.id ?? ''}
                  onChange={(e) => setVersionId(e.target.value)}
                  className={inputClass}
                >
                  {product.versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name} ({PHASE_WORDS[v.phase]})
                    </option>
                  ))}
                </select>
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

        <Card className="space-y-4 p-6">
          <fieldset>
            <legend className="text-base font-semibold">Severity</legend>
            <p className="mt-1 text-sm text-slate-600">Pick the business impact now; you and your engineer can agree a different one later.</p>
            <div className="mt-3 space-y-2">
              {([1, 2, 3, 4] as Severity[]).map((s) => {
                const def = SEVERITY_DEFINITIONS[s]
                const cell = POLICY[sid.tier][s]
                const na = cell.kind === 'not-available'
                const disabled = na || (category === 'FEEDBACK' && s !== 4)
                return (
                  <label
                    key={s}
                    className={`block rounded-md p-3 text-sm ring-1 ${severity === s ? 'bg-brand-50 ring-brand-500' : 'ring-slate-300'} ${disabled ? 'cursor-not-allowed bg-slate-50 opacity-60' : 'cursor-pointer'}`}
                  >
                    <span className="flex items-center gap-2 font-medium">
                      <input type="radio" name="severity" value={s} checked={severity === s} disabled={disabled} onChange={() => setSeverity(s)} />
                      Severity {s} — {def.label}
                      {na && <Badge>Not available on {TIER_LABELS[sid.tier]}</Badge>}
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
                {severity1WorkSentence({ tier: sid.tier, hasContact: false })}
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
              <select id="preferredLanguage" name="preferredLanguage" value={language} onChange={(e) => setLanguage(e.target.value)} className={inputClass}>
                {sid.region.languages.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
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

function Suggestions({ query }: { query: string }) {
  const [articles, setArticles] = useState<Article[]>([])
  const [solvedBy, setSolvedBy] = useState<Article | null>(null)
  const debounced = useDebounced(query, 400)
  useEffect(() => {
    if (debounced.length < 4) return
    const controller = new AbortController()
    fetch(`/api/v1/kb?take=5&q=${encodeURIComponent(debounced.slice(0, 2000))}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : { articles: [] }))
      .then((body: { articles: Article[] }) => setArticles(body.articles))
      .catch(() => {})
    return () => controller.abort()
  }, [debounced])
  const shown = debounced.length < 4 ? [] : articles
  if (solvedBy) {
    return (
      <Alert tone="green" title="Glad that solved it">
        No case is needed.{' '}
        <Link href={`/kb/${solvedBy.slug}`} className="underline">
          {solvedBy.title}
        </Link>{' '}
        stays in the knowledge base.
      </Alert>
    )
  }
  if (shown.length === 0) return null
  return (
    <Card className="p-5">
      <h2 className="text-sm font-semibold">Did one of these solve it?</h2>
      <ul className="mt-3 space-y-3" aria-label="Knowledge-base suggestions">
        {shown.map((a) => (
          <li key={a.id} className="text-sm">
            <Link href={`/kb/${a.slug}`} target="_blank" className="font-medium text-brand-700 hover:underline">
              {a.title}
            </Link>
            <p className="text-xs text-slate-600">{a.summary}</p>
            <button
              type="button"
              className="mt-1 text-xs font-medium text-green-700 hover:underline"
              onClick={() => void deflectAction(a.id, query).then((r) => r.ok && setSolvedBy(a))}
            >
              This solved it
            </button>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-500">
        Also search the{' '}
        <a className="underline" href={`https://docs.vendor.example/search?q=${encodeURIComponent(query.slice(0, 200))}`} target="_blank" rel="noreferrer">
          technical documentation
        </a>{' '}
        and the{' '}
        <a className="underline" href={`https://forums.vendor.example/search?q=${encodeURIComponent(query.slice(0, 200))}`} target="_blank" rel="noreferrer">
          community forums
        </a>
        .
      </p>
    </Card>
  )
}

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

function Created({ result, attachments, viewerTimeZone }: { result: import('../actions').OpenCaseResult; attachments: string[]; viewerTimeZone: string }) {
  const target = result.responseTarget
  return (
    <Card className="max-w-2xl p-6">
      <Alert tone="green" title={`Case #${result.number} is open`}>
        <span data-testid="created-phone">{openedConfirmation(result)}</span>
      </Alert>
      <dl className="mt-5 space-y-3 text-sm">
        <div>
          <dt className="text-slate-500">Response target</dt>
          <dd className="font-medium" data-testid="created-target">
            {target.kind === 'deadline'
              ? `Response by ${formatInTimeZone(target.dueAt, viewerTimeZone, 'EEEE d MMMM, HH:mm')} (your time) — ${describeDuration(target.minutes, target.clock)}${target.clock === 'continuous' ? ', 24/7' : ''}`
              : target.kind === 'best-effort'
                ? 'Best effort, no target'
                : 'No response target (feedback)'}
          </dd>
        </div>
        {contactMatters(result.tier, result.severity) && (
          <div className={result.businessHoursOnly ? 'text-amber-800' : 'text-slate-700'} data-testid="severity-1-hours">
            {severity1WorkSentence({ tier: result.tier, hasContact: !result.businessHoursOnly })}
            {result.businessHoursOnly && ' You can add the technical contact on the case page.'}
          </div>
        )}
        {attachments.length > 0 && (
          <div>
            <dt className="text-slate-500">Files</dt>
            <dd>{attachments.join(', ')}</dd>
          </div>
        )}
        {result.phoneLines.length > 0 && (
          <div>
            <dt className="text-slate-500">Phone support</dt>
            <dd>
              <ul className="mt-1 space-y-1">
                {result.phoneLines.map((p) => (
                  <li key={p.number}>
                    {p.country}: <span className="font-medium">{p.number}</span> — quote case #{result.number}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <div className="mt-6 flex gap-3">
        <Link href={`/cases/${result.number}`} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
          View case #{result.number}
        </Link>
        <Link href="/cases" className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
          My cases
        </Link>
      </div>
    </Card>
  )
}
