import type { ParticipantImportProgressView } from '@libs/contracts/src/participants/participant-import.view';
import { useEffect, useState } from 'react';
import { api } from '../../api/api-client';

const POLL_MS = 1_000;

/** Whether the import has stopped moving: finished, rolled back, or interrupted (to resume). */
export const isSettled = (p: ParticipantImportProgressView): boolean =>
  p.state === 'done' || p.state === 'rolled-back' || p.interrupted;

/**
 * The import's progress while it runs, read from the service every second (any instance
 * answers: the progress is in the import's document), until it settles.
 */
export function useImportProgress(
  start: ParticipantImportProgressView | undefined,
  onSettled: (progress: ParticipantImportProgressView) => void,
): ParticipantImportProgressView | undefined {
  const [progress, setProgress] = useState(start);
  useEffect(() => {
    setProgress(start);
    if (!start) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const now = await api.get<ParticipantImportProgressView>(
          'participants',
          `/participant-imports/${start.id}/progress`,
        );
        if (stopped) return;
        setProgress(now);
        if (isSettled(now)) return onSettled(now);
      } catch {
        // a moment without the service: the next poll tries again
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [start]);
  return progress;
}
