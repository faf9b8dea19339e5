import { useEffect, useRef } from 'react';

/**
 * Calls back when the console's server says a participant or delegation of these meetings
 * changed (server-sent events fed from Kafka); the page then reloads what it shows.
 * EventSource reconnects by itself after a network drop.
 */
export function useLiveChanges(eventIds: string[], onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  const key = eventIds.join(',');
  useEffect(() => {
    if (!key) return undefined;
    const source = new EventSource(`/live?eventId=${encodeURIComponent(key)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('change', () => {
      // A burst of changes (a bulk accreditation) reloads once.
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), 150);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [key]);
}
