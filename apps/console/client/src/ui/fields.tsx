import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  errors?: string[];
  description?: string;
  type?: 'text' | 'email' | 'search';
  isRequired?: boolean;
  multiline?: boolean;
  dir?: 'auto' | 'ltr' | 'rtl';
  autoComplete?: string;
}

/**
 * A labelled text field whose errors (the browser's check or the API's 400 for this very field)
 * are shown under it and announced with it (aria-describedby), as react-aria wires them.
 */
export function Field(props: FieldProps) {
  const errors = props.errors ?? [];
  return (
    <TextField
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      isInvalid={errors.length > 0}
      isRequired={props.isRequired ?? false}
      type={props.type ?? 'text'}
      {...(props.autoComplete ? { autoComplete: props.autoComplete } : {})}
      validationBehavior="aria"
    >
      <Label>{props.label}</Label>
      {props.multiline ? (
        <TextArea dir={props.dir ?? 'auto'} rows={3} />
      ) : (
        <Input dir={props.dir ?? 'auto'} />
      )}
      {props.description ? <Text slot="description">{props.description}</Text> : null}
      <FieldError>{errors.join(' ')}</FieldError>
    </TextField>
  );
}

interface ChoiceProps<T extends string> {
  label: string;
  name: string;
  value: T | '';
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T | ''): void;
  errors?: string[];
  emptyLabel?: string;
}

/** A native select: accessible everywhere, keyboard and screen reader included, and mirrored in RTL. */
export function Choice<T extends string>(props: ChoiceProps<T>) {
  const errors = props.errors ?? [];
  const id = `choice-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value as T | '')}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors.length > 0 ? (
        <span id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}

/** A message about the whole form or page (a 409 in plain words), read out when it appears. */
export function Notice({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
