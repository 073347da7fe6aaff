import type { CodegenConfig } from '@graphql-codegen/cli'

// Until schema/supergraph.graphql is composed, run with BILLFOLD_SCHEMA=../.scratch/draft-supergraph.graphql.
const schema = process.env.BILLFOLD_SCHEMA ?? '../schema/supergraph.graphql'
// scripts/src/check-generated.ts regenerates into a temporary folder to prove src/gql is current.
const out = process.env.BILLFOLD_CODEGEN_OUT ?? './src/gql/'

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.{ts,vue}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        skipTypename: false,
        dedupeFragments: true,
      },
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'useFragment' },
      },
    },
  },
}

export default config
