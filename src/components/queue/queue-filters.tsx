import Link from 'next/link'
import { Button, Select } from '@/components/ui'
import { TIERS } from '@/lib/sla'
import { STATUS_LABELS, TIER_LABELS } from '@/lib/cases/labels'
import type { TQueueQuery } from '@/lib/engineer/schemas'
import { OPEN_STATUSES } from '@/lib/cases/status'

type Options = { regions: { code: string; name: string }[]; languages: string[]; products: string[] }

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string
  label: string
  value: string | number | undefined
  options: { value: string; label: string }[]
}) {
  const id = `queue-filter-${name}`
  return (
    <div className="min-w-36 flex-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={value === undefined ? '' : String(value)} className="mt-1">
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  )
}

/** A plain GET form: the filters live in the URL, so a filtered queue can be bookmarked and shared. */
export function QueueFilters({ query, options }: { query: Partial<TQueueQuery>; options: Options }) {
  return (
    <form
      method="get"
      action="/queue"
      className="mb-5 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label="Queue filters"
    >
      <FilterSelect
        name="assignee"
        label="Assignee"
        value={query.assignee}
        options={[
          { value: 'mine', label: 'Mine' },
          { value: 'unassigned', label: 'Unassigned' },
        ]}
      />
      <FilterSelect name="region" label="Region" value={query.region} options={options.regions.map((r) => ({ value: r.code, label: r.name }))} />
      <FilterSelect name="language" label="Language" value={query.language} options={options.languages.map((l) => ({ value: l, label: l }))} />
      <FilterSelect name="tier" label="Tier" value={query.tier} options={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))} />
      <FilterSelect name="severity" label="Severity" value={query.severity} options={[1, 2, 3, 4].map((s) => ({ value: String(s), label: `Severity ${s}` }))} />
      <FilterSelect name="product" label="Product" value={query.product} options={options.products.map((p) => ({ value: p, label: p }))} />
      <FilterSelect name="status" label="Status" value={query.status} options={OPEN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s }))} />
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Link href="/queue" className="inline-flex items-center rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Reset
        </Link>
      </div>
    </form>
  )
}
