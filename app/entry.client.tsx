import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { initAll } from "govuk-frontend";
import { PublicEnvProvider } from "~/utils/public-env";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <PublicEnvProvider value={window.__PUBLIC_ENV__}>
        <RemixBrowser />
      </PublicEnvProvider>
    </StrictMode>,
  );
});

// GOV.UK Frontend's JavaScript enhancements, after hydration.
requestAnimationFrame(() => {
  document.body.classList.add("js-enabled", "govuk-frontend-supported");
  initAll();
});
