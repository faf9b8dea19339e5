import type { ReportContentInput, UpdateDraftDto } from '@plenary/contracts';

/**
 * The outcome of the demo meeting, written from the seed page: the welcome statement by
 * Vice-Minister Daulet Argandykov, what was discussed under each agenda item, and the agreement
 * expected on reinforcing coordination. The seed page was revised weeks after the meeting; the
 * demo's amendment adds the follow-up actions, as such a revision would.
 */
export const OUTCOME_TITLE =
  'Outcome of the meeting of representatives of member states of the Almaty Process';

export function demoOutcome(): ReportContentInput {
  return {
    title: OUTCOME_TITLE,
    summary:
      'Representatives of the member states of the Almaty Process (Kazakhstan, Kyrgyzstan, Tajikistan, Afghanistan, ' +
      'Azerbaijan, Iran, Pakistan and Turkey), with UNHCR and IOM as initiators and UNRCCA and UNAMA as observers, met ' +
      'in Almaty. They discussed cooperation to prevent and manage uncontrolled migration flows, gaps in identifying ' +
      'the most vulnerable persons in mixed migratory movements, and the risks for the region after the withdrawal of ' +
      'the International Security Assistance Force from Afghanistan. They agreed to reinforce coordination among the ' +
      'relevant state authorities of the member states.',
    sections: [
      {
        kind: 'opening',
        title: 'Opening of the meeting',
        text:
          'Vice-Minister of Healthcare and Social Development of the Republic of Kazakhstan Daulet Argandykov welcomed the ' +
          'participants on behalf of the Government of Kazakhstan, chair of the process, and stated that the topic of the ' +
          'session was of interest to the entire world community and especially to the countries of Central Asia.',
      },
      {
        kind: 'agenda-item',
        title: 'Cooperation to prevent and manage uncontrolled migration flows in the region',
        text: 'Participants exchanged information on migration trends and on mechanisms to monitor them at the regional level.',
      },
      {
        kind: 'agenda-item',
        title: 'Identifying the most vulnerable persons in mixed migratory movements',
        text:
          'Participants reviewed the gaps in identifying young people, unaccompanied minors, women, victims of human ' +
          'trafficking, asylum seekers, refugees and stateless persons.',
      },
      {
        kind: 'agenda-item',
        title:
          'Migratory movements after the withdrawal of the International Security Assistance Force from Afghanistan',
        text:
          'The representatives of the Islamic Republic of Afghanistan and of the United Nations Assistance Mission in ' +
          'Afghanistan presented their scenarios of the development of events in the country; participants assessed ' +
          'their influence on migratory movements in the region.',
      },
      {
        kind: 'closing',
        title: 'Closing of the meeting',
        text: 'The chair thanked the participants, UNHCR and IOM, and closed the meeting.',
      },
    ],
    statements: [
      {
        speaker: 'Daulet Argandykov',
        position: 'Vice-Minister of Healthcare and Social Development',
        party: 'KAZ',
        quote:
          'As a single region we acknowledge the urgency of making Afghanistan a great regional partner. However, it is ' +
          'worth noting that migration flows in the foreseeable future will most probably be still typical for ' +
          'Afghanistan and the overall region.',
      },
    ],
    decisions: [
      {
        kind: 'agreement',
        text:
          'To reinforce coordination among the relevant state authorities of the member states, and to continue ' +
          'cooperation with international organisations on migration.',
        parties: ['KAZ', 'KGZ', 'TJK', 'AFG', 'AZE', 'IRN', 'PAK', 'TUR'],
      },
    ],
    recommendations: [
      {
        text: 'Develop mechanisms to monitor migration trends so as to forecast and resolve problems at the regional level.',
      },
    ],
  };
}

/** The revision published weeks later: the follow-up actions agreed since. */
export function demoAmendment(now = new Date()): UpdateDraftDto {
  const year = now.getUTCFullYear() + 1;
  return {
    followUps: [
      {
        action: 'Circulate a draft plan of joint activities for the coming year',
        responsible: 'Chair (Kazakhstan) with IOM',
        dueDate: `${year}-02-01`,
        status: 'open',
      },
      {
        action: 'Hold an expert consultation on identifying vulnerable persons in mixed migratory movements',
        responsible: 'Kyrgyzstan (host) with UNHCR',
        dueDate: `${year}-05-15`,
        status: 'in-progress',
      },
    ],
  };
}

export const AMENDMENT_NOTE = 'Added the follow-up actions agreed by the member states after the meeting.';
