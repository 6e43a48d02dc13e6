import { type FieldError, fieldErrorString } from './fieldError';

/** StatusReason values from apimachinery metav1.StatusReason that the simulated API server returns. */
export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'InternalError';

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  InternalError: 500,
};

/**
 * StatusError mirrors apimachinery's errors.StatusError: what the API server answers when it refuses a request.
 * `message` is the server's wording; `kubectlMessage` is how kubectl prints it.
 */
export class StatusError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    message: string,
    /** Field-level causes, for Invalid and strict-decoding errors. */
    readonly causes: FieldError[] = [],
    /** Kind and name for kubectl's "The Deployment "web" is invalid" form. */
    readonly details: { kind?: string; name?: string } = {},
  ) {
    super(message);
    this.code = CODES[reason];
  }

  /** kubectlMessage is what `kubectl apply` prints for this error (cmdutil.StandardErrorMessage). */
  get kubectlMessage(): string {
    if (this.reason === 'Invalid' && this.details.kind) {
      const head = `The ${this.details.kind} "${this.details.name ?? ''}" is invalid: `;
      if (this.causes.length === 1) return head + fieldErrorString(this.causes[0]);
      return head + '\n' + this.causes.map((c) => `* ${fieldErrorString(c)}`).join('\n');
    }
    return `Error from server (${this.reason}): ${this.message}`;
  }
}

/** groupResource prints a resource the way StatusError messages name it: `deployments.apps`, `pods`. */
export function groupResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

export const statusErrors = {
  notFound: (plural: string, group: string, name: string) =>
    new StatusError('NotFound', `${groupResource(plural, group)} "${name}" not found`),
  alreadyExists: (plural: string, group: string, name: string) =>
    new StatusError('AlreadyExists', `${groupResource(plural, group)} "${name}" already exists`),
  conflict: (plural: string, group: string, name: string) =>
    new StatusError(
      'Conflict',
      `Operation cannot be fulfilled on ${groupResource(plural, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    ),
  invalid: (kind: string, group: string, name: string, causes: FieldError[]) =>
    new StatusError(
      'Invalid',
      `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${
        causes.length === 1 ? fieldErrorString(causes[0]) : `[${causes.map(fieldErrorString).join(', ')}]`
      }`,
      causes,
      { kind, name },
    ),
  forbidden: (plural: string, group: string, name: string, why: string) =>
    new StatusError('Forbidden', `${groupResource(plural, group)} "${name}" is forbidden: ${why}`),
  badRequest: (message: string, causes: FieldError[] = []) => new StatusError('BadRequest', message, causes),
  /** internal is apimachinery's NewInternalError: a 500 the server gives when it cannot do what was asked. */
  internal: (detail: string) => new StatusError('InternalError', `Internal error occurred: ${detail}`),
};
