/**
 * Per-shard circuit breaker: after a shard fails (timeout, refused connection, malformed
 * answer), calls to it fail at once for `openMs` instead of each waiting out the shard timeout.
 * Then one call at a time probes it; the first success closes the breaker.
 */
export class ShardBreaker {
  private readonly states = new Map<string, { openUntil: number; probing: boolean }>();

  constructor(
    private readonly openMs: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Whether a call to `shard` may go out now (a closed breaker, or the one probe of an open one). */
  allow(shard: string): boolean {
    const state = this.states.get(shard);
    if (!state) return true;
    if (state.probing || this.now() < state.openUntil) return false;
    state.probing = true;
    return true;
  }

  succeeded(shard: string): void {
    this.states.delete(shard);
  }

  failed(shard: string): void {
    if (this.openMs > 0) this.states.set(shard, { openUntil: this.now() + this.openMs, probing: false });
  }
}
