import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { defineMessage } from '../messages/message-definition.js';
import { Topics } from '../topics.js';
import { ParticipantView } from './participant.view.js';

/** Every participant message: the participant as they are now (no contact details or personal needs). */
export class ParticipantChangedPayload {
  @ValidateNested()
  @Type(() => ParticipantView)
  participant: ParticipantView;
}

const participantMessage = <const T extends string>(type: T, description: string) =>
  defineMessage({
    type,
    version: 1,
    topic: Topics.participants,
    payload: ParticipantChangedPayload,
    description,
  });

export const ParticipantMessages = {
  'participant.registered': participantMessage(
    'participant.registered',
    'A person was registered in a delegation (pending accreditation).',
  ),
  'participant.updated': participantMessage(
    'participant.updated',
    'Details of a participant changed, or they were reinstated.',
  ),
  'participant.accredited': participantMessage(
    'participant.accredited',
    'The secretariat accredited the participant; badgeNumber is set.',
  ),
  'participant.rejected': participantMessage(
    'participant.rejected',
    'The secretariat refused accreditation; the reason is told over HTTP to the delegation only.',
  ),
  'participant.checked-in': participantMessage(
    'participant.checked-in',
    'The participant arrived (checkedInAt).',
  ),
  'participant.withdrawn': participantMessage('participant.withdrawn', 'The participant no longer attends.'),
};

/** The participant messages, each carrying the participant's whole view at a version: what a projection of participants reads. */
export const PARTICIPANT_VIEW_MESSAGE_TYPES = [
  'participant.registered',
  'participant.updated',
  'participant.accredited',
  'participant.rejected',
  'participant.checked-in',
  'participant.withdrawn',
] as const;
