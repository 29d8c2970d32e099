'use client'

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

export type TierBar = { tier: string; met: number; breached: number; pending: number; medianMinutes: number | null; p90Minutes: number | null }

/**
 * Response targets met / breached / pending per tier (stacked), and the median and 90th-percentile
 * business minutes to first response. The table under the charts carries the same figures as text.
 */
export function ComplianceChart({ data }: { data: TierBar[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure aria-label="Response targets met, breached and pending per tier" className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Response targets by tier</figcaption>
        <div className="h-72 w-full" data-testid="compliance-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="tier" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              <Bar dataKey="met" name="Met" stackId="t" fill="#16a34a" isAnimationActive={false} />
              <Bar dataKey="breached" name="Breached" stackId="t" fill="#dc2626" isAnimationActive={false} />
              <Bar dataKey="pending" name="Pending" stackId="t" fill="#94a3b8" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure aria-label="Median and 90th percentile business minutes to first response per tier" className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Business minutes to first response</figcaption>
        <div className="h-72 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="tier" tick={{ fontSize: 12 }} />
              <YAxis tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              <Bar dataKey="medianMinutes" name="Median" fill="#2563eb" isAnimationActive={false} />
              <Bar dataKey="p90Minutes" name="90th percentile" fill="#7c3aed" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  )
}
