import { lazy, type ComponentType } from 'react';

/**
 * A component fetched as a chunk of its own when it is first shown (inside a Suspense), so that
 * the first bundle carries only the screens a page opens on.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
