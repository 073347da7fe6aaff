import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/

/**
 * Writes a `.br` and a `.gz` next to every text file of the build, compressed once at their
 * highest levels, for the gateway to send as they are (`preCompressed`) instead of compressing
 * on each request or not at all. Files too small to gain anything are left alone.
 */
export function compressAssets(options: { minBytes?: number } = {}): Plugin {
  const minBytes = options.minBytes ?? 1024
  let outDir = ''
  return {
    name: 'billfold:compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file))) {
        const path = join(outDir, name)
        const content = readFileSync(path)
        if (content.length < minBytes) continue
        const brotli = brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
        })
        writeFileSync(`${path}.br`, brotli)
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }))
      }
    },
  }
}
