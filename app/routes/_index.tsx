import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { homeFor } from "~/auth/home";
import { currentSession } from "~/auth/session.server";

// Signed in: straight to one's own work (an account without roles has none, and sees this page).
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await currentSession(request);
  const home = session ? homeFor(session.user.roles).path : "/";
  if (home !== "/") throw redirect(home);
  return null;
}

export default function Start() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Allegations against people who work with children</h1>
        <p className="govuk-body">
          The Local Authority Designated Officer (LADO) handles concerns and allegations about adults who work or volunteer with children:
          teachers, nursery staff, foster carers, coaches, youth workers, faith leaders and health staff.
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            If a child is in immediate danger, call 999.
          </strong>
        </div>
        <p className="govuk-body">
          <Link to="/refer" className="govuk-button govuk-button--start" role="button" draggable="false">
            Tell the LADO about a concern
          </Link>
        </p>
        <h2 className="govuk-heading-m">Staff</h2>
        <p className="govuk-body">
          <Link to="/sign-in" className="govuk-link">
            Sign in to the case management system
          </Link>
        </p>
      </div>
    </div>
  );
}
