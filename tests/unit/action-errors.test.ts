import { describe, expect, test } from 'vitest'
import { ZOpenCaseInput } from '../../src/lib/cases/schemas'
import { AppError, validationError } from '../../src/server/errors'
import { formError, labelOf } from '../../src/server/api/action'

// Issue 11: a refusal names fields in words, keyed by the form's own field names (decision 0010).
describe('labelOf', () => {
  test.each([
    ['technicalContact.phone', 'Technical contact phone'],
    ['supportIdCode', 'Support ID code'],
    ['preferredLanguage', 'Preferred language'],
    ['body', 'Body'],
  ])('%s → %s', (path, label) => expect(labelOf(path)).toBe(label))
})

describe('formError', () => {
  const contactWithoutPhone = {
    supportId: 'AC-PROD-1002',
    productVersionId: 'v1',
    category: 'TECHNICAL',
    severity: '1',
    title: 'Replication down',
    description: 'Replication stopped at 02:00.',
    preferredLanguage: 'English',
    technicalContact: { name: 'Jordan Lee', phone: '' },
  }
  const refused = validationError(ZOpenCaseInput.safeParse(contactWithoutPhone).error!)

  test('keys field errors by the form field a schema path comes from, and words the message without paths', () => {
    const error = formError(refused, { 'technicalContact.phone': { name: 'technicalContactPhone', label: 'Technical contact phone' } })
    expect(error.fields).toEqual({ technicalContactPhone: 'Technical contact phone must be a phone number such as +1 312 555 0188' })
    expect(error.message).toBe('Please correct: Technical contact phone must be a phone number such as +1 312 555 0188')
    expect(error.message).not.toContain('technicalContact')
  })

  test('a message that does not name its field gets the label in front; other refusals keep their message', () => {
    const error = formError(new AppError('UNPROCESSABLE', 'Case #9 does not exist', [{ path: 'duplicateOf', message: 'No such case' }]), {
      duplicateOf: { label: 'Duplicate of case number' },
    })
    expect(error).toEqual({ code: 'UNPROCESSABLE', message: 'Case #9 does not exist', fields: { duplicateOf: 'Duplicate of case number: No such case' } })
    expect(formError(new AppError('CONFLICT', 'Changed by someone else'))).toEqual({ code: 'CONFLICT', message: 'Changed by someone else', fields: undefined })
  })
})
