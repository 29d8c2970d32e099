// The words the portal shows for case codes: statuses, resolutions, lifecycle phases, roles and
// tiers. The one place they are written (a translation changes this module only). Pure: no
// framework, database or server imports; safe in the browser, in mail and in the SLA engine.
import type { ResolutionCodeValue } from '@/lib/engineer/schemas'
import type { Tier } from '../sla/types'

/** Resolution codes of the support policy, in the policy's words. */
export const RESOLUTION_LABELS: Readonly<Record<ResolutionCodeValue, string>> = Object.freeze({
  SOLUTION_OR_WORKAROUND: 'Solution or workaround',
  HOTFIX_OR_PATCH: 'Hotfix or patch',
  UPGRADE: 'Upgrade to a supported version',
  KNOWLEDGE_BASE: 'Knowledge-base or documentation answer',
  THIRD_PARTY: 'Third-party cause (referred to that vendor)',
  FEATURE_REQUEST: 'Feature request recorded',
  NO_RESPONSE: 'No response from the customer after three contact attempts',
  DUPLICATE: 'Duplicate of another case',
})

/** A stored resolution code in words (an unknown code is shown as it is). */
export const resolutionLabel = (code: string): string => (RESOLUTION_LABELS as Readonly<Record<string, string>>)[code] ?? code

type Phase = 'CURRENT' | 'LIMITED' | 'DISCONTINUED'

/** A product version's lifecycle phase on its own (the administrator's choice of phase). */
export const PHASE_LABELS: Readonly<Record<Phase, string>> = Object.freeze({
  CURRENT: 'Current (fully supported)',
  LIMITED: 'Limited support',
  DISCONTINUED: 'Discontinued (known solutions and upgrade help only)',
})

/** The phase after a version's name, in parentheses: "Vault 7.2 (limited support)". */
export const PHASE_WORDS: Readonly<Record<Phase, string>> = Object.freeze({
  CURRENT: 'current',
  LIMITED: 'limited support',
  DISCONTINUED: 'discontinued: known solutions and upgrade help only',
})

/** The support tiers, as the policy names them. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = Object.freeze({
  PREMIER: 'Premier',
  PRODUCTION: 'Production',
  BASIC: 'Basic',
  EVALUATION: 'Evaluation',
  FREE_NFR: 'Free / NFR',
})

/** A stored tier in words (an unknown tier is shown as it is). */
export const tierLabel = (tier: string): string => (TIER_LABELS as Readonly<Record<string, string>>)[tier] ?? tier

/** Customer roles on a Support ID and vendor roles, in the policy's words. */
export const ROLE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  LICENSE_ADMIN_PRIMARY: 'License Administrator (primary)',
  LICENSE_ADMIN_SECONDARY: 'License Administrator (secondary)',
  CASE_ADMIN: 'Case Administrator',
  ENGINEER: 'Support Engineer',
  MANAGER: 'Support Manager',
  SUPPORT_ACCOUNT_MANAGER: 'Support Account Manager',
  ADMIN: 'Administrator',
})

/** Case statuses, as badges and the engineers' queue show them. */
export const STATUS_LABELS: Readonly<Record<string, string>> = Object.freeze({
  NEW: 'New',
  IN_PROGRESS: 'In progress',
  WAITING_ON_CUSTOMER: 'Waiting on customer',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
})

/** The same for the customer's own list ("My cases"), which speaks to the customer. */
export const CUSTOMER_STATUS_LABELS: Readonly<Record<string, string>> = Object.freeze({ ...STATUS_LABELS, WAITING_ON_CUSTOMER: 'Waiting on you' })
