import { useRef, useState, type ReactNode } from 'react';

/**
 * Runs one action at a time: a second click or Enter while the first is in flight does nothing,
 * so a form or a button cannot submit twice.
 */
export function useSingleFlight(): [
  pending: boolean,
  run: (action: () => Promise<unknown>) => Promise<void>,
] {
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    try {
      await action();
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };
  return [pending, run];
}

interface ActionButtonProps {
  onAction(): Promise<unknown>;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  isDisabled?: boolean;
  'aria-label'?: string;
}

/** A button whose action cannot run twice at once; it shows as busy meanwhile. */
export function ActionButton(props: ActionButtonProps) {
  const [pending, run] = useSingleFlight();
  return (
    <button
      type="button"
      className={`button button-${props.variant ?? 'primary'}`}
      data-pending={pending || undefined}
      aria-busy={pending || undefined}
      disabled={props.isDisabled ?? false}
      onClick={() => void run(props.onAction)}
      {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
    >
      {props.children}
    </button>
  );
}

/** The submit button of a form run by useSingleFlight. */
export function SubmitButton({
  pending,
  children,
  variant = 'primary',
}: {
  pending: boolean;
  children: ReactNode;
  variant?: 'primary' | 'danger';
}) {
  return (
    <button
      className={`button button-${variant}`}
      type="submit"
      data-pending={pending || undefined}
      aria-busy={pending || undefined}
    >
      {children}
    </button>
  );
}
