import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/Coopol.Api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}', '!src/test/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        // Documents are emitted as typed strings: the app sends them as-is, no GraphQL parser in the bundle.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // Long (a file's size) is a JSON number: far below 2^53.
        scalars: { DateTime: 'string', DateOnly: 'string', Guid: 'string', Decimal: 'number', Long: 'number' },
        skipTypename: false,
        avoidOptionals: false,
      },
    },
  },
};

export default config;
