import { Select } from '@/components/ui'

/** The engineers to choose from (assigning a case or an escalation); submitted as `engineer` (an e-mail). */
export function EngineerSelect({ id, engineers, defaultValue }: { id: string; engineers: { email: string; name: string }[]; defaultValue: string | null }) {
  return (
    <Select id={id} name="engineer" defaultValue={defaultValue ?? ''} required>
      <option value="" disabled>
        Choose an engineer…
      </option>
      {engineers.map((e) => (
        <option key={e.email} value={e.email}>
          {e.name}
        </option>
      ))}
    </Select>
  )
}
