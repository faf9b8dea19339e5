import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { defineMessage } from '../messages/message-definition.js';
import { Topics } from '../topics.js';
import { ReportView } from './report.view.js';

/** Every reports-topic message: the report with its published version, if any (never draft text). */
export class ReportChangedPayload {
  @ValidateNested()
  @Type(() => ReportView)
  report: ReportView;
}

const reportMessage = <const T extends string>(type: T, description: string) =>
  defineMessage({ type, version: 1, topic: Topics.reports, payload: ReportChangedPayload, description });

export const ReportMessages = {
  'report.drafted': reportMessage(
    'report.drafted',
    'A report, or an amendment of a published one, was started (working.number).',
  ),
  'report.submitted': reportMessage('report.submitted', 'A draft went to review.'),
  'report.published': reportMessage(
    'report.published',
    'The report was published for the first time: published carries it all.',
  ),
  'report.amended': reportMessage(
    'report.amended',
    'An amendment was published: published carries the new version and its changeNote.',
  ),
  'report.withdrawn': reportMessage(
    'report.withdrawn',
    'The published report was withdrawn (withdrawal.reason).',
  ),
};
