/** What one message's sequence says about the order of its key's messages. */
export type SequenceObservation = 'first' | 'in-order' | 'gap' | 'reordered' | 'unsequenced';

export interface SequenceCounts {
  /** Messages that came after a hole: sequences between were never seen. */
  gaps: number;
  /** Sequence numbers missing in those holes. */
  missing: number;
  /** New messages (not redeliveries) with a sequence lower than one already seen. */
  reordered: number;
}

const MAX_KEYS = 50_000;

/**
 * Follows each key's ce_plenarysequence as this consumer sees it, to tell a gap or a
 * reordering. In memory, per topic and key: after a restart or a rebalance the first message
 * of a key sets its baseline again (reset), so that a partition that moved away and back does
 * not look like a gap. Bounded: the oldest keys are forgotten first.
 */
export class SequenceWatch {
  private readonly last = new Map<string, number>();
  private readonly counts: SequenceCounts = { gaps: 0, missing: 0, reordered: 0 };

  observe(topic: string, key: string, sequence: number | undefined): SequenceObservation {
    if (sequence === undefined) return 'unsequenced';
    const last = this.advance(topic, key, sequence);
    if (last === undefined) return 'first';
    if (sequence === last + 1) return 'in-order';
    if (sequence > last + 1) {
      this.counts.gaps += 1;
      this.counts.missing += sequence - last - 1;
      return 'gap';
    }
    this.counts.reordered += 1;
    return 'reordered';
  }

  /**
   * Takes note of a message this consumer passes over (a type or version it does not read),
   * so that its number is no gap; returns the key's sequence before it.
   */
  advance(topic: string, key: string, sequence: number | undefined): number | undefined {
    if (sequence === undefined) return undefined;
    const id = `${topic}\u0000${key}`;
    const last = this.last.get(id);
    if (last === undefined || sequence > last) {
      this.last.delete(id); // re-inserted: the map's order is the keys' last use
      this.last.set(id, sequence);
      if (this.last.size > MAX_KEYS) this.last.delete(this.last.keys().next().value!);
    }
    return last;
  }

  /** Forget the baselines (the consumer's partitions changed). */
  reset(): void {
    this.last.clear();
  }

  getCounts(): SequenceCounts {
    return { ...this.counts };
  }
}
