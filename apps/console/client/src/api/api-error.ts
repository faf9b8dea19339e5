export interface FieldError {
  field: string;
  messages: string[];
}

/** A refusal from a service (or the console's server), as its JSON error body states it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }

  /** The messages for one form field, by its path in the request ("name.given"). */
  forField(path: string): string[] {
    return this.errors.filter((e) => e.field === path).flatMap((e) => e.messages);
  }
}
