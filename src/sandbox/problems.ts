const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An RFC 9457 body; `code` and the PermissionDenied fields are plexsphere extensions. */
export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  reason?: string;
  relation_path?: string[];
  correlation_id?: string;
};

/** Thrown by handlers; the server renders it as `application/problem+json`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: Partial<ProblemBody> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  /**
   * The wire body for a request to `instance` (the request path). Every problem carries the
   * request's correlation id (newer SDKs require it; it is also the `X-Correlation-Id` header).
   */
  body(instance: string, correlationId: string): ProblemBody {
    return {
      type: `https://plexsphere.com/errors/${this.code.replace(/_/g, '-')}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      instance,
      code: this.code,
      ...this.extra,
      correlation_id: correlationId,
    };
  }
}

/** Shorthand constructors for the problems every route uses. */
export const problem = {
  badRequest: (code: string, detail: string) => new HttpError(400, code, detail),
  notFound: (code: string, detail: string) => new HttpError(404, code, detail),
  conflict: (code: string, detail: string) => new HttpError(409, code, detail),
  forbidden: (code: string, detail: string) => new HttpError(403, code, detail),
  unauthenticated: (detail: string) =>
    new HttpError(401, 'unauthenticated', detail, {}, {'www-authenticate': 'Bearer realm="plexsphere"'}),
  /** The ReBAC denial: a PermissionDenied body (reason, relation path; the correlation id is the request's). */
  permissionDenied: (detail: string, relationPath: string[]) =>
    new HttpError(403, 'permission_denied', detail, {
      type: 'https://plexsphere.com/errors/insufficient-relation',
      reason: 'insufficient_relation',
      relation_path: relationPath,
    }),
  /** A mutation the store could not make durable (or refused while it cannot write): nothing changed. */
  datastoreUnavailable: () =>
    new HttpError(
      503,
      'datastore_unavailable',
      'the control plane cannot persist changes right now, so nothing was changed; retry later',
      {},
      {'retry-after': '5'},
    ),
};
