// Replaced by the contract's view class once the participants API publishes it.
export interface CoordinationView {
  id: string;
  eventId: string;
  party: string;
  partyName?: string;
  delegationId?: string;
  event: {
    id: string;
    title: string;
    startsAt: string;
    endsAt: string;
    timeZone?: string;
    state?: string;
    registration?: { opensAt?: string; closesAt?: string; quota?: number };
  };
}
export interface CoordinationsView {
  items: CoordinationView[];
}
