import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compressAssets } from './compress-assets'

describe('compressAssets', () => {
  it('writes .br and .gz copies of the text files big enough to gain from it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'billfold-compress-'))
    try {
      const big = `console.log(${JSON.stringify('billfold '.repeat(300))})`
      await writeFile(join(root, 'app.js'), big)
      await writeFile(join(root, 'tiny.js'), 'x()')
      await writeFile(join(root, 'logo.png'), Buffer.alloc(4096))
      const plugin = compressAssets() as unknown as { configResolved: (c: object) => void; writeBundle: (o: object, bundle: object) => void }

      plugin.configResolved({ root, build: { outDir: '.' } })
      plugin.writeBundle({}, { 'app.js': {}, 'tiny.js': {}, 'logo.png': {} })

      expect(brotliDecompressSync(readFileSync(join(root, 'app.js.br'))).toString()).toBe(big)
      expect(gunzipSync(readFileSync(join(root, 'app.js.gz'))).toString()).toBe(big)
      expect(existsSync(join(root, 'tiny.js.br'))).toBe(false)
      expect(existsSync(join(root, 'logo.png.gz'))).toBe(false)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
