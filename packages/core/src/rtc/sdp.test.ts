import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateCount, hasMedia, mediaDirection, mediaSections, mids, preferSetupActive, setupRole } from './sdp.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
// Real offers: werift 0.24.4 (audio+video, max-bundle) and Chromium (fake devices).
const weriftOffer = fixture('werift-offer.sdp');
const chromiumOffer = fixture('chromium-offer.sdp');
// Real SDPs of Janus 1.1.2's videocall plugin: its answer to a werift offer with a=setup:active,
// and the offer it relayed to the callee.
const janusAnswer = fixture('janus-answer.sdp');
const janusOffer = fixture('janus-offer.sdp');

const sdp = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('preferSetupActive', () => {
  it('turns every actpass into active and changes nothing else', () => {
    const out = preferSetupActive(weriftOffer);
    expect(setupRole(weriftOffer)).toBe('actpass');
    expect(setupRole(out)).toBe('active');
    expect(out).not.toContain('a=setup:actpass');
    expect(out.match(/a=setup:active/g)).toHaveLength(2);
    expect(out.replaceAll('a=setup:active', 'a=setup:actpass')).toBe(weriftOffer);
  });

  it('keeps CRLF line endings and the trailing newline', () => {
    const out = preferSetupActive(chromiumOffer);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.split('\r\n')).toHaveLength(chromiumOffer.split('\r\n').length);
    expect(out).not.toMatch(/[^\r]\n/);
  });

  it('keeps LF-only SDP as LF', () => {
    const lf = 'v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=setup:actpass\n';
    expect(preferSetupActive(lf)).toBe('v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=setup:active\n');
  });

  it('leaves an answer role (active/passive) alone', () => {
    expect(preferSetupActive(janusAnswer)).toBe(janusAnswer);
  });

  it('rewrites a session-level setup too', () => {
    expect(setupRole(preferSetupActive(sdp('v=0', 'a=setup:actpass', 'm=audio 9 RTP/SAVPF 0')))).toBe('active');
  });
});

describe('mediaSections', () => {
  it('reads kind, port, mid, direction and setup of each section', () => {
    expect(mediaSections(weriftOffer)).toEqual([
      { kind: 'audio', port: 9, mid: '0', direction: 'sendrecv', setup: 'actpass' },
      { kind: 'video', port: 9, mid: '1', direction: 'sendrecv', setup: 'actpass' },
    ]);
  });

  it('falls back to the session direction, then sendrecv', () => {
    const text = sdp('v=0', 'a=recvonly', 'm=audio 9 RTP/SAVPF 0', 'm=video 9 RTP/SAVPF 96', 'a=inactive');
    expect(mediaSections(text).map((s) => s.direction)).toEqual(['recvonly', 'inactive']);
    expect(mediaSections(sdp('v=0', 'm=audio 9 RTP/SAVPF 0'))[0]?.direction).toBe('sendrecv');
  });

  it('returns nothing for an SDP without m-lines, or garbage', () => {
    expect(mediaSections('v=0\r\n')).toEqual([]);
    expect(mediaSections('')).toEqual([]);
    expect(mediaSections('m=\r\n')).toEqual([{ kind: '', port: 0, mid: null, direction: 'sendrecv', setup: null }]);
  });
});

describe('hasMedia / mediaDirection', () => {
  it('sees audio and video in real offers and answers', () => {
    for (const text of [weriftOffer, chromiumOffer, janusAnswer, janusOffer]) {
      expect(hasMedia(text, 'audio')).toBe(true);
      expect(hasMedia(text, 'video')).toBe(true);
    }
  });

  it('treats a rejected m-line (port 0) as absent', () => {
    const text = sdp('v=0', 'm=audio 9 RTP/SAVPF 0', 'a=sendrecv', 'm=video 0 RTP/SAVPF 96', 'a=mid:1');
    expect(hasMedia(text, 'audio')).toBe(true);
    expect(hasMedia(text, 'video')).toBe(false);
    expect(mediaDirection(text, 'video')).toBeNull();
  });

  it('reports the direction of the first live section', () => {
    const text = sdp('v=0', 'm=audio 9 RTP/SAVPF 0', 'a=recvonly', 'm=video 9 RTP/SAVPF 96', 'a=sendonly');
    expect(mediaDirection(text, 'audio')).toBe('recvonly');
    expect(mediaDirection(text, 'video')).toBe('sendonly');
    expect(mediaDirection(janusAnswer, 'audio')).toBe('sendrecv');
  });
});

describe('mids / setupRole / candidateCount', () => {
  it('lists mids in order', () => {
    expect(mids(weriftOffer)).toEqual(['0', '1']);
    expect(mids(chromiumOffer)).toEqual(['0', '1']);
    // Janus repeats a=mid inside a section; each section still counts once.
    expect(janusAnswer.match(/a=mid:0/g)).toHaveLength(2);
    expect(mids(janusAnswer)).toEqual(['0', '1']);
    expect(mids(sdp('v=0', 'm=audio 9 RTP/SAVPF 0', 'm=video 9 RTP/SAVPF 96', 'a=mid:v'))).toEqual(['v']);
  });

  it('reads the DTLS role Janus answered with, and offers', () => {
    expect(setupRole(janusAnswer)).toBe('passive');
    expect(setupRole(janusOffer)).toBe('actpass');
    expect(setupRole('v=0\r\n')).toBeNull();
  });

  it('counts inline candidates (Janus puts them in its SDP; trickle offers have none)', () => {
    expect(candidateCount(weriftOffer)).toBe(0);
    expect(candidateCount(janusAnswer)).toBeGreaterThan(0);
  });
});
