import { describe, expect, it } from 'vitest'
import { renderHtml, tagWithId } from '../render-html.test-util'
import CardForm from './CardForm.vue'

describe('CardForm', () => {
  it('gives each card input its label, autocomplete, numeric inputmode and field name', async () => {
    const html = await renderHtml(CardForm)
    for (const [field, label, autocomplete, name, maxlength] of [
      ['number', 'Card number', 'cc-number', 'cardnumber', '23'],
      ['expiry', 'Expiry date (MM/YY)', 'cc-exp', 'cc-exp', '7'],
      ['cvc', 'Security code (CVC)', 'cc-csc', 'cvc', '4'],
    ]) {
      expect(html).toContain(`<label for="v-0-${field}">${label}</label>`)
      const input = tagWithId(html, `v-0-${field}`)
      expect(input).toContain(`autocomplete="${autocomplete}"`)
      expect(input).toContain(`name="${name}"`)
      expect(input).toContain(`maxlength="${maxlength}"`)
      expect(input).toContain('type="text"')
      expect(input).toContain('inputmode="numeric"')
      expect(input).toContain('aria-invalid="false"')
    }
    expect(tagWithId(html, 'v-0-number')).toContain('spellcheck="false"')
    expect(html).not.toContain('style=')
  })

  it('describes the CVC input by its hint, and the other inputs by nothing, while there is no error', async () => {
    const html = await renderHtml(CardForm)
    expect(tagWithId(html, 'v-0-cvc')).toContain('aria-describedby="v-0-cvc-hint"')
    expect(tagWithId(html, 'v-0-cvc-hint')).toContain('class="field-hint"')
    expect(tagWithId(html, 'v-0-number')).not.toContain('aria-describedby')
    expect(tagWithId(html, 'v-0-expiry')).not.toContain('aria-describedby')
    expect(html).not.toContain('role="alert"')
  })

  it('disables every card input while disabled', async () => {
    const html = await renderHtml(CardForm, { disabled: true })
    for (const field of ['number', 'expiry', 'cvc']) expect(tagWithId(html, `v-0-${field}`)).toMatch(/ disabled[ >]/)
  })
})
