import { useEffect, useRef, useState } from 'react';
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';

export interface ChoiceOption {
  value: string;
  label: string;
}

interface SearchableChoiceProps {
  label: string;
  name: string;
  options: readonly ChoiceOption[];
  /** the chosen value; a picker that adds (clearsOnChoice) has none */
  value?: string;
  onChoose(value: string): void;
  errors?: string[];
  description?: string;
  /** the field empties after each choice: a picker that adds one item after another */
  clearsOnChoice?: boolean;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** the label of the button that opens the list */
  showAllLabel: string;
}

/**
 * A combobox (react-aria): type a few letters of a country or zone in the page's language, pick
 * with the arrow keys and Enter, or open the whole list with the button.
 */
export function SearchableChoice(props: SearchableChoiceProps) {
  const errors = props.errors ?? [];
  // A picker that adds starts afresh after each choice (a new combobox, focus kept in it).
  const [generation, setGeneration] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // A picker that holds a value shows its label, or what is being typed until the focus leaves.
  const [typed, setTyped] = useState<string | undefined>();
  const chosen = props.options.find((o) => o.value === props.value);
  const refocus = useRef(false);
  useEffect(() => {
    if (refocus.current) input.current?.focus();
    refocus.current = false;
  }, [generation]);
  return (
    <ComboBox
      key={generation}
      className="field combobox"
      name={props.name}
      defaultItems={props.options}
      {...(props.clearsOnChoice
        ? {}
        : {
            selectedKey: props.value || null,
            inputValue: typed ?? chosen?.label ?? '',
            onInputChange: setTyped,
            onBlur: () => setTyped(undefined),
          })}
      onSelectionChange={(key) => {
        if (key === null) return;
        props.onChoose(String(key));
        setTyped(undefined);
        if (props.clearsOnChoice) {
          refocus.current = true;
          setGeneration((g) => g + 1);
        }
      }}
      isInvalid={errors.length > 0}
      isRequired={props.isRequired ?? false}
      isDisabled={props.isDisabled ?? false}
      validationBehavior="aria"
      menuTrigger="input"
    >
      <Label>{props.label}</Label>
      <div className="combobox-control">
        <Input ref={input} />
        <Button className="combobox-button" aria-label={props.showAllLabel}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {props.description ? <Text slot="description">{props.description}</Text> : null}
      <FieldError>{errors.join(' ')}</FieldError>
      <Popover className="combobox-popover">
        <ListBox<ChoiceOption> className="combobox-list">
          {(option) => (
            <ListBoxItem id={option.value} textValue={option.label} className="combobox-option">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
