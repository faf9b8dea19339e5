import type { CreateEventDto, RegisterDelegationDto, RegisterParticipantDto } from '@plenary/contracts';

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
