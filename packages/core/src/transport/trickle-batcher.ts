import type { JanusCallError } from '../protocol/errors.js';
import type { LocalCandidate } from './transport.js';

/** The `trickle` request fields for one POST. */
export type TricklePayload =
  | { candidate: LocalCandidate }
  | { candidates: LocalCandidate[] }
  | { candidate: { completed: true } };

interface Queued {
  candidate: LocalCandidate | null;
  resolve(): void;
  reject(error: JanusCallError): void;
}

export interface TrickleBatcherOptions {
  batchMs: number;
  /** POST one trickle request; rejects with a JanusCallError. */
  send(payload: TricklePayload): Promise<void>;
  /** Nothing queued and nothing in flight: the owner may forget this batcher. */
  onIdle(): void;
}

/** Plain fields only: an RTCIceCandidate's toJSON adds fields Janus does not want. */
function plain(candidate: LocalCandidate): LocalCandidate {
  const out: LocalCandidate = { candidate: candidate.candidate };
  if (candidate.sdpMid !== undefined) out.sdpMid = candidate.sdpMid;
  if (candidate.sdpMLineIndex !== undefined) out.sdpMLineIndex = candidate.sdpMLineIndex;
  return out;
}

/**
 * Batches one handle's candidates: those queued within `batchMs` go in one POST, and POSTs
 * are sent one after another so Janus sees candidates, then end-of-candidates, in order.
 */
export class TrickleBatcher {
  private queue: Queued[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;

  constructor(private readonly options: TrickleBatcherOptions) {}

  enqueue(candidate: LocalCandidate | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ candidate, resolve, reject });
      // End-of-candidates goes out at once: nothing more will join its batch.
      if (candidate === null) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.batchMs);
    });
  }

  /** Reject everything not yet sent and drop the timer; POSTs already chained fail on their own. */
  cancel(error: JanusCallError): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const dropped = this.queue;
    this.queue = [];
    for (const item of dropped) item.reject(error);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const items = this.queue;
    this.queue = [];
    let batch: Queued[] = [];
    for (const item of items) {
      if (item.candidate !== null) {
        batch.push(item);
        continue;
      }
      if (batch.length > 0) this.send(batch);
      batch = [];
      this.send([item]);
    }
    if (batch.length > 0) this.send(batch);
  }

  private send(items: Queued[]): void {
    const candidates = items.flatMap((item) => (item.candidate === null ? [] : [plain(item.candidate)]));
    const [first] = candidates;
    const payload: TricklePayload =
      first === undefined ? { candidate: { completed: true } } : candidates.length === 1 ? { candidate: first } : { candidates };
    this.inFlight += 1;
    // The chain never rejects: each POST's outcome is handed to its own callers.
    this.chain = this.chain
      .then(() => this.options.send(payload))
      .then(
        () => items.forEach((item) => item.resolve()),
        (error: JanusCallError) => items.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        this.inFlight -= 1;
        if (this.inFlight === 0 && this.queue.length === 0 && this.timer === undefined) this.options.onIdle();
      });
  }
}
