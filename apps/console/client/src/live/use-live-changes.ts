import { useEffect, useRef } from 'react';

/** What the console's server tells of a change (its message's type and time), never the data. */
export interface LiveChange {
  type: string;
  time: string;
}

/**
 * Calls back when the console's server says a participant or delegation of these meetings
 * changed (server-sent events fed from Kafka); the page then reloads what it shows.
 * EventSource reconnects by itself after a network drop.
 */
export function useLiveChanges(eventIds: string[], onChange: (changes: LiveChange[]) => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  const key = eventIds.join(',');
  useEffect(() => {
    if (!key) return undefined;
    const source = new EventSource(`/live?eventId=${encodeURIComponent(key)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let changes: LiveChange[] = [];
    source.addEventListener('change', (event: MessageEvent<string>) => {
      try {
        const change = JSON.parse(event.data) as LiveChange;
        changes.push({ type: String(change.type), time: String(change.time) });
      } catch {
        // Not a change this page can read: still a reason to reload.
      }
      // A burst of changes (a bulk accreditation) reloads once.
      clearTimeout(timer);
      timer = setTimeout(() => {
        const seen = changes;
        changes = [];
        callback.current(seen);
      }, 150);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [key]);
}
