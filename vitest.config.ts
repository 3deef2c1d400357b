import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ["app/**/*.test.{ts,tsx}", "tests/**/*.test.ts"],
      globalSetup: ["tests/global-setup.ts"],
      setupFiles: ["tests/setup-file.ts"],
      pool: "forks",
      testTimeout: 30_000,
      hookTimeout: 120_000,
      reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    },
  }),
);
