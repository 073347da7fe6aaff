import { type Component, createSSRApp, h, type VNode } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { i18n } from '~/modules/i18n'

/** Server-renders a component with the app's i18n, for tests that check the markup (no DOM here). */
export function renderHtml(component: Component, props: Record<string, unknown> = {}, slots?: Record<string, () => VNode>): Promise<string> {
  const app = createSSRApp({ render: () => h(component, props, slots) })
  app.use(i18n)
  return renderToString(app)
}

/** The opening tag of the element with this id, e.g. `<input id="v-0-cvc" …>`. */
export function tagWithId(html: string, id: string): string {
  return new RegExp(`<[a-z0-9]+ [^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? ''
}
