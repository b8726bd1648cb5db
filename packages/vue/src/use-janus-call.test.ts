import { type JanusCallEmitted, UsageError } from '@janus-call/core';
import { FakeJanus, FakeRtc } from '@janus-call/core/testing';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EffectScope, defineComponent, effectScope, h, nextTick, ref } from 'vue';
import { type UseJanusCallReturn, useJanusCall } from './use-janus-call.js';

const scopes: EffectScope[] = [];
/** Run the composable in a bare effect scope, as a store or a test would. */
function inScope(options: Parameters<typeof useJanusCall>[0]) {
  const scope = effectScope();
  scopes.push(scope);
  return { scope, call: scope.run(() => useJanusCall(options)) as UseJanusCallReturn };
}

afterEach(() => {
  for (const scope of scopes.splice(0)) scope.stop();
});

describe('useJanusCall in an effect scope', () => {
  it('exposes the view as destructurable read-only refs that follow the actor', async () => {
    const janus = new FakeJanus();
    const { call } = inScope({ server: 'fake://a', transport: janus.transport() });
    const { status, username, peers, register } = call;
    expect(status.value).toBe('connecting');
    await vi.waitFor(() => expect(status.value).toBe('idle'));
    register('alice');
    await vi.waitFor(() => expect(status.value).toBe('registered'));
    expect(username.value).toBe('alice');
    expect(peers.value).toEqual([]);
    const typeOnly = () => {
      // @ts-expect-error the refs are read-only: state changes only through commands.
      status.value = 'failed';
    };
    expect(typeOnly).toBeTypeOf('function');
  });

  it('creates exactly one session, and disposing the scope destroys it on the server', async () => {
    const janus = new FakeJanus();
    const { scope, call } = inScope({ server: 'fake://a', transport: janus.transport() });
    call.register('alice');
    await vi.waitFor(() => expect(call.status.value).toBe('registered'));
    expect(janus.requests.filter((r) => r.method === 'createSession')).toHaveLength(1);
    expect(janus.sessions.size).toBe(1);
    scope.stop();
    await vi.waitFor(() => expect(janus.sessions.size).toBe(0));
    expect(janus.handles.size).toBe(0);
    expect(janus.registeredNames()).toEqual([]);
    expect(() => call.register('again')).toThrow(UsageError);
  });

  it('reconnects when the server ref changes: old session destroyed, new one created', async () => {
    const servers = { 'fake://a': new FakeJanus(), 'fake://b': new FakeJanus() };
    const transports = { 'fake://a': servers['fake://a'].transport(), 'fake://b': servers['fake://b'].transport() };
    const server = ref<keyof typeof servers>('fake://a');
    const bitrateHint = ref(0);
    const { call } = inScope(() => ({ server: server.value, transport: transports[server.value], ringTimeoutMs: 1000 + bitrateHint.value }));
    const firstActor = call.actor.value;
    await vi.waitFor(() => expect(call.status.value).toBe('idle'));
    bitrateHint.value = 5; // not part of the connection: no restart
    await nextTick();
    expect(call.actor.value).toBe(firstActor);

    server.value = 'fake://b';
    await nextTick();
    expect(call.actor.value).not.toBe(firstActor);
    await vi.waitFor(() => expect(servers['fake://a'].sessions.size).toBe(0));
    await vi.waitFor(() => expect(call.status.value).toBe('idle'));
    call.register('bob');
    await vi.waitFor(() => expect(servers['fake://b'].registeredNames()).toEqual(['bob']));
    expect(servers['fake://b'].sessions.size).toBe(1);
    expect(servers['fake://a'].requests.filter((r) => r.method === 'createSession')).toHaveLength(1);
  });

  it('calls between two clients: incoming event, media up, streams, hang up', async () => {
    const janus = new FakeJanus();
    const rtc = new FakeRtc();
    const alice = inScope({ server: 'fake://a', transport: janus.transport(), rtc }).call;
    const bob = inScope({ server: 'fake://a', transport: janus.transport(), rtc }).call;
    const rings: JanusCallEmitted[] = [];
    bob.on('incomingcall', (event) => rings.push(event));
    alice.register('alice');
    bob.register('bob');
    await vi.waitFor(() => expect([alice.status.value, bob.status.value]).toEqual(['registered', 'registered']));
    alice.call('bob');
    await vi.waitFor(() => expect(bob.status.value).toBe('incoming'));
    expect(rings).toEqual([expect.objectContaining({ type: 'incomingcall', peer: 'alice' })]);
    expect(bob.peer.value).toBe('alice');
    bob.accept();
    await vi.waitFor(() => expect([alice.status.value, bob.status.value]).toEqual(['mediaUp', 'mediaUp']));
    expect(alice.remoteStream.value).toEqual({ id: expect.stringMatching(/^remote-/) });
    expect(alice.connectedAt.value).toEqual(expect.any(Number));
    expect(await alice.getStats()).toMatchObject({ audio: expect.any(Object) });
    alice.setMedia({ video: false });
    await vi.waitFor(() => expect(alice.media.value).toEqual({ audio: true, video: false }));
    alice.hangup();
    await vi.waitFor(() => expect(bob.lastCall.value?.cause).toBe('remote'));
    await vi.waitFor(() => expect(rtc.openPeers).toBe(0));
  });

  it('removes an `on` listener added in a scope when that scope ends', async () => {
    const janus = new FakeJanus();
    const { call } = inScope({ server: 'fake://a', transport: janus.transport() });
    const seen: string[] = [];
    const child = effectScope();
    child.run(() => call.on('registered', (event) => seen.push(event.type)));
    child.stop();
    call.on('registered', (event) => seen.push(`kept:${event.type}`));
    call.register('alice');
    await vi.waitFor(() => expect(seen).toEqual(['kept:registered']));
  });
});

describe('useJanusCall in a component', () => {
  it('lives exactly as long as the component', async () => {
    const janus = new FakeJanus();
    const Panel = defineComponent({
      setup() {
        const { status } = useJanusCall({ server: 'fake://a', transport: janus.transport() });
        return () => h('p', { role: 'status' }, status.value);
      },
    });
    const wrapper = mount(Panel);
    await vi.waitFor(() => expect(wrapper.text()).toBe('idle'));
    expect(janus.sessions.size).toBe(1);
    wrapper.unmount();
    await vi.waitFor(() => expect(janus.sessions.size).toBe(0));
    expect(janus.requests.filter((r) => r.method === 'createSession')).toHaveLength(1);
  });
});
