import type { CreateEventDto, RegisterDelegationDto, RegisterParticipantDto } from '@plenary/contracts';

/**
 * The demo is the Almaty Process meeting of member states held on 21 November 2014 in Almaty,
 * in full (process, initiators, chair and host, eight member states, observers, agenda, the
 * opening statement), staged again today so that the demo can take it through its whole day
 * and publish its outcome; and the process's next meeting, next year, open for registration.
 */
export const DEMO_TITLE =
  'Meeting of representatives of member states of the Almaty Process for refugee protection and international migration';

export const NEXT_MEETING_TITLE =
  'Expert consultation of the Almaty Process on identifying vulnerable persons in mixed migratory movements';

const PROCESS = { name: 'Almaty Process on Refugee Protection and International Migration', acronym: 'AP' };

const PARTIES: CreateEventDto['parties'] = [
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
] as CreateEventDto['parties'];

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000).toISOString();

/** The seed meeting, starting in about a quarter of an hour; registration is open until just before. */
export function demoMeeting(now = new Date()): CreateEventDto {
  const start = new Date(Math.ceil(now.getTime() / 300_000) * 300_000 + 15 * 60_000);
  const at = (n: number) => minutes(start, n);
  return {
    title: DEMO_TITLE,
    kind: 'meeting',
    process: PROCESS,
    description:
      'A regional consultative process on refugee protection and international migration in Central Asia, ' +
      'initiated by UNHCR, IOM and the Government of the Republic of Kazakhstan. Its tasks: a steady dialogue and ' +
      'exchange of information on migration and refugee protection; monitoring of migration trends; a common ' +
      'understanding of the causes, scale, routes and consequences of movements across borders in the region; ' +
      'consistent national and regional policies; and new forms of international and regional cooperation.',
    languages: ['ru', 'en'],
    startsAt: at(0),
    endsAt: at(540),
    timeZone: 'Asia/Almaty',
    venue: {
      name: 'Hotel InterContinental Almaty',
      address: '181 Zheltoksan Street',
      city: 'Almaty',
      country: 'KAZ',
    },
    hostParty: 'KAZ',
    chairParty: 'KAZ',
    parties: PARTIES,
    agenda: [
      {
        title: 'Opening of the meeting and welcome statement',
        description:
          'Welcome on behalf of the Government of Kazakhstan, chair of the process since the 2013 Ministerial Conference.',
        slot: { startsAt: at(0), endsAt: at(30) },
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
        slot: { startsAt: at(30), endsAt: at(120) },
      },
      {
        title: 'Identifying the most vulnerable persons in mixed migratory movements',
        description:
          'Gaps in identifying young people, unaccompanied minors, women, victims of human trafficking, asylum seekers, ' +
          'refugees and stateless persons.',
        slot: { startsAt: at(150), endsAt: at(240) },
      },
      {
        title:
          'Migratory movements after the withdrawal of the International Security Assistance Force from Afghanistan',
        description: 'Risks for the region; scenarios of the development of events in Afghanistan.',
        slot: { startsAt: at(300), endsAt: at(420) },
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
        slot: { startsAt: at(450), endsAt: at(525) },
      },
      { title: 'Closing of the meeting', slot: { startsAt: at(525), endsAt: at(540) } },
    ],
    registration: { opensAt: minutes(now, -1), closesAt: at(-5), quotaPerDelegation: 6 },
  } as CreateEventDto;
}

/** The process's next meeting, next May in Bishkek, with registration open: the coordinators' walkthrough. */
export function nextMeeting(now = new Date()): CreateEventDto {
  const year = now.getUTCFullYear() + 1;
  return {
    title: NEXT_MEETING_TITLE,
    kind: 'expert-consultation',
    process: PROCESS,
    languages: ['ru', 'en'],
    startsAt: `${year}-05-14T09:00:00+06:00`,
    endsAt: `${year}-05-15T17:00:00+06:00`,
    timeZone: 'Asia/Bishkek',
    venue: { name: 'Hyatt Regency Bishkek', city: 'Bishkek', country: 'KGZ' },
    hostParty: 'KGZ',
    chairParty: 'KAZ',
    parties: PARTIES,
    registration: {
      opensAt: minutes(now, -1),
      closesAt: `${year}-04-30T18:00:00+06:00`,
      quotaPerDelegation: 4,
    },
  } as CreateEventDto;
}

export interface DemoDelegation {
  delegation: RegisterDelegationDto;
  participants: RegisterParticipantDto[];
  /** How far the secretariat has got with it in the demo. */
  secretariat: 'nothing' | 'credentials-received' | 'accredited';
}

const p = (
  given: string,
  family: string,
  latin: [string, string] | undefined,
  role: RegisterParticipantDto['role'],
  email: string,
  position: string,
  organization: string,
  gender: RegisterParticipantDto['gender'],
  honorific?: string,
): RegisterParticipantDto =>
  ({
    name: { given, family, ...(latin ? { givenLatin: latin[0], familyLatin: latin[1] } : {}) },
    role,
    email,
    position,
    organization,
    gender,
    ...(honorific ? { honorific } : {}),
  }) as RegisterParticipantDto;

/**
 * The delegations of the demo, registered by their coordinators with their people (names in
 * their own script and in Latin script). Pakistan is left for the reader to register (README).
 * Apart from Vice-Minister Daulet Argandykov, named on the seed page, the people are invented.
 */
export const demoDelegations: DemoDelegation[] = [
  {
    delegation: {
      party: 'KAZ',
      coordinator: { name: 'Aigerim Nurlanova', email: 'almaty-process@mfa.kz.example' },
      credentialsReference: 'Note verbale No. 14-2/1123',
    },
    participants: [
      p(
        'Даулет',
        'Аргандыков',
        ['Daulet', 'Argandykov'],
        'head',
        'd.argandykov@enbek.kz.example',
        'Vice-Minister of Healthcare and Social Development',
        'Ministry of Healthcare and Social Development',
        'male',
        'H.E. Mr.',
      ),
      p(
        'Айгерим',
        'Нурланова',
        ['Aigerim', 'Nurlanova'],
        'member',
        'a.nurlanova@enbek.kz.example',
        'Head of Division, Migration Committee',
        'Ministry of Healthcare and Social Development',
        'female',
      ),
      p(
        'Бауыржан',
        'Сейтқали',
        ['Bauyrzhan', 'Seitkali'],
        'adviser',
        'b.seitkali@mfa.kz.example',
        'Counsellor, Consular Service',
        'Ministry of Foreign Affairs',
        'male',
      ),
    ],
    secretariat: 'accredited',
  },
  {
    delegation: {
      party: 'KGZ',
      coordinator: { name: 'Gulnara Sadykova', email: 'migration@mfa.kg.example' },
      credentialsReference: 'Note No. 5/2-418',
    },
    participants: [
      p(
        'Азамат',
        'Токтогулов',
        ['Azamat', 'Toktogulov'],
        'head',
        'a.toktogulov@migration.kg.example',
        'Deputy Chair',
        'State Migration Service',
        'male',
        'Mr.',
      ),
      p(
        'Гульнара',
        'Садыкова',
        ['Gulnara', 'Sadykova'],
        'expert',
        'g.sadykova@migration.kg.example',
        'Chief Specialist, Refugee Department',
        'State Migration Service',
        'female',
      ),
    ],
    secretariat: 'accredited',
  },
  {
    delegation: {
      party: 'TJK',
      coordinator: { name: 'Nilufar Karimova', email: 'migration@mfa.tj.example' },
    },
    participants: [
      p(
        'Фаридун',
        'Раҳимов',
        ['Faridun', 'Rahimov'],
        'head',
        'f.rahimov@mehnat.tj.example',
        'Head of the Migration Service',
        'Ministry of Labour, Migration and Employment',
        'male',
        'Mr.',
      ),
      p(
        'Нилуфар',
        'Каримова',
        ['Nilufar', 'Karimova'],
        'member',
        'n.karimova@mehnat.tj.example',
        'Senior Specialist',
        'Ministry of Labour, Migration and Employment',
        'female',
      ),
    ],
    secretariat: 'credentials-received',
  },
  {
    delegation: { party: 'AFG', coordinator: { name: 'Malalai Noori', email: 'refugees@mfa.af.example' } },
    participants: [
      p(
        'فرید',
        'احمدی',
        ['Farid', 'Ahmadi'],
        'head',
        'f.ahmadi@morr.af.example',
        'Deputy Minister',
        'Ministry of Refugees and Repatriation',
        'male',
        'H.E. Mr.',
      ),
      p(
        'ملالی',
        'نوری',
        ['Malalai', 'Noori'],
        'adviser',
        'm.noori@morr.af.example',
        'Director of Planning',
        'Ministry of Refugees and Repatriation',
        'female',
      ),
    ],
    secretariat: 'nothing',
  },
  {
    delegation: { party: 'AZE', coordinator: { name: 'Günel Əliyeva', email: 'migration@mfa.az.example' } },
    participants: [
      p(
        'Elvin',
        'Məmmədov',
        undefined,
        'head',
        'e.mammadov@migration.az.example',
        'Head of International Relations',
        'State Migration Service',
        'male',
        'Mr.',
      ),
      p(
        'Günel',
        'Əliyeva',
        undefined,
        'expert',
        'g.aliyeva@migration.az.example',
        'Legal Expert',
        'State Migration Service',
        'female',
      ),
    ],
    secretariat: 'nothing',
  },
  {
    delegation: { party: 'IRN', coordinator: { name: 'Ali Rezaei', email: 'bafia@mfa.ir.example' } },
    participants: [
      p(
        'علی',
        'رضایی',
        ['Ali', 'Rezaei'],
        'head',
        'a.rezaei@bafia.ir.example',
        'Director General',
        "Bureau for Aliens and Foreign Immigrants' Affairs",
        'male',
        'Mr.',
      ),
    ],
    secretariat: 'nothing',
  },
  {
    delegation: { party: 'TUR', coordinator: { name: 'Ayşe Demir', email: 'migration@mfa.tr.example' } },
    participants: [
      p(
        'Mehmet',
        'Yılmaz',
        undefined,
        'head',
        'm.yilmaz@goc.tr.example',
        'Deputy Director General',
        'Presidency of Migration Management',
        'male',
        'Mr.',
      ),
      p(
        'Ayşe',
        'Demir',
        undefined,
        'expert',
        'a.demir@goc.tr.example',
        'Migration Expert',
        'Presidency of Migration Management',
        'female',
      ),
    ],
    secretariat: 'nothing',
  },
  {
    delegation: {
      party: 'UNHCR',
      coordinator: { name: 'Regional Representation for Central Asia', email: 'kazal@unhcr.example' },
    },
    participants: [
      p(
        'Anna',
        'Kowalska',
        undefined,
        'head',
        'kowalska@unhcr.example',
        'Regional Representative for Central Asia',
        'UNHCR',
        'female',
        'Ms.',
      ),
      p(
        'Timur',
        'Iskakov',
        undefined,
        'expert',
        'iskakov@unhcr.example',
        'Protection Officer',
        'UNHCR',
        'male',
      ),
    ],
    secretariat: 'accredited',
  },
  {
    delegation: {
      party: 'IOM',
      coordinator: { name: 'Sub-Regional Coordination Office', email: 'iomalmaty@iom.example' },
    },
    participants: [
      p('Zeynep', 'Kaya', undefined, 'head', 'zkaya@iom.example', 'Chief of Mission', 'IOM', 'female', 'Ms.'),
    ],
    secretariat: 'accredited',
  },
  {
    delegation: {
      party: 'UNRCCA',
      coordinator: { name: 'Political Affairs Unit', email: 'unrcca@un.example' },
    },
    participants: [
      p(
        'Petr',
        'Novák',
        undefined,
        'observer',
        'novak@un.example',
        'Political Affairs Officer',
        'UNRCCA',
        'male',
        'Mr.',
      ),
    ],
    secretariat: 'nothing',
  },
  {
    delegation: {
      party: 'UNAMA',
      coordinator: { name: 'Office of the Special Representative', email: 'unama@un.example' },
    },
    participants: [
      p(
        'Karim',
        'Haidari',
        undefined,
        'observer',
        'haidari@un.example',
        'Political Affairs Officer',
        'UNAMA',
        'male',
        'Mr.',
      ),
    ],
    secretariat: 'nothing',
  },
];
