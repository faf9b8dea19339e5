import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';

interface WritingFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** the report's language and direction: the text is written in them, the label is the page's */
  lang: string;
  dir: 'rtl' | 'ltr' | 'auto';
  errors?: string[] | undefined;
  description?: string;
  /** a text area this many lines high; a single line if left out */
  rows?: number;
  type?: 'text' | 'url' | 'date';
  isRequired?: boolean;
  readOnly?: boolean;
}

/**
 * A field of the report's text: labelled in the page's language, written in the report's
 * (lang and dir on the input itself), its errors under it and announced with it.
 */
export function WritingField(props: WritingFieldProps) {
  const errors = props.errors ?? [];
  return (
    <TextField
      className="field writing-field"
      value={props.value}
      onChange={props.onChange}
      isInvalid={errors.length > 0}
      isRequired={props.isRequired ?? false}
      isReadOnly={props.readOnly ?? false}
      type={props.type ?? 'text'}
      validationBehavior="aria"
    >
      <Label>{props.label}</Label>
      {props.rows ? (
        <TextArea lang={props.lang} dir={props.dir} rows={props.rows} spellCheck />
      ) : (
        <Input lang={props.lang} dir={props.type === 'url' || props.type === 'date' ? 'ltr' : props.dir} />
      )}
      {props.description ? <Text slot="description">{props.description}</Text> : null}
      <FieldError>{errors.join(' ')}</FieldError>
    </TextField>
  );
}
