import { h } from 'vue'
import { describe, expect, it } from 'vitest'
import SideSheet from './billing/SideSheet.vue'
import MerchantDialog from './merchant/MerchantDialog.vue'
import { renderHtml, tagWithId } from './render-html.test-util'

const slots = { default: () => h('p', 'Body'), footer: () => h('button', 'Save') }

describe('ModalFrame', () => {
  it('labels a side sheet by its heading and describes it by its description, with the sheet classes', async () => {
    const html = await renderHtml(SideSheet, { open: false, title: 'Add a card', description: 'For Acme' }, slots)
    expect(html).toMatch(/^<dialog class="sheet" aria-labelledby="v-0-title" aria-describedby="v-0-description"/)
    expect(tagWithId(html, 'v-0-title')).toMatch(/<h2 [^>]*class="sheet-title" tabindex="-1"/)
    expect(tagWithId(html, 'v-0-description')).toContain('class="muted"')
    for (const part of ['sheet-panel', 'sheet-header', 'sheet-heading', 'sheet-body', 'sheet-footer']) expect(html).toContain(`class="${part}"`)
  })

  it('marks a busy sheet busy and disables its close button', async () => {
    const html = await renderHtml(SideSheet, { open: false, title: 'Add a card', busy: true }, slots)
    expect(html).toContain('aria-busy="true"')
    expect(html).toMatch(/<button type="button" class="btn btn-ghost btn-icon" aria-label="Close" disabled/)
    expect(html).not.toContain('aria-describedby')
  })

  it('renders a merchant dialog in its width, without a footer when none is given', async () => {
    const html = await renderHtml(MerchantDialog, { open: false, title: 'Delete key?', size: 'sm' }, { default: slots.default })
    expect(html).toMatch(/^<dialog class="dialog dialog-sm" aria-labelledby="v-0-title"/)
    expect(html).not.toContain('aria-busy')
    expect(html).toMatch(/aria-label="Close"(?! disabled)/)
    expect(html).toContain('class="dialog-body"')
    expect(html).not.toContain('<footer')
    const medium = await renderHtml(MerchantDialog, { open: false, title: 'Delete key?' })
    expect(medium).toMatch(/^<dialog class="dialog dialog-md"/)
  })
})
