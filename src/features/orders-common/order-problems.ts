import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import { formatTn } from '../../shared/numbering.js';

/**
 * The problems of one request, gathered so that one 400 lists them all (port-ins' repeated
 * `Errors`, LSR orders' `LsrOrderErrors`) instead of naming only the first rule broken.
 */
export class Problems {
  readonly list: ApiError[] = [];
  add(def: ErrorDefinition, ...args: (string | number)[]): undefined {
    this.list.push(ApiError.of(def, ...args));
    return undefined;
  }
  /** A number-specific rule: the documented text, then the numbers it concerns. */
  addForNumbers(def: ErrorDefinition, tns: readonly number[]): void {
    const e = ApiError.of(def, tns.map(formatTn).join(', '));
    const named = e.description.includes(formatTn(tns[0] ?? 0))
      ? e.description
      : `${e.description}: ${tns.map(formatTn).join(', ')}`;
    this.list.push(new ApiError(e.status, e.code, named));
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}
