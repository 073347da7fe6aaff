import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

const PREFIX = 'virtual:graphql-document/'
const CALL = /\bgraphql\(\s*(?:\/\*\s*GraphQL\s*\*\/\s*)?`([^`]*)`\s*\)/g

/** One generated folder of the client preset: which document each `graphql()` source maps to, and each document's AST. */
export interface GeneratedDocuments {
  exportBySource: Map<string, string>
  astByExport: Map<string, string>
}

/** Reads `gql.ts` (source → export name) and `graphql.ts` (export name → document AST) of a client-preset folder. */
export function readGeneratedDocuments(folder: string): GeneratedDocuments {
  const gql = readFileSync(join(folder, 'gql.ts'), 'utf8')
  const map = gql.slice(gql.indexOf('const documents'))
  const exportBySource = new Map<string, string>()
  for (const m of map.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) exportBySource.set(JSON.parse(m[1]) as string, m[2])
  const astByExport = new Map<string, string>()
  for (const m of readFileSync(join(folder, 'graphql.ts'), 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) {
    astByExport.set(m[1], m[2])
  }
  return { exportBySource, astByExport }
}

/**
 * Replaces each `graphql(/* GraphQL *\/ `…`)` call with an import of that one document, so a
 * chunk carries only its own operations instead of the preset's map of all of them (the job of
 * the preset's Babel plugin, which this Rolldown build has no Babel for). `folders` are the
 * generated folders (relative to `root`); `folderOf` names the one a source file's calls use.
 */
export function inlineGraphQLDocuments(options: { root: string; folders: string[]; folderOf: (file: string) => string | null }): Plugin {
  const generatedFolders = options.folders.map((folder) => `${join(options.root, folder)}/`)
  const generated = new Map<string, GeneratedDocuments>()
  const documentsIn = (folder: string) => {
    let documents = generated.get(folder)
    if (!documents) generated.set(folder, (documents = readGeneratedDocuments(join(options.root, folder))))
    return documents
  }

  return {
    name: 'billfold:inline-graphql-documents',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      generated.clear()
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null
      const path = id.slice(PREFIX.length + 1)
      const folder = path.slice(0, path.lastIndexOf('/'))
      const name = path.slice(folder.length + 1)
      const ast = documentsIn(folder).astByExport.get(name)
      if (!ast) this.error(`${name} is not in ${folder}/graphql.ts: run the web codegen`)
      return `export default ${ast}`
    },
    transform(code, id) {
      const file = id.split('?', 1)[0]
      // Once no call site is left, the preset's modules are dead weight: let the bundler drop them whole.
      if (generatedFolders.some((folder) => file.startsWith(folder))) return { code, map: null, moduleSideEffects: false }
      const folder = options.folderOf(file)
      if (!folder || !code.includes('graphql(')) return null
      const { exportBySource } = documentsIn(folder)
      const imports: string[] = []
      const replaced = code.replace(CALL, (call, source: string) => {
        const name = exportBySource.get(source)
        if (!name) this.error(`a graphql() document in ${id} is not in ${folder}/gql.ts: run the web codegen`)
        const local = `__graphqlDocument${imports.length}`
        imports.push(`import ${local} from ${JSON.stringify(`${PREFIX}${folder}/${name}`)};`)
        return local + '\n'.repeat(call.split('\n').length - 1)
      })
      // Imports prepended on the first line and each call's line breaks kept: every line keeps its number.
      return imports.length ? { code: imports.join('') + replaced, map: null } : null
    },
  }
}
