import type { CodegenConfig } from '@graphql-codegen/cli'

// Until schema/supergraph.graphql is composed, run with BILLFOLD_SCHEMA=../.scratch/draft-supergraph.graphql.
const schema = process.env.BILLFOLD_SCHEMA ?? '../schema/supergraph.graphql'
// scripts/src/check-generated.ts regenerates into temporary folders to prove src/gql and src/gql-merchant are current.
const out = process.env.BILLFOLD_CODEGEN_OUT ?? './src/gql/'
const merchantOut = process.env.BILLFOLD_CODEGEN_MERCHANT_OUT ?? './src/gql-merchant/'

/**
 * Operations on a business's own endpoint (/business/{id}/graphql) live in `*.merchant.ts` files
 * and are typed against that business's graph (schema/business.graphql, printed from the
 * subgraph); everything else goes through the gateway and is typed against the supergraph.
 */
const MERCHANT_DOCUMENTS = 'src/**/*.merchant.ts'

const clientConfig = {
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: { DateTime: 'string' },
  skipTypename: false,
  dedupeFragments: true,
}

const config: CodegenConfig = {
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      schema,
      documents: ['src/**/*.{ts,vue}', '!src/gql/**/*', '!src/gql-merchant/**/*', `!${MERCHANT_DOCUMENTS}`],
      preset: 'client',
      config: clientConfig,
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'useFragment' },
      },
    },
    [merchantOut]: {
      schema: '../schema/business.graphql',
      documents: [MERCHANT_DOCUMENTS],
      preset: 'client',
      config: clientConfig,
      presetConfig: {
        fragmentMasking: false,
      },
    },
  },
}

export default config
