import { describe, expect, it } from 'vitest';
import { initialView } from './initial-view.js';

describe('initialView', () => {
  it('is what a client shows before it starts: connecting, nothing known yet', () => {
    expect(initialView()).toMatchObject({ status: 'connecting', username: null, peer: null, peers: [], error: null, media: { audio: true, video: true } });
    expect(initialView()).toBe(initialView());
  });

  it('reflects the media a client was configured with', () => {
    expect(initialView({ media: { video: false } }).media).toEqual({ audio: true, video: false });
  });
});
