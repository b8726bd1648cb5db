import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, shallowRef } from 'vue';
import { JanusVideo } from './janus-video.js';

// jsdom has no MediaStream; the component only hands the object to `srcObject`.
const streamA = { id: 'a' };
const streamB = { id: 'b' };

describe('JanusVideo', () => {
  it('binds the stream to srcObject, plays inline and mutes when asked (local video)', async () => {
    const wrapper = mount(JanusVideo, { props: { stream: streamA, muted: true }, attrs: { 'aria-label': 'Local video' } });
    await nextTick();
    const video = wrapper.get('video').element as HTMLVideoElement;
    expect(video.srcObject).toBe(streamA);
    expect(video.autoplay).toBe(true);
    expect(video.hasAttribute('playsinline')).toBe(true);
    expect(video.muted).toBe(true);
    expect(video.getAttribute('aria-label')).toBe('Local video');
  });

  it('does not mute by default (remote video)', () => {
    const wrapper = mount(JanusVideo, { props: { stream: streamA } });
    expect((wrapper.get('video').element as HTMLVideoElement).muted).toBe(false);
  });

  it('follows stream changes and clears on null and on unmount', async () => {
    const stream = shallowRef<unknown>(streamA);
    const wrapper = mount(defineComponent({ setup: () => () => h(JanusVideo, { stream: stream.value }) }));
    const video = wrapper.get('video').element as HTMLVideoElement;
    await nextTick();
    expect(video.srcObject).toBe(streamA);
    stream.value = streamB;
    await nextTick();
    expect(video.srcObject).toBe(streamB);
    stream.value = null;
    await nextTick();
    expect(video.srcObject).toBeNull();
    stream.value = streamA;
    await nextTick();
    expect(video.srcObject).toBe(streamA);
    wrapper.unmount();
    expect(video.srcObject).toBeNull();
  });
});
