import { useId } from 'react';
import { zonedToIso, zoneOffsetLabel } from './zoned-time';

interface ZonedDateTimeFieldProps {
  label: string;
  name: string;
  /** the wall-clock time in timeZone, "2027-11-21T09:00" */
  value: string;
  timeZone: string;
  onChange(value: string): void;
  errors?: string[] | undefined;
  description?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
}

/**
 * A date and time typed in the meeting's time zone, the zone and its offset shown beside it
 * (and read out with it), so no one takes it for their own local time.
 */
export function ZonedDateTimeField(props: ZonedDateTimeFieldProps) {
  const id = useId();
  const errors = props.errors ?? [];
  const iso = zonedToIso(props.value, props.timeZone);
  const at = Date.parse(iso);
  const zone = `${props.timeZone.replace(/_/g, ' ')} (${zoneOffsetLabel(props.timeZone, Number.isNaN(at) ? Date.now() : at)})`;
  const described = [`${id}-zone`, props.description ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="zoned-time">
        <input
          id={id}
          name={props.name}
          type="datetime-local"
          value={props.value}
          required={props.isRequired ?? false}
          disabled={props.isDisabled ?? false}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={described}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <span id={`${id}-zone`} className="zone-name" dir="ltr">
          {zone}
        </span>
      </div>
      {props.description ? (
        <span id={`${id}-hint`} className="hint">
          {props.description}
        </span>
      ) : null}
      {errors.length ? (
        <span id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}
