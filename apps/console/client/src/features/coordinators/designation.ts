// Replaced by the contract's view class once the participants API publishes it.
export interface DesignationView {
  id: string;
  eventId: string;
  party: string;
  email: string;
  name?: string;
  language?: string;
  state: 'active' | 'revoked';
}
