import type { Plugin, Rolldown } from 'vite'

type OutputBundle = Rolldown.OutputBundle
type OutputChunk = Rolldown.OutputChunk

/** `page-preloads.json`: for a page path (exact, or a prefix when it ends with `/`), the files its page needs beyond the entry. */
export type PagePreloads = Record<string, { scripts: string[]; styles: string[] }>

const isChunk = (output: OutputBundle[string] | undefined): output is OutputChunk => output?.type === 'chunk'

/**
 * Writes `page-preloads.json` next to index.html: for each given page path, the page module's
 * chunk, the chunks it imports statically and their CSS, minus what index.html loads anyway. The
 * gateway adds them to index.html as preload links, so a landing page's code downloads with the
 * entry instead of after it has run.
 */
export function pagePreloads(options: { pages: Record<string, string> }): Plugin {
  return {
    name: 'billfold:page-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(isChunk)
      const closure = (start: OutputChunk[]) => {
        const seen = new Set<string>()
        const visit = (chunk: OutputChunk) => {
          if (seen.has(chunk.fileName)) return
          seen.add(chunk.fileName)
          for (const name of chunk.imports) if (isChunk(bundle[name])) visit(bundle[name])
        }
        start.forEach(visit)
        return seen
      }
      const loadedByEntry = closure(chunks.filter((c) => c.isEntry))
      const preloads: PagePreloads = {}
      for (const [path, module] of Object.entries(options.pages)) {
        const page = chunks.find((c) => c.facadeModuleId?.endsWith(module))
        if (!page) this.error(`page-preloads: no chunk for ${module}`)
        const files = [...closure([page])].filter((file) => !loadedByEntry.has(file))
        const styles = files.flatMap((file) => [...((bundle[file] as OutputChunk).viteMetadata?.importedCss ?? [])])
        preloads[path] = { scripts: files.map((f) => `/${f}`), styles: [...new Set(styles)].map((f) => `/${f}`) }
      }
      this.emitFile({ type: 'asset', fileName: 'page-preloads.json', source: JSON.stringify(preloads, null, 2) })
    },
  }
}
