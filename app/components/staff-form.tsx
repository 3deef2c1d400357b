// Every staff form that changes something: a POST carrying the signed-in
// user's CSRF token, which requireUser checks before the action runs.
import { Form, useRouteLoaderData, type FormProps } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

export function CsrfField() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}

export function StaffForm({ children, ...props }: Omit<FormProps, "method">) {
  return (
    <Form method="post" {...props}>
      <CsrfField />
      {children}
    </Form>
  );
}
