/**
 * Registrations sent continuously by a few concurrent clients, the way coordinators' browsers
 * would during a fault: what got a 2xx is remembered (the set of inputs that must have an
 * effect), what failed is counted (a failure promises nothing either way).
 */
export interface Accepted {
  id: string;
  email: string;
  delegationId: string;
}

export class RegistrationStream {
  readonly accepted: Accepted[] = [];
  readonly failures = new Map<string, number>();
  sent = 0;
  private running = false;
  private workers: Promise<void>[] = [];

  /** `urls()` gives the participants instances to spread requests over (read at each request: instances change). */
  constructor(
    private readonly urls: () => string[],
    private readonly token: string,
    private readonly delegationIds: string[],
    private readonly label: string,
  ) {}

  start(concurrency = 3): void {
    this.running = true;
    this.workers = Array.from({ length: concurrency }, () => this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Runs for a while, then stops. */
  async runFor(ms: number, concurrency = 3): Promise<void> {
    this.start(concurrency);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await this.stop();
  }

  private async work(): Promise<void> {
    while (this.running) {
      const i = this.sent++;
      const urls = this.urls();
      const delegationId = this.delegationIds[i % this.delegationIds.length];
      const email = `person${i}@${this.label}.example`;
      try {
        const response = await fetch(`${urls[i % urls.length]}/delegations/${delegationId}/participants`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: { given: 'Test', family: `Person${i}` }, role: 'member', email }),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.status === 201) {
          const { id } = (await response.json()) as { id: string };
          this.accepted.push({ id, email, delegationId });
        } else {
          this.count(String(response.status));
          await response.body?.cancel();
        }
      } catch (error) {
        this.count((error as Error).name === 'TimeoutError' ? 'timeout' : 'connection');
        await new Promise((resolve) => setTimeout(resolve, 50)); // do not spin on a closed port
      }
    }
  }

  private count(outcome: string): void {
    this.failures.set(outcome, (this.failures.get(outcome) ?? 0) + 1);
  }

  summary(): Record<string, number> {
    return { sent: this.sent, accepted: this.accepted.length, ...Object.fromEntries(this.failures) };
  }
}
