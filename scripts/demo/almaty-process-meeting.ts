import type { CreateEventDto, RegisterDelegationDto } from '@plenary/contracts';

/**
 * The demo meeting: the Almaty Process meeting of member states held on 21 November 2014 in
 * Almaty, staged again on 21 November of next year so that its whole life (announcement,
 * registration, session, outcome) lies ahead and can be walked through.
 */
export const DEMO_TITLE =
  'Meeting of representatives of member states of the Almaty Process for refugee protection and international migration';

export function demoMeeting(year = new Date().getUTCFullYear() + 1): CreateEventDto {
  return {
    title: DEMO_TITLE,
    kind: 'meeting',
    startsAt: `${year}-11-21T09:00:00+05:00`,
    endsAt: `${year}-11-21T18:00:00+05:00`,
    timeZone: 'Asia/Almaty',
    venue: {
      name: 'Hotel InterContinental Almaty',
      address: '181 Zheltoksan Street',
      city: 'Almaty',
      country: 'KAZ',
    },
    parties: [
      { code: 'KAZ', standing: 'chair' },
      { code: 'KGZ', standing: 'member' },
      { code: 'TJK', standing: 'member' },
      { code: 'AFG', standing: 'member' },
      { code: 'AZE', standing: 'member' },
      { code: 'IRN', standing: 'member' },
      { code: 'PAK', standing: 'member' },
      { code: 'TUR', standing: 'member' },
      {
        code: 'UNHCR',
        name: 'Office of the United Nations High Commissioner for Refugees',
        standing: 'initiator',
      },
      { code: 'IOM', name: 'International Organization for Migration', standing: 'initiator' },
      {
        code: 'UNRCCA',
        name: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
        standing: 'observer',
      },
      { code: 'UNAMA', name: 'United Nations Assistance Mission in Afghanistan', standing: 'observer' },
    ],
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
