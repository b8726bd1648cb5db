import {
  type JanusCall,
  type JanusCallActor,
  type JanusCallEmitted,
  type JanusCallOptions,
  type JanusCallSnapshot,
  type JanusCallView,
  createJanusCall,
  initialView,
  view,
} from '@janus-call/core';
import { useSelector } from '@xstate/vue';
import {
  type MaybeRefOrGetter,
  type ShallowRef,
  getCurrentScope,
  onScopeDispose,
  shallowRef,
  toValue,
  watch,
} from 'vue';
import { type JanusCallRefs, isServerRendering, sameView, toFieldRefs } from './view-refs.js';

type Commands = Pick<
  JanusCall,
  'register' | 'refreshPeers' | 'reconnect' | 'call' | 'accept' | 'decline' | 'hangup' | 'setMedia' | 'getStats' | 'on'
>;

/** One read-only ref per view field (destructure freely), the commands, and the live actor. */
export interface UseJanusCallReturn extends JanusCallRefs, Commands {
  /** The running actor, e.g. for `useSelector` from @xstate/vue; `undefined` during SSR. */
  readonly actor: Readonly<ShallowRef<JanusCallActor | undefined>>;
}

type Handler = (event: JanusCallEmitted) => void;

// Options that identify the connection: a change to any of them means a new session.
const connectionOf = (o: JanusCallOptions) =>
  [[o.server].flat().join('\n'), o.token, o.apiSecret, o.transport, o.fetch, o.rtc] as const;

/**
 * A Janus videocall client bound to the current effect scope (a component's setup or `effectScope()`).
 * Disposing the scope hangs up and destroys the session; changing `server` (ref or getter) reconnects.
 */
export function useJanusCall(options: MaybeRefOrGetter<JanusCallOptions>): UseJanusCallReturn {
  const actor = shallowRef<JanusCallActor>();
  const handlers = new Set<Handler>();
  let client: JanusCall | undefined;

  const start = () => {
    void client?.stop();
    client = createJanusCall(toValue(options));
    client.actor.on('*', (event) => handlers.forEach((handler) => handler(event)));
    actor.value = client.actor;
  };

  // The server renders the initial view only; the session starts when the client runs setup again.
  if (!isServerRendering()) start();
  watch(
    () => connectionOf(toValue(options)),
    (next, previous) => {
      if (next.some((value, i) => value !== previous[i])) start();
    },
  );
  onScopeDispose(() => void client?.stop());

  let placeholder: JanusCallView | undefined;
  const select = (snapshot: JanusCallSnapshot | undefined) =>
    snapshot ? view(snapshot) : (placeholder ??= initialView(toValue(options)));
  const state = useSelector(actor, select, sameView);

  // Commands reach whichever client is current; during SSR there is none and they do nothing.
  return {
    ...toFieldRefs(state),
    actor,
    register: (username) => client?.register(username),
    refreshPeers: () => client?.refreshPeers(),
    reconnect: () => client?.reconnect(),
    call: (username, media) => client?.call(username, media),
    accept: (media) => client?.accept(media),
    decline: () => client?.decline(),
    hangup: () => client?.hangup(),
    setMedia: (media) => client?.setMedia(media),
    getStats: async () => (client ? client.getStats() : null),
    on(type, handler) {
      const wrapped: Handler = (event) => {
        if (event.type === type) handler(event as never);
      };
      handlers.add(wrapped);
      const off = () => void handlers.delete(wrapped);
      // A listener added during a child's setup goes away with that child.
      if (getCurrentScope()) onScopeDispose(off);
      return off;
    },
  };
}
