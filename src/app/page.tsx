import { redirect } from 'next/navigation'
import { currentActor } from '@/server/auth/actor'
import { homePath } from '@/server/access/page-access'

export default async function Home() {
  const actor = await currentActor()
  redirect(actor ? await homePath(actor) : '/signin')
}
