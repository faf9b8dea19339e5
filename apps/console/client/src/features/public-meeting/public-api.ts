import { ApiError } from '../../api/api-error';

type PublicService = 'events' | 'reports';

/**
 * The address of a service's public route through the console (/api/public/…): what anyone may
 * read without signing in. The console's server forwards it without a session or token.
 */
export function publicUrl(service: PublicService, path: string): string {
  return `/api/public/${service}${path}`;
}

/** Reads a public route as JSON: no cookie sent, so a signed-in reader sees what anyone sees. */
export async function publicGet<T>(service: PublicService, path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(publicUrl(service, path), {
      credentials: 'omit',
      headers: { accept: 'application/json', 'accept-language': document.documentElement.lang },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The console cannot be reached; check the connection and try again.');
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; message?: string };
    throw new ApiError(response.status, error.code ?? 'ERROR', error.message ?? response.statusText);
  }
  return body as T;
}
