import { JanusError, TransportError, type JanusCallError } from '../protocol/errors.js';
import type { JanusHandleEvent, Jsep } from '../protocol/janus.schema.js';
import type { VideocallRequest } from '../protocol/videocall.schema.js';
import type { JanusTransport, LocalCandidate, PluginReply, PollHandlers } from '../transport/transport.js';

type Method = 'createSession' | 'attach' | 'message' | 'trickle' | 'keepalive' | 'detach' | 'destroy';

interface FakeSession {
  id: number;
  handles: Set<number>;
  poll: PollHandlers | null;
}

interface FakeHandle {
  id: number;
  sessionId: number;
  username: string | null;
  /** The other handle of a ringing or running call. */
  peer: number | null;
  /** True once the call was accepted. */
  inCall: boolean;
  /** Janus holds a PeerConnection for this handle (it got a JSEP). */
  pc: boolean;
}

export interface FakeRequest {
  method: Method;
  sessionId?: number;
  handleId?: number;
  body?: Record<string, unknown>;
  jsep?: Jsep;
}

/**
 * An in-memory Janus with the videocall plugin's registration rules, for unit tests of the
 * machine and the adapters. Several clients may share one FakeJanus, as on a real server.
 */
export class FakeJanus {
  readonly sessions = new Map<number, FakeSession>();
  readonly handles = new Map<number, FakeHandle>();
  /** Every request any client made, in order. */
  readonly requests: FakeRequest[] = [];
  private nextId = 1000;
  private seq = 0;

  /** @internal Arrival order shared by replies and events, as a real poll numbers them. */
  nextSeq(): number {
    return ++this.seq;
  }
  private failures = new Map<Method, JanusCallError[]>();
  private held = new Map<Method, Array<() => void>>();
  private holding = new Set<Method>();
  private offline = false;

  /** A transport bound to this server, as `createJanusCall({ transport })` takes it. */
  transport(): JanusTransport & { closed: boolean } {
    return new FakeTransport(this);
  }

  /** The next call of `method` fails with `error`. */
  failNext(method: Method, error: JanusCallError): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(error);
    this.failures.set(method, queue);
  }

  /** Calls of `method` wait until `release(method)`, to observe in-between states. */
  hold(method: Method): void {
    this.holding.add(method);
  }

  release(method: Method): void {
    this.holding.delete(method);
    for (const resume of this.held.get(method) ?? []) resume();
    this.held.delete(method);
  }

  /** The server forgets a session, as after a timeout: its poll gets "session gone". */
  dropSession(sessionId: number, reason: 'timeout' | 'not-found' = 'not-found'): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.removeSession(sessionId);
    session.poll?.onError(
      new TransportError('session-gone', reason === 'timeout' ? 'The session timed out on the server' : `No such session ${sessionId}`, {
        ...(reason === 'not-found' && { status: 404 }),
      }),
    );
  }

  /** The network goes down: every request and poll fails with a network error. */
  goOffline(): void {
    this.offline = true;
    const error = new TransportError('network', 'fetch failed: connection refused');
    for (const session of this.sessions.values()) {
      const poll = session.poll;
      session.poll = null;
      poll?.onError(error);
    }
  }

  get isOffline(): boolean {
    return this.offline;
  }

  /** The network is back. */
  goOnline(): void {
    this.offline = false;
  }

  /** Push a handle event to the session that owns `handleId`. */
  push(handleId: number, event: Omit<JanusHandleEvent, 'sender'>): void {
    const handle = this.handles.get(handleId);
    const session = handle && this.sessions.get(handle.sessionId);
    session?.poll?.onEvent({ ...event, sender: handleId } as JanusHandleEvent, this.nextSeq());
  }

  registeredNames(): string[] {
    return [...this.handles.values()].flatMap((h) => (h.username ? [h.username] : []));
  }

  /** @internal */
  async enter(request: FakeRequest): Promise<void> {
    this.requests.push(request);
    if (this.holding.has(request.method)) {
      await new Promise<void>((resolve) => {
        const queue = this.held.get(request.method) ?? [];
        queue.push(resolve);
        this.held.set(request.method, queue);
      });
    }
    if (this.offline) throw new TransportError('network', 'fetch failed: connection refused');
    const failure = this.failures.get(request.method)?.shift();
    if (failure) throw failure;
    if (request.sessionId !== undefined && request.method !== 'createSession' && !this.sessions.has(request.sessionId)) {
      throw new TransportError('session-gone', `No such session ${request.sessionId}`, { code: 458 });
    }
  }

  /** @internal */
  createSession(): number {
    const id = this.nextId++;
    this.sessions.set(id, { id, handles: new Set(), poll: null });
    return id;
  }

  /** @internal */
  attach(sessionId: number, plugin: string): number {
    if (plugin !== 'janus.plugin.videocall') throw new JanusError(460, `No such plugin '${plugin}'`);
    const id = this.nextId++;
    this.handles.set(id, { id, sessionId, username: null, peer: null, inCall: false, pc: false });
    this.sessions.get(sessionId)?.handles.add(id);
    return id;
  }

  /** Media comes up by itself once a call is accepted (webrtcup, media receiving). */
  autoMedia = true;

  /**
   * After a hangup, the other side stays "in a call" for this long (ms), so that calling it answers
   * "User busy": real Janus frees it only once its own PeerConnection has closed.
   */
  lingeringPeerMs = 0;

  /** Plugin replies arrive this much later than the request was handled (ms), as over a slow link. */
  replyDelayMs = 0;

  private pushPlugin(handleId: number, result: Record<string, unknown>, jsep?: Jsep): void {
    this.push(handleId, {
      janus: 'event',
      plugindata: { plugin: 'janus.plugin.videocall', data: { videocall: 'event', result } },
      ...(jsep && { jsep }),
    } as Omit<JanusHandleEvent, 'sender'>);
  }

  private byName(username: string): FakeHandle | undefined {
    return [...this.handles.values()].find((h) => h.username === username);
  }

  /** @internal */
  endCall(handle: FakeHandle, reason: string): void {
    const peer = handle.peer === null ? undefined : this.handles.get(handle.peer);
    handle.peer = null;
    handle.inCall = false;
    if (peer) {
      if (this.lingeringPeerMs > 0) {
        const was = handle.id;
        setTimeout(() => {
          if (peer.peer === was) peer.peer = null;
        }, this.lingeringPeerMs);
      } else peer.peer = null;
      peer.inCall = false;
      this.pushPlugin(peer.id, { event: 'hangup', username: handle.username, reason });
    }
    // As in Janus, the PeerConnections close a moment later, each with a core hangup.
    for (const h of [handle, peer]) {
      if (!h?.pc) continue;
      h.pc = false;
      setTimeout(() => this.push(h.id, { janus: 'hangup', reason: 'Close PC' } as Omit<JanusHandleEvent, 'sender'>), 1);
    }
  }

  /** @internal */
  videocall(handleId: number, body: VideocallRequest, jsep?: Jsep): Record<string, unknown> {
    const handle = this.handles.get(handleId);
    if (!handle) throw new JanusError(459, `No such handle ${handleId}`);
    const error = (code: number, reason: string) => ({ videocall: 'event', error_code: code, error: reason });
    const result = (r: Record<string, unknown>) => ({ videocall: 'event', result: r });
    switch (body.request) {
      case 'call': {
        if (!handle.username) return error(473, 'Register a username first');
        if (handle.peer !== null) {
          this.endCall(handle, 'Remote WebRTC hangup');
          return error(480, 'Already in a call');
        }
        if (body.username === handle.username) return error(479, "You can't call yourself... use the EchoTest for that");
        const callee = this.byName(body.username);
        if (!callee) return error(478, `Username '${body.username}' doesn't exist`);
        if (callee.peer !== null) {
          // Janus set up a PeerConnection for the offer before the plugin said busy, and closes it.
          if (jsep) setTimeout(() => this.push(handle.id, { janus: 'hangup', reason: 'Close PC' } as Omit<JanusHandleEvent, 'sender'>), 1);
          return result({ event: 'hangup', username: handle.username, reason: 'User busy' });
        }
        if (!jsep) return error(482, 'Missing SDP');
        handle.peer = callee.id;
        callee.peer = handle.id;
        handle.pc = true;
        this.pushPlugin(callee.id, { event: 'incomingcall', username: handle.username }, jsep);
        return result({ event: 'calling' });
      }
      case 'accept': {
        const caller = handle.peer === null ? undefined : this.handles.get(handle.peer);
        if (!caller || handle.inCall) return error(481, 'No incoming call to accept');
        if (!jsep) return error(482, 'Missing SDP');
        handle.inCall = caller.inCall = true;
        handle.pc = true;
        this.pushPlugin(caller.id, { event: 'accepted', username: handle.username }, jsep);
        if (this.autoMedia) {
          queueMicrotask(() => {
            for (const id of [caller.id, handle.id]) {
              this.push(id, { janus: 'webrtcup' } as Omit<JanusHandleEvent, 'sender'>);
              this.push(id, { janus: 'media', type: 'audio', receiving: true } as Omit<JanusHandleEvent, 'sender'>);
            }
          });
        }
        return result({ event: 'accepted' });
      }
      case 'set': {
        const peer = handle.peer === null ? undefined : this.handles.get(handle.peer);
        if (jsep && peer) this.pushPlugin(peer.id, { event: 'update' }, jsep);
        return result({ event: 'set' });
      }
      case 'hangup':
        this.endCall(handle, body.reason ?? 'We did the hangup');
        return result({ event: 'hangup', username: handle.username, reason: 'Explicit hangup' });
      case 'list':
        return { videocall: 'event', result: { list: this.registeredNames() } };
      case 'register':
        if (handle.username) return error(477, `Already registered (${handle.username})`);
        if (this.registeredNames().includes(body.username)) return error(476, `Username '${body.username}' already taken`);
        handle.username = body.username;
        return { videocall: 'event', result: { event: 'registered', username: body.username } };
      default:
        return error(472, `Unknown request '${(body as { request: string }).request}'`);
    }
  }

  /** @internal */
  removeHandle(handleId: number): void {
    const handle = this.handles.get(handleId);
    if (!handle) return;
    this.endCall(handle, 'Remote WebRTC hangup');
    this.handles.delete(handleId);
    this.sessions.get(handle.sessionId)?.handles.delete(handleId);
  }

  /** @internal */
  removeSession(sessionId: number): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    for (const handleId of session.handles) this.removeHandle(handleId);
    this.sessions.delete(sessionId);
  }
}

class FakeTransport implements JanusTransport {
  closed = false;
  constructor(private readonly janus: FakeJanus) {}

  private async enter(request: FakeRequest, signal?: AbortSignal): Promise<void> {
    if (this.closed) throw new TransportError('aborted', 'The transport is closed');
    await this.janus.enter(request);
    if (signal?.aborted || this.closed) throw new TransportError('aborted', 'The operation was aborted');
  }

  async createSession(options?: { signal?: AbortSignal }) {
    await this.enter({ method: 'createSession' }, options?.signal);
    return { sessionId: this.janus.createSession(), server: 'fake://janus' };
  }

  async attach(sessionId: number, plugin: string, options?: { signal?: AbortSignal }) {
    await this.enter({ method: 'attach', sessionId }, options?.signal);
    return this.janus.attach(sessionId, plugin);
  }

  async message(
    sessionId: number,
    handleId: number,
    body: Record<string, unknown>,
    options?: { signal?: AbortSignal; jsep?: Jsep },
  ): Promise<PluginReply> {
    await this.enter({ method: 'message', sessionId, handleId, body, ...(options?.jsep && { jsep: options.jsep }) }, options?.signal);
    const data = this.janus.videocall(handleId, body as VideocallRequest, options?.jsep);
    const seq = this.janus.nextSeq();
    // Handled, and in order among the events; only its arrival is late.
    if (this.janus.replyDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.janus.replyDelayMs));
    return { sender: handleId, data, seq };
  }

  async trickle(sessionId: number, handleId: number, candidate: LocalCandidate | null) {
    await this.enter({ method: 'trickle', sessionId, handleId, body: { candidate } });
  }

  async keepalive(sessionId: number, options?: { signal?: AbortSignal }) {
    await this.enter({ method: 'keepalive', sessionId }, options?.signal);
  }

  async detach(sessionId: number, handleId: number, options?: { signal?: AbortSignal }) {
    await this.enter({ method: 'detach', sessionId, handleId }, options?.signal);
    this.janus.removeHandle(handleId);
  }

  async destroy(sessionId: number, options?: { signal?: AbortSignal }) {
    await this.enter({ method: 'destroy', sessionId }, options?.signal);
    this.janus.removeSession(sessionId);
  }

  poll(sessionId: number, handlers: PollHandlers): () => void {
    if (this.janus.isOffline) {
      const timer = setTimeout(() => handlers.onError(new TransportError('network', 'fetch failed: connection refused')), 5);
      return () => clearTimeout(timer);
    }
    const session = this.janus.sessions.get(sessionId);
    if (!session) {
      queueMicrotask(() => handlers.onError(new TransportError('session-gone', `No such session ${sessionId}`, { status: 404 })));
      return () => {};
    }
    session.poll = handlers;
    return () => {
      if (session.poll === handlers) session.poll = null;
    };
  }

  close(): void {
    this.closed = true;
  }
}
