'use client'

import { useId } from 'react'
import { Button, Field, inputClass, Select } from '@/components/ui'
import { ActionButton, FormOutcome } from '@/components/ui/action-button'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { LIFECYCLE_PHASES } from '@/lib/admin/schemas'
import { PHASE_LABELS } from '@/lib/cases/labels'
import {
  addVersionAction,
  createProductAction,
  deleteProductAction,
  deleteVersionAction,
  renameProductAction,
  updateVersionAction,
} from '@/app/(portal)/admin/actions'

const small = `${inputClass} py-1.5`

export function AddProductForm() {
  const f = useActionForm(createProductAction)
  return (
    <ActionForm form={f} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="min-w-64 flex-1">
        <Field label="New product" htmlFor="product-name" error={f.fields.name}>
          <input id="product-name" name="name" required maxLength={120} aria-invalid={Boolean(f.fields.name)} className={inputClass} />
        </Field>
      </div>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? 'Adding…' : 'Add product'}
      </Button>
      <div className="basis-full">
        <FormOutcome error={f.error && !f.fields.name ? f.error : null} success={f.data && <>{f.data.name} added.</>} />
      </div>
    </ActionForm>
  )
}

export function RenameProductForm({ productId, name }: { productId: string; name: string }) {
  const f = useActionForm(renameProductAction.bind(null, productId), { resetOnSuccess: false })
  const id = useId()
  return (
    <ActionForm form={f} className="flex items-end gap-2" noValidate>
      <div>
        <label htmlFor={id} className="sr-only">
          Name of {name}
        </label>
        <input
          id={id}
          name="name"
          defaultValue={name}
          required
          maxLength={120}
          aria-invalid={Boolean(f.error)}
          aria-describedby={f.error ? `${id}-error` : undefined}
          className={`${small} w-56`}
        />
        {f.error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
            {f.fields.name ?? f.error.message}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" className="px-2.5 py-1.5 text-xs" disabled={f.pending}>
        {f.pending ? 'Saving…' : 'Rename'}
      </Button>
    </ActionForm>
  )
}

export function DeleteProductButton({ productId, name }: { productId: string; name: string }) {
  return (
    <ActionButton
      variant="ghost"
      run={() => deleteProductAction(productId)}
      confirm={`Delete ${name}?`}
      label={`Delete product ${name}`}
      pendingLabel="Deleting…"
    >
      Delete
    </ActionButton>
  )
}

type Version = { id: string; name: string; phase: (typeof LIFECYCLE_PHASES)[number]; releasedAt: string; cases: number }

export function VersionRow({ product, version }: { product: string; version: Version }) {
  const f = useActionForm(updateVersionAction.bind(null, version.id), { resetOnSuccess: false })
  const formId = `version-${version.id}`
  return (
    <tr>
      <td>
        <ActionForm form={f} id={formId} />
        <label htmlFor={`${formId}-name`} className="sr-only">
          Version name
        </label>
        <input
          id={`${formId}-name`}
          form={formId}
          name="name"
          defaultValue={version.name}
          required
          maxLength={40}
          aria-invalid={Boolean(f.fields.name)}
          aria-describedby={f.error ? `${formId}-error` : undefined}
          className={`${small} w-24 font-mono`}
        />
      </td>
      <td>
        <label htmlFor={`${formId}-phase`} className="sr-only">
          Lifecycle phase of {product} {version.name}
        </label>
        <Select id={`${formId}-phase`} form={formId} name="phase" defaultValue={version.phase} className="py-1.5">
          {LIFECYCLE_PHASES.map((p) => (
            <option key={p} value={p}>
              {PHASE_LABELS[p]}
            </option>
          ))}
        </Select>
      </td>
      <td>
        <label htmlFor={`${formId}-released`} className="sr-only">
          Release date of {product} {version.name}
        </label>
        <input
          id={`${formId}-released`}
          form={formId}
          name="releasedAt"
          type="date"
          defaultValue={version.releasedAt}
          aria-invalid={Boolean(f.fields.releasedAt)}
          aria-describedby={f.fields.releasedAt ? `${formId}-error` : undefined}
          className={`${small} w-40`}
        />
      </td>
      <td className="text-slate-600">{version.cases}</td>
      <td>
        <span className="flex flex-wrap items-start gap-2">
          <Button
            type="submit"
            form={formId}
            variant="secondary"
            className="px-2.5 py-1.5 text-xs"
            disabled={f.pending}
            aria-label={`Save ${product} ${version.name}`}
          >
            {f.pending ? 'Saving…' : 'Save'}
          </Button>
          {version.cases === 0 && (
            <ActionButton
              variant="ghost"
              run={() => deleteVersionAction(version.id)}
              confirm={`Delete ${product} ${version.name}?`}
              label={`Delete ${product} ${version.name}`}
              pendingLabel="Deleting…"
            >
              Delete
            </ActionButton>
          )}
          {f.error && (
            <span id={`${formId}-error`} role="alert" className="text-xs font-medium text-red-700">
              {f.error.message}
            </span>
          )}
          {f.data && (
            <span role="status" className="text-xs text-green-700">
              Saved
            </span>
          )}
        </span>
      </td>
    </tr>
  )
}

export function AddVersionForm({ productId, product }: { productId: string; product: string }) {
  const f = useActionForm(addVersionAction.bind(null, productId))
  const id = useId()
  return (
    <ActionForm form={f} className="mt-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" noValidate aria-label={`Add a version of ${product}`}>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="New version" htmlFor={`${id}-name`} error={f.fields.name}>
          <input id={`${id}-name`} name="name" required maxLength={40} placeholder="e.g. 14.0" className={`${inputClass} w-32 font-mono`} />
        </Field>
        <Field label="Lifecycle phase" htmlFor={`${id}-phase`} error={f.fields.phase}>
          <Select id={`${id}-phase`} name="phase" defaultValue="CURRENT">
            {LIFECYCLE_PHASES.map((p) => (
              <option key={p} value={p}>
                {PHASE_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Release date (optional)" htmlFor={`${id}-released`} error={f.fields.releasedAt}>
          <input id={`${id}-released`} name="releasedAt" type="date" className={inputClass} />
        </Field>
        <Button type="submit" variant="secondary" disabled={f.pending}>
          {f.pending ? 'Adding…' : 'Add version'}
        </Button>
      </div>
      <div className="mt-2">
        <FormOutcome error={f.error && !Object.keys(f.fields).length ? f.error : null} success={f.data && <>Version {f.data.name} added.</>} />
      </div>
    </ActionForm>
  )
}
