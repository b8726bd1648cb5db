import type { JanusCall } from '@janus-call/core';

/** The fields of XState's inspection events that a timeline reads (bench has no direct xstate dependency). */
interface Inspected {
  type: string;
  rootId: string;
  actorRef: { sessionId: string };
  event?: { type: string; state?: unknown; kind?: unknown; receiving?: unknown };
}

/** Short names for the machine events worth timing; others are ignored. */
function nameOf(event: NonNullable<Inspected['event']>): string | null {
  const { type } = event;
  if (type === 'rtc.state') return `rtc ${String(event.state)}`;
  if (type === 'janus.media') return `janus media ${String(event.kind)} ${event.receiving ? 'on' : 'off'}`;
  if (type.startsWith('xstate.done.actor.') && type.includes('outgoing.sending')) return 'calling reply';
  if (type.startsWith('xstate.done.actor.') && type.includes('call.accepting')) return 'accept reply';
  const kept = ['call', 'accept', 'rtc.offer', 'rtc.answer', 'rtc.remoteStream', 'videocall.incomingcall', 'videocall.accepted', 'janus.webrtcup'];
  return kept.includes(type) ? type : null;
}

/**
 * When each machine event of interest was first processed in the current call, from XState's
 * inspection stream, plus when the view reached each status. Times are performance.now().
 */
export class Timeline {
  private marks = new Map<string, number>();

  /** Pass as `createJanusCall({ inspect })`. */
  readonly inspect = (raw: unknown): void => {
    const ev = raw as Inspected;
    // Only events the root machine takes: the peer actor's own commands are not steps of the call.
    if (ev.type !== '@xstate.event' || !ev.event || ev.actorRef.sessionId !== ev.rootId) return;
    const name = nameOf(ev.event);
    if (name) this.mark(name);
  };

  /** Records view statuses as `status <name>`. */
  watch(call: JanusCall): () => void {
    return call.subscribe((view) => this.mark(`status ${view.status}`));
  }

  mark(name: string, at = performance.now()): void {
    if (!this.marks.has(name)) this.marks.set(name, at);
  }

  /** Like `mark`, but repeats are kept as `name #2`, `name #3`… */
  markEach(name: string, at = performance.now()): void {
    let key = name;
    for (let n = 2; this.marks.has(key); n++) key = `${name} #${n}`;
    this.marks.set(key, at);
  }

  /**
   * A `fetch` that marks each POST when sent and answered (`POST trickle`, `POST message call ✓`)
   * and each long-poll answer (`poll ✓`), to see the HTTP traffic of a call.
   */
  tracingFetch(inner: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      let label = 'poll';
      if (init?.method === 'POST' && typeof init.body === 'string') {
        const body = JSON.parse(init.body) as { janus?: string; body?: { request?: string } };
        label = `POST ${body.janus ?? '?'}${body.body?.request ? ` ${body.body.request}` : ''}`;
        this.markEach(label);
      }
      const response = await inner(input, init);
      this.markEach(`${label} ✓`);
      return response;
    };
  }

  at(name: string): number | undefined {
    return this.marks.get(name);
  }

  /** Every mark relative to `t0`, in time order. */
  relative(t0: number): Array<[string, number]> {
    return [...this.marks].map(([name, at]): [string, number] => [name, at - t0]).sort((a, b) => a[1] - b[1]);
  }

  reset(): void {
    this.marks.clear();
  }
}
