import { ApiError } from './api-error';

export type Service = 'events' | 'participants' | 'reports';

export interface ApiResponse<T> {
  body: T;
  etag?: string;
}

export interface RequestOptions {
  body?: unknown;
  ifMatch?: string;
  /** one key per user action, so a retried click is not done twice */
  idempotencyKey?: string;
  /** a file sent as the body itself, with its own media type (an import's upload) */
  file?: Blob;
  signal?: AbortSignal;
}

let onSignedOut: () => void = () => undefined;

/** Called when a request finds the session ended, so the app can show the sign-in page. */
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

/** The one way the console's pages reach the services: through the console's server at /api. */
export async function call<T>(
  method: string,
  service: Service,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-plenary-console': '1' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type || 'application/octet-stream';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  headers['accept-language'] = document.documentElement.lang;
  let response: Response;
  try {
    response = await fetch(`/api/${service}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.file ? { body: options.file } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The console cannot be reached; check the connection and try again.');
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; message?: string; errors?: ApiError['errors'] };
    if (response.status === 401) onSignedOut();
    throw new ApiError(
      response.status,
      error.code ?? 'ERROR',
      error.message ?? response.statusText,
      error.errors,
    );
  }
  return {
    body: body as T,
    ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
  };
}

export const api = {
  get: <T>(service: Service, path: string, signal?: AbortSignal) =>
    call<T>('GET', service, path, signal ? { signal } : {}).then((r) => r.body),
  getWithEtag: <T>(service: Service, path: string) => call<T>('GET', service, path),
  post: <T>(service: Service, path: string, body?: unknown, options: RequestOptions = {}) =>
    call<T>('POST', service, path, { ...options, body: body ?? {} }).then((r) => r.body),
  upload: <T>(service: Service, path: string, file: Blob) =>
    call<T>('POST', service, path, { file }).then((r) => r.body),
  patch: <T>(service: Service, path: string, body: unknown, ifMatch: string) =>
    call<T>('PATCH', service, path, { body, ifMatch }).then((r) => r.body),
};

/** A query string from the set values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
