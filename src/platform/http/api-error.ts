/**
 * Typed errors. Operations throw ApiError; one error handler turns it into the endpoint's documented
 * XML error body (see error-shapes.ts). Codes and texts come from the catalogue in src/errors.ts.
 */

export interface ErrorDefinition {
  readonly status: number;
  readonly code: number;
  /** Bandwidth's text with `%s` placeholders, filled in order. */
  readonly template: string;
}

export function defineError(status: number, code: number, template: string): ErrorDefinition {
  return { status, code, template };
}

/** How much of a value an error message echoes: enough to recognise it, never a whole hostile body. */
const MAX_ECHO = 100;

export function formatTemplate(template: string, args: readonly (string | number)[]): string {
  let i = 0;
  // Both `%s` and positional `%1$s` appear in Bandwidth's catalogue.
  return template.replace(/%(\d+\$)?[sd]/g, (_m, pos: string | undefined) => {
    const index = pos ? Number(pos.slice(0, -1)) - 1 : i++;
    const value = args[index];
    if (value === undefined) return '';
    const text = String(value);
    return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
  });
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
    /** Extra headers for this response (Allow on 405, WWW-Authenticate on 401). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
    this.name = 'ApiError';
  }

  static of(def: ErrorDefinition, ...args: (string | number)[]): ApiError {
    return new ApiError(def.status, def.code, formatTemplate(def.template, args));
  }
}

/**
 * Several failures reported at once, for endpoints whose error body lists every problem
 * (port-ins, SIP credentials, orders). Shapes that show one error use the first.
 */
export class ApiErrors extends ApiError {
  constructor(
    status: number,
    readonly errors: readonly ApiError[],
  ) {
    const first = errors[0];
    super(status, first?.code ?? status, first?.description ?? 'Validation failed');
  }
}
