import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    projects: [
      "web/vitest.config.ts",
      {
        resolve: {
          // One graphql instance for test files and the CJS packages that load it (federation).
          alias: [{ find: /^graphql$/, replacement: require.resolve("graphql", { paths: ["subgraphs/shared"] }) }],
        },
        test: {
          name: "server",
          include: ["subgraphs/*/src/**/*.test.ts", "gateway/src/**/*.test.ts", "schema/**/*.test.ts", "scripts/src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
          testTimeout: 30_000,
          hookTimeout: 180_000,
          pool: "forks",
        },
      },
    ],
  },
});
