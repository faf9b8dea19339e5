import { issueToken, ROLES, type Principal, type Role } from '@plenary/auth';
import { parseArgs } from 'node:util';
import { localAuthSecret } from './lib/dev-stack.js';

/**
 * Prints a bearer token signed with the local secret.
 *   npm run token -- --role secretariat
 *   npm run token -- --role coordinator --event <event id> --party KAZ
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'secretariat' },
    event: { type: 'string' },
    party: { type: 'string' },
    subject: { type: 'string' },
    name: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});

const role = values.role as Role;
if (!ROLES.includes(role)) {
  process.stderr.write(`--role must be one of ${ROLES.join(', ')}\n`);
  process.exit(2);
}
if (role === 'coordinator' && (!values.event || !values.party)) {
  process.stderr.write('a coordinator token needs --event <event id> and --party <code>\n');
  process.exit(2);
}
const principal: Principal = {
  subject: values.subject ?? (role === 'coordinator' ? `coordinator-${values.party}` : `${role}-local`),
  role,
  ...(values.name ? { name: values.name } : {}),
  ...(role === 'coordinator' ? { eventId: values.event, party: values.party } : {}),
};
process.stdout.write(
  `${await issueToken(principal, { secret: localAuthSecret(), expiresIn: values.expires })}\n`,
);
