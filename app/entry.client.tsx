import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { initAll } from "govuk-frontend";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

// GOV.UK Frontend's JavaScript enhancements, after hydration.
requestAnimationFrame(() => {
  document.body.classList.add("js-enabled", "govuk-frontend-supported");
  initAll();
});
