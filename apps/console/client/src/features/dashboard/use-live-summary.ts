import type { ParticipantSummaryView } from '@libs/contracts/src/participants/participant.view';
import { useEffect, useRef } from 'react';
import { api } from '../../api/api-client';
import { type Resource, useResource } from '../../api/use-resource';
import { useLiveChanges } from '../../live/use-live-changes';
import { useThrottled } from './use-throttled';

/** While the summary has not yet counted a change, it is asked again this often, this many times. */
const CATCH_UP_AFTER_MS = 300;
const CATCH_UP_TRIES = 20;

/**
 * A meeting's participant summary, following its changes live. The service keeps the summary
 * from the same messages that announce the changes, a moment after: when a reload comes back
 * older (asOf) than the latest participant change announced, it is asked again shortly, so the
 * page never stays a change behind. Reloads go through one throttle (at most one per
 * `reloadAtMostEveryMs`, and one after the last call).
 */
export function useLiveSummary(eventId: string, reloadAtMostEveryMs = 0): Resource<ParticipantSummaryView> {
  const summary = useResource(
    (signal) =>
      api.get<ParticipantSummaryView>('participants', `/events/${eventId}/participants/summary`, signal),
    [eventId],
  );
  const reload = useThrottled(summary.reload, reloadAtMostEveryMs);
  const awaited = useRef<string | undefined>(undefined);
  const tries = useRef(0);
  useLiveChanges([eventId], (changes) => {
    for (const change of changes) {
      // Delegation changes are not counted in the summary: nothing to wait for.
      if (change.type.startsWith('participant.') && (!awaited.current || change.time > awaited.current))
        awaited.current = change.time;
    }
    tries.current = 0;
    reload();
  });
  const data = summary.data;
  useEffect(() => {
    if (!data || !awaited.current) return undefined;
    // ISO times of the same form: their order is the text's order.
    if (data.asOf && data.asOf >= awaited.current) {
      awaited.current = undefined;
      return undefined;
    }
    if (tries.current >= CATCH_UP_TRIES) return undefined;
    tries.current++;
    const timer = setTimeout(reload, CATCH_UP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [data, reload]);
  return summary;
}
