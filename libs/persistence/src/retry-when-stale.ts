/**
 * Runs a read-check-write attempt again while it fails only because someone else wrote the same
 * document first (a lost compare-and-set), up to `attempts` times; each attempt reads afresh.
 * For writes that need no If-Match from the client: a version the client sent is never retried.
 */
export async function retryWhenStale<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  isStale: (error: unknown) => boolean,
  attempts = 3,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!isStale(error) || attemptNumber >= attempts) throw error;
    }
  }
}
