// Pieces the public referral form's pages share: what to do now (the wording
// is in next-steps.ts, which the receipt email uses too), and the links under
// every form page.
import { Link, useLocation } from "@remix-run/react";
import { NEXT_STEPS_HEADING, nextSteps } from "./next-steps";

export function NextSteps() {
  return (
    <>
      <h2 className="govuk-heading-m">{NEXT_STEPS_HEADING}</h2>
      <ul className="govuk-list govuk-list--bullet">
        {nextSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * Under every form page: "Delete my answers", for a referrer on a shared
 * computer (a page asks them to confirm, and can send them back here), and
 * the privacy notice. The notice opens in a new tab, so answers typed on this
 * page but not yet saved are not lost: the one case where GOV.UK advises a
 * new tab.
 */
export function FormPageLinks() {
  const from = useLocation().pathname.replace(/^\/refer\//, "");
  return (
    <>
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/refer/delete?from=${from}`}>
            Delete my answers
          </Link>
        </li>
        <li>
          <a className="govuk-link" href="/refer/privacy" target="_blank" rel="noopener noreferrer">
            How we use your information (opens in new tab)
          </a>
        </li>
      </ul>
    </>
  );
}
