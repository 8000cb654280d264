/** What the compose stages share: the error and warning lists, located by line:column, and scalar text. */
import type { LineCounter } from "yaml";
import type { ComposeError, ComposeErrorCode, ComposeErrorParams } from "../errors/types.ts";
import { lineColumn, type YScalar } from "./yaml.ts";

/** How many errors (and, separately, warnings) an import returns at most. */
export const MAX_COMPOSE_ERRORS = 20;

/** A compose error, with line:column when its offset in the source is known. */
export function composeError<C extends ComposeErrorCode>(
  lc: LineCounter | undefined,
  path: string,
  offset: number | undefined,
  code: C,
  params: ComposeErrorParams[C],
): ComposeError {
  const at = lc !== undefined && offset !== undefined ? lineColumn(lc, offset) : {};
  return { path, ...at, code, params } as ComposeError;
}

/** The errors and warnings of one import, each capped at MAX_COMPOSE_ERRORS. */
export class Problems {
  readonly errors: ComposeError[] = [];
  readonly warnings: ComposeError[] = [];
  constructor(private readonly lc: LineCounter) {}
  error<C extends ComposeErrorCode>(
    path: string,
    offset: number | undefined,
    code: C,
    params: ComposeErrorParams[C],
  ): void {
    if (this.errors.length < MAX_COMPOSE_ERRORS)
      this.errors.push(composeError(this.lc, path, offset, code, params));
  }
  warn<C extends ComposeErrorCode>(
    path: string,
    offset: number | undefined,
    code: C,
    params: ComposeErrorParams[C],
  ): void {
    if (this.warnings.length < MAX_COMPOSE_ERRORS)
      this.warnings.push(composeError(this.lc, path, offset, code, params));
  }
  get full(): boolean {
    return this.errors.length >= MAX_COMPOSE_ERRORS;
  }
}

/** A scalar's text: strings as they are; numbers and booleans as written (`0755`, not 755). */
export function text(v: YScalar): string | null {
  if (v.value === null) return null;
  return typeof v.value === "string" ? v.value : v.text;
}
