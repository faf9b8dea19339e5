import { describeEnvVars } from '@plenary/config';
import { ConsoleConfig } from '../apps/console/src/console.config.js';
import { EventsConfig } from '../apps/events/src/events.config.js';
import { ParticipantsConfig } from '../apps/participants/src/participants.config.js';
import { ReportsConfig } from '../apps/reports/src/reports.config.js';

/**
 * Prints the configuration table of the README from the config classes themselves:
 * `npm run build && node dist/scripts/describe-config.js`.
 */
const apps = { events: EventsConfig, participants: ParticipantsConfig, reports: ReportsConfig };

/** The console's own variables (beyond the shared ones it also reads), for its own table. */
const consoleOnly = describeEnvVars(ConsoleConfig).filter(
  (v) => !describeEnvVars(EventsConfig).some((e) => e.name === v.name),
);
const described = Object.fromEntries(Object.entries(apps).map(([name, c]) => [name, describeEnvVars(c)]));
const rows = described.events.map((variable) => {
  const defaults = [
    ...new Set(Object.values(described).map((vars) => vars.find((v) => v.name === variable.name)?.default)),
  ];
  const shown =
    defaults.length > 1
      ? Object.entries(described)
          .map(([app, vars]) => `${app}: ${vars.find((v) => v.name === variable.name)?.default}`)
          .join(', ')
      : (defaults[0] ?? (variable.required ? '**required**' : '(unset)'));
  return `| \`${variable.name}\` | ${shown === '' ? '(empty)' : shown} | ${variable.description} |`;
});
const consoleRows = consoleOnly.map(
  (v) => `| \`${v.name}\` | ${v.default ?? (v.required ? '**required**' : '(unset)')} | ${v.description} |`,
);
process.stdout.write(
  [
    '| Variable | Default | Meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'The console also reads:',
    '',
    '| Variable | Default | Meaning |',
    '| --- | --- | --- |',
    ...consoleRows,
    '',
  ].join('\n'),
);
