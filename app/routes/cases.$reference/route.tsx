// The case file: a header (who the case is about, where it stands, who has
// it, what needs attention) and the section navigation, around the section
// shown (each a child route with its own loader, audited once per view).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { caseHeader } from "~/cases/case-file.server";
import { sectionPath } from "~/cases/sections";
import { stageLabels, stageTagColours } from "~/cases/stage";
import { StaffForm } from "~/components/staff-form";

export const handle = { permission: "case:read" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference);
  const header = await caseHeader(found.id, user.roles);
  // A LADO takes a contact nobody has; a manager allocates (cases.$reference_.allocate).
  return {
    ...header,
    may: {
      take: user.roles.includes("LADO") && !header.allocatedTo,
      allocate: can(user.roles, "case:allocate"),
      export: can(user.roles, "case:export"),
    },
  };
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
        <div className="app-case-allocation govuk-!-margin-bottom-2">
          <p className="govuk-body govuk-!-margin-0">Allocated to: {header.allocatedTo ?? "Unallocated"}</p>
          {header.may.allocate ? (
            <Link className="govuk-link govuk-body" to={sectionPath(header.reference, "allocate")}>
              {header.allocatedTo ? "Change allocation" : "Allocate"}
            </Link>
          ) : null}
          {header.may.take ? (
            <StaffForm action={sectionPath(header.reference, "allocate")}>
              <input type="hidden" name="intent" value="take" />
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-0" data-module="govuk-button">
                Take this contact
              </button>
            </StaffForm>
          ) : null}
        </div>
        {header.may.export ? (
          <p className="govuk-body govuk-!-margin-bottom-2 govuk-!-display-none-print">
            {/* A plain link: the file downloads (cases.$reference_.case-file[.]pdf) instead of being routed by Remix. */}
            <a className="govuk-link" href={sectionPath(header.reference, "case-file.pdf")} download>
              Download the whole case file (PDF)
            </a>
          </p>
        ) : null}
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
