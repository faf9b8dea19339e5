import type {
  ParticipantPageView,
  PublicParticipantView,
} from '@libs/contracts/src/participants/participant.view';
import { useEffect, useState } from 'react';
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
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/api-client';
import { partyName } from '../../i18n/format';
import { nameForReport } from './report-language';

export interface SpeakerChoice {
  speaker: string;
  position: string;
  party: string;
}

interface SpeakerFieldProps {
  eventId: string;
  /** the report's language: the name is written as it writes names */
  language: string;
  dir: 'rtl' | 'auto';
  value: string;
  onType(speaker: string): void;
  onPick(choice: SpeakerChoice): void;
  errors?: string[] | undefined;
  readOnly: boolean;
}

/**
 * The speaker of a statement: typed, or picked from the meeting's participants as one types
 * (the participants API searches names in either script); picking fills position and party.
 * A speaker who is not a registered participant (a guest) can still be typed in full.
 */
export function SpeakerField(props: SpeakerFieldProps) {
  const { t, i18n } = useTranslation();
  const [people, setPeople] = useState<PublicParticipantView[]>([]);
  const [search, setSearch] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<ParticipantPageView>(
          'participants',
          `/events/${props.eventId}/participants${query({ q: search.trim().slice(0, 100), limit: 20, sort: 'name' })}`,
          controller.signal,
        )
        .then(
          (page) =>
            setPeople(
              page.items.filter(
                (p) => !('state' in p) || !['rejected', 'withdrawn', 'cancelled'].includes(String(p.state)),
              ),
            ),
          () => undefined,
        );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [props.eventId, search]);
  const errors = props.errors ?? [];
  return (
    <ComboBox
      className="field speaker-field"
      allowsCustomValue
      defaultFilter={() => true}
      allowsEmptyCollection
      menuTrigger="focus"
      inputValue={props.value}
      onInputChange={(text) => {
        props.onType(text);
        setSearch(text);
      }}
      items={people}
      onSelectionChange={(key) => {
        const person = people.find((p) => p.id === key);
        if (!person) return;
        props.onPick({
          speaker: nameForReport(person.name, props.language),
          position: person.position ?? '',
          party: person.party.code,
        });
      }}
      isInvalid={errors.length > 0}
      isReadOnly={props.readOnly}
      isRequired
      validationBehavior="aria"
    >
      <Label>{t('reportEditor.speaker')}</Label>
      <div className="combo">
        <Input lang={props.language} dir={props.dir} />
        <Button className="combo-button" aria-label={t('reportEditor.showParticipants')}>
          ▾
        </Button>
      </div>
      <Text slot="description">{t('reportEditor.speakerHint')}</Text>
      <FieldError>{errors.join(' ')}</FieldError>
      <Popover className="combo-popover">
        <ListBox
          className="combo-list"
          renderEmptyState={() => <p className="muted">{t('reportEditor.noParticipantFound')}</p>}
        >
          {(person: PublicParticipantView) => {
            const name = nameForReport(person.name, props.language);
            const party = partyName(person.party.code, person.party.name, i18n.language);
            return (
              <ListBoxItem id={person.id} textValue={name} className="combo-option">
                <span dir="auto">{name}</span>
                <span className="muted">
                  {' '}
                  · {party}
                  {person.position ? ` · ${person.position}` : ''}
                </span>
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
