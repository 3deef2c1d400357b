// The case file: a header (who the case is about, where it stands, who has
// it, what needs attention) and the section navigation, around the section
// shown (each a child route with its own loader, audited once per view).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireCaseAccess } from "~/auth/guard.server";
import { caseHeader } from "~/cases/case-file.server";
import { sectionPath } from "~/cases/sections";
import { stageLabels, stageTagColours } from "~/cases/stage";

export const handle = { permission: "case:read" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference);
  return caseHeader(found.id, user.roles);
}

export default function CaseFile() {
  const header = useLoaderData<typeof loader>();
  return (
    <>
      <div className="app-case-header">
        <span className="govuk-caption-l">{[header.subject, header.job].filter(Boolean).join(", ")}</span>
        <h1 className="govuk-heading-l govuk-!-margin-bottom-2">
          {header.reference} <strong className={`govuk-tag ${stageTagColours[header.stage]}`}>{stageLabels[header.stage]}</strong>
        </h1>
        <p className="govuk-body govuk-!-margin-bottom-2">Allocated to: {header.allocatedTo ?? "Unallocated"}</p>
        {header.flags.length ? (
          <ul className="govuk-list app-case-flags" aria-label="Needs attention">
            {header.flags.map((flag) => (
              <li key={flag.text}>
                <strong className={`govuk-tag ${flag.urgent ? "govuk-tag--red" : "govuk-tag--yellow"}`}>{flag.text}</strong>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <nav className="app-section-nav" aria-label="Case file">
            <ul className="app-section-nav__list">
              {header.sections.map((section) => (
                <li className="app-section-nav__item" key={section.slug}>
                  <NavLink
                    to={sectionPath(header.reference, section.slug)}
                    end
                    prefetch="none"
                    className={({ isActive }) => `app-section-nav__link${isActive ? " app-section-nav__link--active" : ""}`}
                  >
                    {section.title}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="govuk-grid-column-three-quarters">
          <Outlet />
        </div>
      </div>
    </>
  );
}
