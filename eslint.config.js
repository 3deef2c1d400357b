// Stock recommended rules: JavaScript, TypeScript and React hooks; for
// TypeScript also the type-aware rules that catch a promise nobody awaits,
// and a warning when a function grows too many paths to follow.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "app/generated/", "node_modules/", "data/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // What runs in production: a function with more paths than this is split
    // into named steps. (Test factories and benchmarks, which map many
    // optional choices onto data, are not held to it.)
    files: ["app/**/*.{ts,tsx}", "server/**/*.ts"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: { complexity: ["warn", 15] },
  },
  {
    // One way to read a request body, with its limits: readForm (forms) or readAttachmentUploads (files).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/forms.server.ts", "app/documents/uploads.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(formData|text|json|arrayBuffer|blob)$/][callee.object.name=/^req(uest)?$/]",
          message: "Read a request body with readForm (app/utils/forms.server.ts), which limits its size and fields.",
        },
      ],
    },
  },
);
