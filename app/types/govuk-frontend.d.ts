declare module "govuk-frontend" {
  export function initAll(config?: Record<string, unknown>): void;
  export class ErrorSummary {
    constructor($root: Element | null, config?: { disableAutoFocus?: boolean });
  }
}
