import { UsageError } from '@janus-call/core';
import { FakeJanus } from '@janus-call/core/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { injectJanusCall, provideJanusCall } from './provide-janus-call.js';

const Status = defineComponent({
  setup() {
    const { status, username } = injectJanusCall();
    return () => h('li', `${status.value}:${username.value ?? '-'}`);
  },
});

const Register = defineComponent({
  setup() {
    const { register } = injectJanusCall();
    return () => h('button', { onClick: () => register('shared') }, 'Register');
  },
});

describe('provideJanusCall / injectJanusCall', () => {
  it('shares one client (one session) with every descendant', async () => {
    const janus = new FakeJanus();
    const App = defineComponent({
      setup() {
        provideJanusCall({ server: 'fake://a', transport: janus.transport() });
        return () => h('ul', [h(Status), h(Status), h(Register)]);
      },
    });
    const wrapper = mount(App);
    await vi.waitFor(() => expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['idle:-', 'idle:-']));
    await wrapper.get('button').trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['registered:shared', 'registered:shared']));
    expect(janus.requests.filter((r) => r.method === 'createSession')).toHaveLength(1);
    wrapper.unmount();
    await vi.waitFor(() => expect(janus.sessions.size).toBe(0));
  });

  it('says what is missing when nothing was provided', () => {
    let caught: unknown;
    mount(
      defineComponent({
        setup() {
          try {
            injectJanusCall();
          } catch (error) {
            caught = error;
          }
          return () => h('p');
        },
      }),
    );
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).message).toMatch(/provideJanusCall\(options\) in a parent component/);
  });
});
