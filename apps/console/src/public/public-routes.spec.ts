import { describe, expect, it } from '@jest/globals';
import { publicRoute } from './public-routes.js';

const id = '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a';

describe('publicRoute', () => {
  it.each([
    ['events', `/events/${id}.ics`],
    ['reports', `/events/${id}/dossier`],
    ['reports', `/reports/${id}.html`],
    ['reports', `/reports/${id}.pdf?version=2`],
    ['reports', `/reports/${id}.md`],
  ])('lets %s %s through', (service, path) => {
    expect(publicRoute(service, path)?.target).toBe(path);
  });

  it.each([
    ['events', `/events/${id}`, 'the meeting as JSON (drafts and all for a token)'],
    ['events', `/events/${id}/history`, 'the history'],
    ['events', `/events/${id}/as-of?at=2027-01-01T00:00:00Z`, 'a past version'],
    ['events', '/events', 'the list'],
    ['participants', `/events/${id}/participants`, 'participants'],
    ['participants', `/participants/${id}`, 'a participant'],
    ['reports', `/events/${id}/attendance`, 'attendance'],
    ['reports', `/reports/${id}/versions/1/preview.html`, 'a draft preview'],
    ['reports', `/events/${id}/dossier?x=1`, 'a query it does not take'],
    ['reports', `/reports/${id}.html?version=1&version=2`, 'a repeated parameter'],
    ['reports', `/reports/${id}.html?version=../1`, 'a malformed value'],
    ['events', `/events/${id.toUpperCase()}.ics`, 'an id in another form'],
    ['events', `/events/../events/${id}.ics`, 'dot segments'],
    ['events', `/events/${id}.ics/../../participants`, 'dot segments after'],
    ['events', `/events/${id}%2Fhistory.ics`, 'an encoded slash'],
    ['reports', `/events/${id}.ics`, 'a route of another service'],
    ['public', `/events/${id}.ics`, 'no such service'],
    ['constructor', `/events/${id}.ics`, 'an inherited name'],
  ])('refuses %s %s (%s)', (service, path) => {
    expect(publicRoute(service, path)).toBeUndefined();
  });
});
