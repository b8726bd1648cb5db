import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyCallStats, normalizeStats } from './stats.js';

// A real getStats() of Chromium 156 (fake devices), one side of a call over a veth pair; certificates dropped.
const chromium = JSON.parse(
  readFileSync(new URL('./__fixtures__/chromium-stats.json', import.meta.url), 'utf8'),
) as Array<Record<string, unknown>>;
const asReport = (stats: Array<Record<string, unknown>>) => new Map(stats.map((s) => [s.id as string, s]));

describe('normalizeStats', () => {
  it('reads packets and bytes per kind and direction from a Chromium report', () => {
    const stats = normalizeStats(asReport(chromium), 1234);
    expect(stats.timestamp).toBe(1234);
    expect(stats.audio.sent).toEqual({ packets: 296, bytes: 17082 });
    expect(stats.audio.received).toEqual({ packets: 296, bytes: 16254, lost: 0 });
    expect(stats.video.sent).toEqual({ packets: 379, bytes: 353238 });
    expect(stats.video.received).toEqual({ packets: 380, bytes: 352929, lost: 0 });
  });

  it('takes round-trip times from remote-inbound-rtp and the selected candidate pair, in ms', () => {
    const stats = normalizeStats(asReport(chromium));
    expect(stats.audio.roundTripTimeMs).toBe(1);
    expect(stats.video.roundTripTimeMs).toBe(3.4);
    // The transport's selected pair (2 ms), not the other succeeded one (1 ms).
    expect(stats.roundTripTimeMs).toBe(2);
  });

  it('falls back to the nominated succeeded pair when no transport stat names one', () => {
    const withoutTransport = chromium.filter((s) => s.type !== 'transport');
    expect(normalizeStats(asReport(withoutTransport)).roundTripTimeMs).toBe(2);
  });

  it('sums several streams of one kind and ignores what it does not know', () => {
    const report = asReport([
      { id: 'a', type: 'inbound-rtp', kind: 'video', packetsReceived: 10, bytesReceived: 100, packetsLost: 2 },
      { id: 'b', type: 'inbound-rtp', kind: 'video', packetsReceived: 5, bytesReceived: 50, packetsLost: -1 },
      { id: 'c', type: 'outbound-rtp', mediaType: 'audio', packetsSent: 7, bytesSent: 70 },
      { id: 'd', type: 'outbound-rtp', kind: 'screen', packetsSent: 99 },
      { id: 'e', type: 'inbound-rtp', kind: 'audio', packetsReceived: 'many', bytesReceived: Number.NaN },
      { id: 'f', type: 'remote-inbound-rtp', kind: 'audio' },
    ]);
    const stats = normalizeStats(report, 0);
    expect(stats.video.received).toEqual({ packets: 15, bytes: 150, lost: 2 });
    expect(stats.audio.sent).toEqual({ packets: 7, bytes: 70 });
    expect(stats.audio.received).toEqual({ packets: 0, bytes: 0, lost: 0 });
    expect(stats.audio.roundTripTimeMs).toBeNull();
    expect(stats.roundTripTimeMs).toBeNull();
  });

  it('gives zeros for an empty report', () => {
    expect(normalizeStats(new Map(), 5)).toEqual(emptyCallStats(5));
  });
});
