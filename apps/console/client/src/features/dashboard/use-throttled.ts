import { useEffect, useMemo, useRef } from 'react';
import { throttle } from './throttle';

/** A stable callback that runs `run` at most once per `ms` (and once after the last call). */
export function useThrottled(run: () => void, ms: number): () => void {
  const latest = useRef(run);
  latest.current = run;
  const throttled = useMemo(() => throttle(() => latest.current(), ms), [ms]);
  useEffect(() => () => throttled.cancel(), [throttled]);
  return throttled.call;
}
