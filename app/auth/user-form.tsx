// The one form for a staff account, adding or changing it: the same roles
// and password fields, with name and email when adding, and active or not
// when changing. Passwords are never shown back. The page puts the error
// summary above its heading.
import type { Role } from "~/generated/prisma/enums";
import { Button, Checkboxes, Radios, TextInput, type FieldState } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { roleLabels } from "./permissions";

const roleOptions = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));

export function UserForm({ existing, state }: { existing?: { roles: Role[]; active: boolean }; state?: FieldState }) {
  return (
    <StaffForm noValidate>
      {existing ? null : (
        <>
          <TextInput name="name" label="Full name" autoComplete="off" state={state} />
          <TextInput name="email" label="Email address" type="email" spellCheck={false} autoComplete="off" state={state} />
        </>
      )}
      <Checkboxes
        name="roles"
        legend="Roles"
        hint="Select all that apply."
        options={roleOptions}
        state={state}
        defaultValues={existing?.roles}
      />
      {existing ? (
        <Radios
          name="active"
          legend="Account"
          options={[
            { value: "yes", label: "Active: can sign in" },
            { value: "no", label: "Deactivated: signed out everywhere and cannot sign in" },
          ]}
          state={state}
          defaultValue={existing.active ? "yes" : "no"}
        />
      ) : null}
      <TextInput
        name="password"
        label={existing ? "New temporary password (optional)" : "Temporary password"}
        hint={
          existing
            ? "Leave blank to keep their password. Setting one signs them out everywhere."
            : "At least 12 characters. Give it to them in person or by phone, never with their email address."
        }
        type="password"
        autoComplete="new-password"
        state={state}
      />
      <Button>{existing ? "Save changes" : "Add user"}</Button>
    </StaffForm>
  );
}
