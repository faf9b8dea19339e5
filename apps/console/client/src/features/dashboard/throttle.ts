export interface Throttled {
  /** runs at once if the last run is `ms` ago, else once when that time is up */
  call(): void;
  cancel(): void;
}

/**
 * At most one run per `ms`, and always one after the last call: a burst of a hundred check-ins
 * reloads the dashboard a few times, not a hundred, and the last reload sees them all.
 */
export function throttle(run: () => void, ms: number, now: () => number = Date.now): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = now();
    run();
  };
  return {
    call() {
      if (timer !== undefined) return;
      const wait = last + ms - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
