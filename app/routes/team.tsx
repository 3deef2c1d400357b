// The team view: a manager's home page. "My work" for every open case, with
// who has each, filtered to one LADO or to the cases nobody has; and the
// closures awaiting sign-off, split between those this manager may sign off
// and those they proposed themselves, which wait for another manager
// (app/allegations/my-work.server.ts). Each view is audited with its filter.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { teamLados, viewTeamWork } from "~/allegations/my-work.server";
import { WorkLists } from "~/allegations/work-lists";
import { requireUser } from "~/auth/guard.server";
import { Select } from "~/components/form-fields";

export const handle = { permission: "team:read" };
export const meta: MetaFunction = () => [{ title: "Team - LADO case management" }];

const UNALLOCATED = "unallocated";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "team:read");
  const lados = await teamLados();
  // Anything but "unallocated" or a LADO's id (a stale or edited address) shows everyone's.
  const asked = new URL(request.url).searchParams.get("lado") ?? "";
  const lado = asked === UNALLOCATED || lados.some((l) => l.id === asked) ? asked : "";
  const team = lado === "" ? "all" : lado === UNALLOCATED ? UNALLOCATED : { ladoId: lado };
  const work = await viewTeamWork(request, user.id, team);
  return { work, lados, lado, userId: user.id, filteredTo: lados.find((l) => l.id === lado)?.name ?? null };
}

export default function Team() {
  const { work, lados, lado, userId, filteredTo } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Team</h1>
      <p className="govuk-body">
        {lado === ""
          ? "What is due, overdue or flagged on every open case, with the LADO who has each."
          : lado === UNALLOCATED
            ? "What is due, overdue or flagged on the open cases not allocated to anyone."
            : `What is due, overdue or flagged on the open cases allocated to ${filteredTo}.`}
      </p>
      <Form method="get">
        <Select
          name="lado"
          label="LADO"
          placeholder="All LADOs"
          defaultValue={lado}
          options={[
            { value: UNALLOCATED, label: "Not allocated" },
            ...lados.map((l) => ({ value: l.id, label: l.active ? l.name : `${l.name} (no longer active)` })),
          ]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show
        </button>
      </Form>
      <WorkLists work={work} team signer={userId} />
    </>
  );
}
