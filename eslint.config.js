// Stock recommended rules: JavaScript, TypeScript and React hooks.
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
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
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
