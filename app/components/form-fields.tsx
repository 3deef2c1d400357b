// GOV.UK Design System form components. Each shows its own error message and
// keeps what was typed.
import { Fragment, useEffect, useRef, type ReactNode } from "react";

export type FieldState = { errors?: Record<string, string>; values?: Record<string, string | string[]> };

function valueOf(state: FieldState | undefined, name: string) {
  const v = state?.values?.[name];
  return typeof v === "string" ? v : "";
}

export function ErrorSummary({ errors }: { errors?: Record<string, string> }) {
  const entries = Object.entries(errors ?? {});
  const shown = entries.map(([field, message]) => `${field}:${message}`).join("\n");
  const root = useRef<HTMLDivElement>(null);
  // GOV.UK Frontend's initAll() runs once, after hydration; a summary shown
  // later (an action's answer) is started here. Its script moves focus to the
  // summary and makes each link focus its field; without it the link is a
  // hash change, on which Remix clears the action's data: summary, messages
  // and all. Without JavaScript the plain links do the job.
  useEffect(() => {
    const element = root.current;
    if (!element || !document.body.classList.contains("govuk-frontend-supported")) return;
    void import("govuk-frontend").then(({ ErrorSummary: GovukErrorSummary }) => {
      if (element.isConnected && !element.hasAttribute("data-govuk-error-summary-init")) new GovukErrorSummary(element);
    });
  }, [shown]);
  if (entries.length === 0) return null;
  return (
    // A new element for new errors, so focus moves to it again.
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={root} key={shown}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

/** A field's hint and error message, with the ids its control's aria-describedby names. */
function HintAndError({ name, hint, error }: { name: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={name} message={error} />
    </>
  );
}

function describedBy(name: string, hint?: ReactNode, error?: string) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextInput({
  name,
  label,
  hint,
  state,
  type = "text",
  autoComplete,
  width,
  spellCheck,
  inputMode,
  suffix,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  state?: FieldState;
  type?: "text" | "email" | "password" | "tel" | "search";
  autoComplete?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  spellCheck?: boolean;
  /** "numeric" for a whole number (GOV.UK: a text input, not type="number"), "decimal" for one with a point. */
  inputMode?: "numeric" | "decimal";
  /** A unit after the box, such as "days" (hidden from screen readers: say it in the label or hint too). */
  suffix?: string;
}) {
  const error = state?.errors?.[name];
  const input = (
    <input
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
      id={name}
      name={name}
      type={type}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      inputMode={inputMode}
      defaultValue={type === "password" ? undefined : valueOf(state, name)}
      aria-describedby={describedBy(name, hint, error)}
    />
  );
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      {suffix ? (
        <div className="govuk-input__wrapper">
          {input}
          <div className="govuk-input__suffix" aria-hidden="true">
            {suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </LabelledField>
  );
}

/** A GOV.UK file upload: one file, of the types `accept` names. */
export function FileUpload({
  name,
  label,
  hint,
  error,
  accept,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  accept?: string;
}) {
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <input
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(name, hint, error)}
      />
    </LabelledField>
  );
}

/** A form group with its label, hint and error message around one control. */
function LabelledField({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A submit button; `name` and `value` say which of a form's buttons was pressed. */
export function Button({ children, secondary, name, value }: { children: ReactNode; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={`govuk-button${secondary ? " govuk-button--secondary" : ""}`}
      data-module="govuk-button"
    >
      {children}
    </button>
  );
}

type Choice = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The "or" option that stands alone ("None of these"): after a divider, and choosing it clears the others (GOV.UK Frontend's script). */
  exclusive?: boolean;
  /** A follow-up question revealed when this option is chosen (shown to all without JavaScript). */
  conditional?: ReactNode;
};
type ChoicesProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Choice[];
  state?: FieldState;
  inline?: boolean;
};

/** GOV.UK checkboxes or radios: one fieldset, its hint and error, and the options. */
function Choices({
  kind,
  name,
  legend,
  hint,
  options,
  state,
  inline,
  checked,
}: ChoicesProps & { kind: "checkboxes" | "radios"; checked: string[] }) {
  const error = state?.errors?.[name];
  return (
    <FieldsetField name={name} legend={legend} hint={hint} error={error}>
      <div className={`govuk-${kind} govuk-${kind}--small${inline ? ` govuk-${kind}--inline` : ""}`} data-module={`govuk-${kind}`}>
        {options.map((option, i) => {
          const id = i === 0 ? name : `${name}-${i + 1}`;
          const conditionalId = option.conditional ? `conditional-${id}` : undefined;
          const isChecked = checked.includes(option.value);
          return (
            <Fragment key={option.value}>
              {option.exclusive ? <div className={`govuk-${kind}__divider`}>or</div> : null}
              <div className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={id}
                  name={name}
                  type={kind === "radios" ? "radio" : "checkbox"}
                  value={option.value}
                  defaultChecked={isChecked}
                  aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                  data-behaviour={option.exclusive ? "exclusive" : undefined}
                  data-aria-controls={conditionalId}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
              {option.conditional ? (
                <div className={`govuk-${kind}__conditional${isChecked ? "" : ` govuk-${kind}__conditional--hidden`}`} id={conditionalId}>
                  {option.conditional}
                </div>
              ) : null}
            </Fragment>
          );
        })}
      </div>
    </FieldsetField>
  );
}

export function Checkboxes({ defaultValues = [], ...props }: ChoicesProps & { defaultValues?: string[] }) {
  const submitted = props.state?.values?.[props.name];
  const checked = props.state?.values ? (submitted === undefined ? [] : Array.isArray(submitted) ? submitted : [submitted]) : defaultValues;
  return <Choices kind="checkboxes" checked={checked} {...props} />;
}

export function Radios({ defaultValue, ...props }: ChoicesProps & { defaultValue?: string }) {
  return <Choices kind="radios" checked={[props.state?.values ? valueOf(props.state, props.name) : (defaultValue ?? "")]} {...props} />;
}

const yesNoOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** A yes-or-no question: inline radios answering "yes" or "no". */
export function YesNo(props: Omit<ChoicesProps, "options" | "inline"> & { defaultValue?: string }) {
  return <Radios {...props} options={yesNoOptions} inline />;
}

/**
 * GOV.UK date input: three boxes named `${name}-day`, `-month`, `-year`,
 * which the form helper joins into `name` before validation.
 */
export function DateInput({ name, legend, hint, state }: { name: string; legend: ReactNode; hint?: ReactNode; state?: FieldState }) {
  const error = state?.errors?.[name];
  const parts = [
    ["day", "Day", 2],
    ["month", "Month", 2],
    ["year", "Year", 4],
  ] as const;
  return (
    <FieldsetField name={name} legend={legend} hint={hint} error={error} role="group">
      <div className="govuk-date-input">
        {parts.map(([part, label, width]) => (
          <div className="govuk-date-input__item" key={part}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={part === "day" ? name : `${name}-${part}`}>
                {label}
              </label>
              <input
                className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                id={part === "day" ? name : `${name}-${part}`}
                name={`${name}-${part}`}
                type="text"
                inputMode="numeric"
                maxLength={width}
                defaultValue={valueOf(state, `${name}-${part}`)}
              />
            </div>
          </div>
        ))}
      </div>
    </FieldsetField>
  );
}

/** A form group with a fieldset: its legend, hint and error message around the controls. */
function FieldsetField({
  name,
  legend,
  hint,
  error,
  role,
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  role?: "group";
  children: ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

export function Textarea({
  name,
  label,
  hint,
  state,
  rows = 5,
  maxLength,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  state?: FieldState;
  rows?: number;
  maxLength?: number;
}) {
  const error = state?.errors?.[name];
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={name}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={valueOf(state, name)}
        aria-describedby={describedBy(name, hint, error)}
      />
    </LabelledField>
  );
}

type SelectOption = { value: string; label: string };

/** A GOV.UK select; options may come in labelled groups (an optgroup each). */
export function Select({
  name,
  label,
  hint,
  options,
  state,
  defaultValue,
  placeholder = "Choose",
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: (SelectOption | { group: string; options: SelectOption[] })[];
  state?: FieldState;
  defaultValue?: string;
  /** The first, empty option ("Any" for a filter). */
  placeholder?: string;
}) {
  const error = state?.errors?.[name];
  const option = (o: SelectOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={name}
        name={name}
        defaultValue={state?.values ? valueOf(state, name) : (defaultValue ?? "")}
        aria-describedby={describedBy(name, hint, error)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) =>
          "group" in o ? (
            <optgroup key={o.group} label={o.group}>
              {o.options.map(option)}
            </optgroup>
          ) : (
            option(o)
          ),
        )}
      </select>
    </LabelledField>
  );
}
