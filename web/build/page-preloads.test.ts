import { describe, expect, it } from 'vitest'
import { type PagePreloads, pagePreloads } from './page-preloads'

const chunk = (fileName: string, imports: string[], extra: Record<string, unknown> = {}) => ({ type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, ...extra })

describe('pagePreloads', () => {
  it('lists a page chunk, its static imports and their CSS, leaving out what the entry loads anyway', () => {
    const bundle = {
      'assets/index.js': chunk('assets/index.js', ['assets/vue.js'], { isEntry: true }),
      'assets/vue.js': chunk('assets/vue.js', []),
      'assets/Auth.js': chunk('assets/Auth.js', ['assets/vue.js', 'assets/Layout.js'], { facadeModuleId: '/w/src/pages/Auth.vue', viteMetadata: { importedCss: new Set(['assets/Auth.css']) } }),
      'assets/Layout.js': chunk('assets/Layout.js', ['assets/vue.js'], { viteMetadata: { importedCss: new Set(['assets/Layout.css']) } }),
      'assets/Portal.js': chunk('assets/Portal.js', ['assets/apollo.js'], { facadeModuleId: '/w/src/pages/Portal.vue' }),
    }
    const emitted: { fileName: string; source: string }[] = []
    const plugin = pagePreloads({ pages: { '/auth/': 'src/pages/Auth.vue' } }) as unknown as { generateBundle: (this: object, options: object, bundle: object) => void }

    plugin.generateBundle.call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file), error: (m: string) => { throw new Error(m) } }, {}, bundle)

    expect(emitted[0].fileName).toBe('page-preloads.json')
    expect(JSON.parse(emitted[0].source) as PagePreloads).toEqual({
      '/auth/': { scripts: ['/assets/Auth.js', '/assets/Layout.js'], styles: ['/assets/Auth.css', '/assets/Layout.css'] },
    })
  })
})
