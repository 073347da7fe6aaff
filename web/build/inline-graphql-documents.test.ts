import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inlineGraphQLDocuments, readGeneratedDocuments } from './inline-graphql-documents'

let root: string
const SOURCE = '\n  query Shell {\n    viewer {\n      email\n    }\n  }\n'
const AST = '{"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shell"}}]}'

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'billfold-gql-'))
  await mkdir(join(root, 'src/gql'), { recursive: true })
  await writeFile(
    join(root, 'src/gql/gql.ts'),
    `type Documents = {\n    ${JSON.stringify(SOURCE)}: typeof types.ShellDocument,\n};\nconst documents: Documents = {\n    ${JSON.stringify(SOURCE)}: types.ShellDocument,\n};\n`,
  )
  await writeFile(join(root, 'src/gql/graphql.ts'), `export type ShellQuery = { viewer: { email: string } };\n\nexport const ShellDocument = ${AST} as unknown as DocumentNode<ShellQuery, ShellQueryVariables>;\n`)
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

type Hook = (this: { error: (message: string) => never }, ...args: string[]) => unknown
const context = { error: (message: string): never => { throw new Error(message) } }
const plugin = () => inlineGraphQLDocuments({ root, folders: ['src/gql'], folderOf: (file) => (file.endsWith('.vue') ? 'src/gql' : null) })

describe('inlineGraphQLDocuments', () => {
  it('reads which export each graphql() source maps to, and each export\'s AST', () => {
    const { exportBySource, astByExport } = readGeneratedDocuments(join(root, 'src/gql'))

    expect(exportBySource.get(SOURCE)).toBe('ShellDocument')
    expect(astByExport.get('ShellDocument')).toBe(AST)
  })

  it('replaces a graphql() call with an import of its one document, served as a module of its AST', () => {
    const { transform, resolveId, load } = plugin() as unknown as Record<string, Hook>
    const code = `import { graphql } from '~/gql'\nconst q = useQuery(graphql(/* GraphQL */ \`${SOURCE}\`))\n`

    const result = transform.call(context, code, '/x/Page.vue?vue&type=script') as { code: string }
    const specifier = /from "([^"]+)"/.exec(result.code)![1]

    expect(result.code).toMatch(/useQuery\(__graphqlDocument0\s*\)/)
    expect(result.code.split('\n')).toHaveLength(code.split('\n').length)
    expect(load.call(context, resolveId.call(context, specifier) as string)).toBe(`export default ${AST}`)
  })

  it('fails the build for a document the generated code does not know (codegen not run)', () => {
    const { transform } = plugin() as unknown as Record<string, Hook>

    expect(() => transform.call(context, 'graphql(`query Other { x }`)', '/x/Page.vue')).toThrow(/run the web codegen/)
  })

  it('leaves files outside the folders alone and marks the generated modules free of side effects', () => {
    const { transform } = plugin() as unknown as Record<string, Hook>

    expect(transform.call(context, 'graphql(`x`)', '/x/other.ts')).toBeNull()
    expect(transform.call(context, 'export const a = 1', join(root, 'src/gql/graphql.ts'))).toMatchObject({ moduleSideEffects: false })
  })
})
