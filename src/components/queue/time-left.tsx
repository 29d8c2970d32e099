// The countdown is one component, src/components/cases/time-left.tsx. This path stays only for
// src/components/engineer/vendor-case-tools.tsx until it imports from there.
export { TimeLeft, type TimeLeftProps } from '@/components/cases/time-left'
