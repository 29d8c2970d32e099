import type { Metadata } from 'next'
import { Card, EmptyState, PageHeader, Table } from '@/components/ui'
import { AddProductForm, AddVersionForm, DeleteProductButton, RenameProductForm, VersionRow } from '../_components/product-forms'
import { requirePageActor } from '@/server/auth/actor'
import { requireAdminPage } from '@/server/admin/page-guard'
import { listCatalogue } from '@/server/admin/catalogue'

export const metadata: Metadata = { title: 'Products · Administration' }

export default async function AdminProductsPage() {
  const actor = await requirePageActor()
  await requireAdminPage(actor)
  const products = await listCatalogue({ actor })
  return (
    <>
      <PageHeader
        title="Products and versions"
        description="The lifecycle phase decides the support a version gets: current versions are fully supported, limited ones partly, discontinued ones get known solutions and upgrade help only. The case form shows it."
      />
      <Card className="mb-6 p-5">
        <AddProductForm />
      </Card>
      {products.length === 0 ? (
        <EmptyState title="No products yet">Add the first product above.</EmptyState>
      ) : (
        <div className="space-y-5">
          {products.map((p) => (
            <Card key={p.id} className="p-5" aria-label={p.name}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="text-lg font-semibold">{p.name}</h2>
                  <p className="text-xs text-slate-500">
                    Covered by {p.supportIds} Support ID(s) · {p.articles} knowledge-base article(s)
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <RenameProductForm productId={p.id} name={p.name} />
                  {p.deletable && <DeleteProductButton productId={p.id} name={p.name} />}
                </div>
              </div>
              <div className="mt-4 overflow-x-auto">
                <Table columns={['Version', 'Lifecycle phase', 'Released', 'Cases', { label: 'Actions', srOnly: true }]} variant="inset">
                  {p.versions.map((v) => (
                    <VersionRow
                      key={v.id}
                      product={p.name}
                      version={{ id: v.id, name: v.name, phase: v.phase, releasedAt: v.releasedAt?.toISOString().slice(0, 10) ?? '', cases: v.cases }}
                    />
                  ))}
                </Table>
                {p.versions.length === 0 && <p className="py-2 text-sm text-slate-500">No versions yet.</p>}
              </div>
              <AddVersionForm productId={p.id} product={p.name} />
            </Card>
          ))}
        </div>
      )}
    </>
  )
}
