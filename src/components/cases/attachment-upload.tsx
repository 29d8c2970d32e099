'use client'

// Diagnostic files up to the policy's limit, from every page (issue 11, decision 0011).
// Files go straight to the streamed API route (POST /api/v1/cases/{n}/attachments) with
// XMLHttpRequest, same-origin with the session cookie, so the page can show upload progress;
// Server Actions never carry them (their body limit is 1 MB). What the browser can tell (type,
// size) is refused before a byte is sent; the server checks everything again.
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Alert, Button } from '@/components/ui'
import { UPLOAD_ACCEPT, formatBytes, uploadRefusal } from '@/lib/cases/uploads'

type Progress = { file: File; loaded: number; state: 'waiting' | 'sending' | 'done' | 'failed'; error?: string; stored?: string }

/** Sends one file; resolves with the stored name, rejects with the server's message. */
function sendFile(caseNumber: number, file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1/cases/${caseNumber}/attachments`)
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => onProgress(e.loaded)
    xhr.onload = () => {
      const body = xhr.response as { name?: string; error?: { message?: string } } | null
      if (xhr.status === 201 && body?.name) resolve(body.name)
      else reject(new Error(body?.error?.message ?? `The upload failed (HTTP ${xhr.status}). Try again.`))
    }
    xhr.onerror = () => reject(new Error('The connection was lost during the upload. Try again.'))
    const form = new FormData()
    form.append('file', file)
    xhr.send(form)
  })
}

/** Uploads files one after the other, tracking each one's progress. */
function useUploads(caseNumber: number | null) {
  const [items, setItems] = useState<Progress[]>([])
  const update = (i: number, patch: Partial<Progress>) => setItems((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  async function run(files: File[]) {
    if (caseNumber === null) return []
    const start: Progress[] = files.map((file) => ({ file, loaded: 0, state: 'waiting' }))
    setItems(start)
    const results: Progress[] = [...start]
    for (const [i, file] of files.entries()) {
      update(i, { state: 'sending' })
      try {
        const stored = await sendFile(caseNumber, file, (loaded) => update(i, { loaded }))
        results[i] = { file, loaded: file.size, state: 'done', stored }
      } catch (error) {
        results[i] = { file, loaded: 0, state: 'failed', error: (error as Error).message }
      }
      update(i, results[i]!)
    }
    return results
  }
  return { items, run }
}

function ProgressList({ items }: { items: Progress[] }) {
  if (items.length === 0) return null
  return (
    <ul className="space-y-2" aria-label="Uploads">
      {items.map((p, i) => {
        const pct = p.file.size === 0 ? 100 : Math.round((Math.min(p.loaded, p.file.size) / p.file.size) * 100)
        return (
          <li key={i} className="text-sm">
            <div className="flex items-baseline justify-between gap-2">
              <span className="min-w-0 truncate font-medium">{p.file.name}</span>
              <span className="shrink-0 text-xs text-slate-500">
                {p.state === 'done' ? 'Uploaded' : p.state === 'failed' ? 'Not uploaded' : p.state === 'waiting' ? 'Waiting' : `${pct}%`} ·{' '}
                {formatBytes(p.file.size)}
              </span>
            </div>
            <progress
              className="mt-1 h-2 w-full accent-brand-600"
              max={100}
              value={p.state === 'done' ? 100 : p.state === 'failed' ? 0 : pct}
              aria-label={`Upload of ${p.file.name}`}
            />
            {p.error && (
              <p className="mt-1 text-xs text-red-700" role="alert">
                {p.error}
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/**
 * A file input that keeps the chosen files in React state (not in the form), so a refused
 * submission or React's form reset cannot lose them; a file the browser can already tell is
 * refused (type, size) is never added, and the reason is shown.
 */
export function AttachmentPicker({
  id,
  label,
  files,
  onChange,
  maxBytes,
  disabled,
}: {
  id: string
  label: string
  files: File[]
  onChange: (files: File[]) => void
  maxBytes: number
  disabled?: boolean
}) {
  const [refusals, setRefusals] = useState<string[]>([])
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={UPLOAD_ACCEPT}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
        onChange={(e) => {
          const chosen = [...(e.target.files ?? [])]
          e.target.value = '' // the list below is the selection; the same file can be picked again
          const refused = chosen.map((f) => uploadRefusal(f, maxBytes)).filter((r): r is string => r !== null)
          setRefusals(refused)
          onChange([...files, ...chosen.filter((f) => uploadRefusal(f, maxBytes) === null)])
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Logs and archives ({UPLOAD_ACCEPT.replaceAll(',', ', ')}), up to {formatBytes(maxBytes)} each.
      </p>
      {refusals.length > 0 && (
        <Alert title="Not added">
          <ul>
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      )}
      {files.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label="Chosen files">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-1.5">
              <span className="min-w-0 truncate">
                {f.name} <span className="text-xs text-slate-500">({formatBytes(f.size)})</span>
              </span>
              <button
                type="button"
                disabled={disabled}
                className="shrink-0 text-xs font-medium text-slate-600 hover:text-red-700 hover:underline"
                onClick={() => onChange(files.filter((_, j) => j !== i))}
                aria-label={`Remove ${f.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The case page's uploader: choose files, send them with progress, then show them in the case. */
export function AttachmentUpload({ caseNumber, maxBytes }: { caseNumber: number; maxBytes: number }) {
  const router = useRouter()
  const [files, setFiles] = useState<File[]>([])
  const [busy, setBusy] = useState(false)
  const { items, run } = useUploads(caseNumber)
  return (
    <div className="space-y-3">
      <AttachmentPicker id="case-files" label="Add diagnostic files" files={files} onChange={setFiles} maxBytes={maxBytes} disabled={busy} />
      {files.length > 0 && (
        <Button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            const results = await run(files)
            setFiles(results.filter((r) => r.state === 'failed').map((r) => r.file)) // failed ones stay chosen, to retry
            setBusy(false)
            router.refresh()
          }}
        >
          {busy ? 'Uploading…' : files.length === 1 ? 'Upload file' : `Upload ${files.length} files`}
        </Button>
      )}
      <ProgressList items={items} />
    </div>
  )
}

/**
 * After the new-case form's Server Action opened the case: uploads the files chosen in the form
 * to it, with progress, then shows `children` (the confirmation) with the names stored. A file
 * that fails can be retried, or left for the case page.
 */
export function UploadToNewCase({ caseNumber, files, children }: { caseNumber: number; files: File[]; children: (stored: string[]) => ReactNode }) {
  const { items, run } = useUploads(caseNumber)
  const [stored, setStored] = useState<string[] | null>(files.length === 0 ? [] : null)
  const [failed, setFailed] = useState<File[]>([])
  const started = useRef(false)
  const done = useRef<string[]>([])

  async function upload(list: File[]) {
    setFailed([])
    const results = await run(list)
    done.current = [...done.current, ...results.flatMap((r) => (r.stored ? [r.stored] : []))]
    const failures = results.filter((r) => r.state === 'failed').map((r) => r.file)
    if (failures.length === 0) setStored(done.current)
    else setFailed(failures)
  }
  useEffect(() => {
    if (started.current || files.length === 0) return
    started.current = true // once, also under React's development double effects
    void upload(files)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once for the files chosen at submission
  }, [])

  if (stored) return <>{children(stored)}</>
  return (
    <div className="max-w-2xl space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <Alert tone="green" title={`Case #${caseNumber} is open`}>
        Now uploading your files: keep this page open.
      </Alert>
      <ProgressList items={items} />
      {failed.length > 0 && (
        <div className="flex flex-wrap gap-3">
          <Button type="button" onClick={() => void upload(failed)}>
            Try again
          </Button>
          <Button type="button" variant="secondary" onClick={() => setStored(done.current)}>
            Continue without {failed.length === 1 ? 'it' : 'them'}
          </Button>
        </div>
      )}
    </div>
  )
}
