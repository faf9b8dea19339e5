import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/**
 * Drives HTTP load with autocannon: at saturation (connections, no rate) or at a fixed overall rate.
 * `request(i)` gives the i-th request's path and body, so every request can be different.
 */
export async function load(options: {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  seconds: number;
  connections: number;
  rate?: number;
  request?: (i: number) => { path: string; body?: unknown };
}): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: options.url,
    method: options.method,
    duration: options.seconds,
    connections: options.connections,
    ...(options.rate ? { overallRate: options.rate } : {}),
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (req: autocannon.Request) => {
          if (!options.request) return req;
          const next = options.request(i++);
          return {
            ...req,
            path: next.path,
            ...(next.body === undefined ? {} : { body: JSON.stringify(next.body) }),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
