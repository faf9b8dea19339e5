import type { ApiService } from '../api-proxy/api-targets.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export interface PublicRoute {
  service: ApiService;
  /** The service's path (no query), whole. */
  path: RegExp;
  /** Query parameters it may carry, each with the form of its value. */
  query?: Record<string, RegExp>;
}

/**
 * What anyone may read through the console without signing in: the services' own public routes
 * (those they serve without a token), and no other. Each one already hides drafts.
 */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  // The meeting's calendar file (events: public unless a draft).
  { service: 'events', path: new RegExp(`^/events/${UUID}\\.ics$`) },
  // The meeting, who takes part (parties, heads of delegation, counts) and its published outcome.
  { service: 'reports', path: new RegExp(`^/events/${UUID}/dossier$`) },
  // The published outcome report: its page, Markdown and PDF, of the version in force or another.
  {
    service: 'reports',
    path: new RegExp(`^/reports/${UUID}\\.(html|md|pdf)$`),
    query: { version: /^[1-9]\d{0,5}$/ },
  },
];

/** The route a public request is for, or undefined when it is not one anyone may read. */
export function publicRoute(
  service: string,
  pathAndQuery: string,
): { route: PublicRoute; target: string } | undefined {
  let url: URL;
  try {
    url = new URL(pathAndQuery, 'http://public.invalid');
  } catch {
    return undefined;
  }
  // Whatever URL parsing normalised (dot segments, encoded slashes) must be what was asked for.
  const [askedPath] = pathAndQuery.split('?');
  if (url.pathname !== askedPath || url.hash) return undefined;
  const route = PUBLIC_ROUTES.find((r) => r.service === service && r.path.test(url.pathname));
  if (!route) return undefined;
  const names = [...url.searchParams.keys()];
  if (new Set(names).size !== names.length) return undefined;
  for (const [name, value] of url.searchParams) {
    if (!route.query?.[name]?.test(value)) return undefined;
  }
  return { route, target: url.pathname + url.search };
}
