import {
  type JanusCall,
  type JanusCallEmitted,
  type JanusCallOptions,
  type JanusCallView,
  createJanusCall,
  initialView,
  view as toView,
} from '@janus-call/core';
import { useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef, useState } from 'react';

type Emitted<T extends JanusCallEmitted['type']> = Extract<JanusCallEmitted, { type: T }>;

/** Each event `call.on()` knows, and the option that receives it. */
const HANDLERS = {
  registered: 'onRegistered',
  incomingcall: 'onIncomingCall',
  accepted: 'onAccepted',
  mediaup: 'onMediaUp',
  hangup: 'onHangup',
  error: 'onError',
  reconnecting: 'onReconnecting',
  failed: 'onFailed',
} as const satisfies Record<JanusCallEmitted['type'], `on${string}`>;

/** Callbacks for notifications that are not state, e.g. `onIncomingCall({ peer })`; the latest ones are called. */
export type JanusCallHandlers = { [T in keyof typeof HANDLERS as (typeof HANDLERS)[T]]?: (event: Emitted<T>) => void };

/** `server`, `token`, `apiSecret` and `transport` pick the connection: changing one reconnects. */
export interface UseJanusCallOptions extends JanusCallOptions, JanusCallHandlers {}

export type JanusCallCommands = Pick<
  JanusCall,
  'register' | 'refreshPeers' | 'reconnect' | 'call' | 'accept' | 'decline' | 'hangup' | 'setMedia' | 'getStats'
>;

export interface UseJanusCallResult extends JanusCallView, JanusCallCommands {
  /** The live client (its `actor` is the XState actor); `null` until the first effect ran. */
  client: JanusCall | null;
}

const select = (snapshot: Parameters<typeof toView>[0] | undefined) => (snapshot ? toView(snapshot) : initialView());

/** A videocall client for the lifetime of the component: its view, plus the commands. */
export function useJanusCall(options: UseJanusCallOptions): UseJanusCallResult {
  const latest = useRef(options);
  latest.current = options;
  const [client, setClient] = useState<JanusCall | null>(null);
  const live = useRef<JanusCall | null>(null);
  const queued = useRef<Array<(client: JanusCall) => void>>([]);
  const { server, token, apiSecret, transport } = options;
  const serverKey = Array.isArray(server) ? server.join(' ') : server;

  useEffect(() => {
    let started: JanusCall | null = null;
    let cancelled = false;
    const offs: Array<() => void> = [];
    // StrictMode remounts synchronously: starting a microtask later lets its fake unmount cancel a client that never existed.
    queueMicrotask(() => {
      if (cancelled) return;
      // The handler keys ride along unread: createJanusCall takes only what it knows.
      const call = (started = createJanusCall(latest.current));
      for (const [type, key] of Object.entries(HANDLERS) as Array<[keyof typeof HANDLERS, keyof JanusCallHandlers]>) {
        offs.push(call.on(type, (event) => (latest.current[key] as ((e: typeof event) => void) | undefined)?.(event)));
      }
      live.current = call;
      setClient(call);
      for (const command of queued.current.splice(0)) command(call);
    });
    return () => {
      cancelled = true;
      for (const off of offs) off();
      if (!started) return;
      if (live.current === started) live.current = null;
      // Hangs up, detaches and destroys the session on the server; bounded by stopTimeoutMs.
      void started.stop();
      setClient(null);
    };
  }, [serverKey, token, apiSecret, transport]);

  const view = useSelector(client?.actor, select);

  const commands = useMemo<JanusCallCommands>(() => {
    // Commands made before the client exists (in a mount effect, say) run as soon as it does.
    const run = (command: (client: JanusCall) => void) => {
      if (live.current) command(live.current);
      else queued.current.push(command);
    };
    return {
      register: (username) => run((c) => c.register(username)),
      refreshPeers: () => run((c) => c.refreshPeers()),
      reconnect: () => run((c) => c.reconnect()),
      call: (username, media) => run((c) => c.call(username, media)),
      accept: (media) => run((c) => c.accept(media)),
      decline: () => run((c) => c.decline()),
      hangup: () => run((c) => c.hangup()),
      setMedia: (media) => run((c) => c.setMedia(media)),
      getStats: () => live.current?.getStats() ?? Promise.resolve(null),
    };
  }, []);

  return useMemo(() => ({ ...view, ...commands, client }), [view, commands, client]);
}
