import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JanusVideo } from './janus-video.js';
import { MODES } from './test/fixtures.js';

const local = { id: 'local' };
const remote = { id: 'remote' };
const videoOf = () => screen.getByLabelText('Video') as HTMLVideoElement;

describe.each(MODES)('JanusVideo (%s)', (_mode, Mode) => {
  afterEach(cleanup);

  it('plays the stream inline and automatically, muted when asked', () => {
    render(<Mode><JanusVideo stream={local} muted aria-label="Video" className="tile" /></Mode>);
    const video = videoOf();
    expect(video.srcObject).toBe(local);
    expect(video.muted).toBe(true);
    expect(video.autoplay).toBe(true);
    expect(video.hasAttribute('playsinline')).toBe(true);
    expect(video.className).toBe('tile');
  });

  it('is not muted by default, for the remote stream', () => {
    render(<Mode><JanusVideo stream={remote} aria-label="Video" /></Mode>);
    expect(videoOf().muted).toBe(false);
  });

  it('swaps the stream when it changes, and detaches it when it goes', () => {
    const { rerender, unmount } = render(<Mode><JanusVideo stream={local} aria-label="Video" /></Mode>);
    const video = videoOf();
    rerender(<Mode><JanusVideo stream={remote} aria-label="Video" /></Mode>);
    expect(video.srcObject).toBe(remote);
    rerender(<Mode><JanusVideo stream={null} aria-label="Video" /></Mode>);
    expect(video.srcObject).toBeNull();
    rerender(<Mode><JanusVideo stream={remote} aria-label="Video" /></Mode>);
    unmount();
    expect(video.srcObject).toBeNull();
  });
});
