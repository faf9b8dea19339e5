import type { CreateEventDto, RegisterDelegationDto } from '@plenary/contracts';

/**
 * The demo meeting: the Almaty Process meeting of member states held on 21 November 2014 in
 * Almaty, in full (process, initiators, chair and host, eight member states, observers, agenda,
 * the opening statement), staged again on 21 November of next year so that its whole life
 * (announcement, registration, session, outcome) lies ahead and can be walked through.
 */
export const DEMO_TITLE =
  'Meeting of representatives of member states of the Almaty Process for refugee protection and international migration';

/** Date-times of the demo, in Almaty's offset (UTC+5). */
const almaty = (year: number, monthDay: string, time: string) => `${year}-${monthDay}T${time}:00+05:00`;

export function demoMeeting(now = new Date()): CreateEventDto {
  const year = now.getUTCFullYear() + 1;
  const day = (time: string) => almaty(year, '11-21', time);
  return {
    title: DEMO_TITLE,
    kind: 'meeting',
    process: { name: 'Almaty Process on Refugee Protection and International Migration', acronym: 'AP' },
    description:
      'A regional consultative process on refugee protection and international migration in Central Asia, ' +
      'initiated by UNHCR, IOM and the Government of the Republic of Kazakhstan. Its tasks: a steady dialogue and ' +
      'exchange of information on migration and refugee protection; monitoring of migration trends; a common ' +
      'understanding of the causes, scale, routes and consequences of movements across borders in the region; ' +
      'consistent national and regional policies; and new forms of international and regional cooperation.',
    languages: ['ru', 'en'],
    startsAt: day('09:00'),
    endsAt: day('18:00'),
    timeZone: 'Asia/Almaty',
    venue: {
      name: 'Hotel InterContinental Almaty',
      address: '181 Zheltoksan Street',
      city: 'Almaty',
      country: 'KAZ',
    },
    hostParty: 'KAZ',
    chairParty: 'KAZ',
    parties: [
      { code: 'KAZ', standings: ['member', 'initiator'] },
      { code: 'KGZ', standings: ['member'] },
      { code: 'TJK', standings: ['member'] },
      { code: 'AFG', standings: ['member'] },
      { code: 'AZE', standings: ['member'] },
      { code: 'IRN', standings: ['member'] },
      { code: 'PAK', standings: ['member'] },
      { code: 'TUR', standings: ['member'] },
      {
        code: 'UNHCR',
        name: 'Office of the United Nations High Commissioner for Refugees',
        standings: ['initiator'],
      },
      { code: 'IOM', name: 'International Organization for Migration', standings: ['initiator'] },
      {
        code: 'UNRCCA',
        name: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
        standings: ['observer'],
      },
      { code: 'UNAMA', name: 'United Nations Assistance Mission in Afghanistan', standings: ['observer'] },
    ],
    agenda: [
      {
        title: 'Opening of the meeting and welcome statement',
        description:
          'Welcome on behalf of the Government of Kazakhstan, chair of the process since the 2013 Ministerial Conference.',
        slot: { startsAt: day('09:00'), endsAt: day('09:30') },
        presenters: [
          {
            name: 'Daulet Argandykov',
            position: 'Vice-Minister of Healthcare and Social Development',
            party: 'KAZ',
          },
        ],
      },
      {
        title: 'Cooperation to prevent and manage uncontrolled migration flows in the region',
        slot: { startsAt: day('09:30'), endsAt: day('11:00') },
      },
      {
        title: 'Identifying the most vulnerable persons in mixed migratory movements',
        description:
          'Gaps in identifying young people, unaccompanied minors, women, victims of human trafficking, asylum seekers, ' +
          'refugees and stateless persons.',
        slot: { startsAt: day('11:30'), endsAt: day('13:00') },
      },
      {
        title:
          'Migratory movements after the withdrawal of the International Security Assistance Force from Afghanistan',
        description: 'Risks for the region; scenarios of the development of events in Afghanistan.',
        slot: { startsAt: day('14:00'), endsAt: day('16:00') },
        presenters: [
          { name: 'Representative of the Islamic Republic of Afghanistan', party: 'AFG' },
          { name: 'Representative of the United Nations Assistance Mission in Afghanistan', party: 'UNAMA' },
        ],
      },
      {
        title:
          'Reinforcing coordination among state authorities; further cooperation with international organisations',
        description:
          'An agreement is expected on reinforcing coordination among the relevant authorities of member states.',
        slot: { startsAt: day('16:30'), endsAt: day('17:45') },
      },
      { title: 'Closing of the meeting', slot: { startsAt: day('17:45'), endsAt: day('18:00') } },
    ],
    registration: {
      opensAt: now.toISOString(),
      closesAt: almaty(year, '11-07', '18:00'),
      quotaPerDelegation: 6,
    },
  } as CreateEventDto;
}

/** Delegations registered by their coordinators in the demo. */
export const demoDelegations: RegisterDelegationDto[] = [
  {
    party: 'KAZ',
    coordinator: { name: 'Aigerim Nurlanovna', email: 'almaty-process@mfa.kz.example' },
    credentialsReference: 'Note verbale No. 14-2/1123',
  },
  { party: 'AFG', coordinator: { name: 'Farid Ahmadi', email: 'migration@mfa.af.example' } },
  { party: 'KGZ', coordinator: { name: 'Bakyt Asanov', email: 'consular@mfa.kg.example' } },
  { party: 'TJK', coordinator: { name: 'Dilnoza Rahimova', email: 'migration@mfa.tj.example' } },
  {
    party: 'UNHCR',
    coordinator: { name: 'Regional Representation for Central Asia', email: 'kazal@unhcr.example' },
  },
  { party: 'IOM', coordinator: { name: 'Sub-Regional Coordination Office', email: 'iomalmaty@iom.example' } },
] as RegisterDelegationDto[];
