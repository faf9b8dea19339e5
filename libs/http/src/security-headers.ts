import helmet from 'helmet';

/**
 * Security headers on every response (helmet): nosniff, no framing, a strict referrer policy,
 * HSTS, and a content security policy that lets the API's own pages (the OpenAPI browser,
 * published report pages) load their own scripts and styles only.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
    // What frame-ancestors 'none' says, for browsers that only read X-Frame-Options.
    xFrameOptions: { action: 'deny' },
  });
}
