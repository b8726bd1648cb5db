import type { CallStats, MediaKind, MediaKindStats } from './rtc-adapter.js';

/** What both `RTCStatsReport` (a Map) and werift's report offer. */
export interface StatsReportLike {
  forEach(callback: (stat: unknown) => void): void;
}

type Stat = Record<string, unknown>;

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function seconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000 * 10) / 10 : null;
}

function kindOf(stat: Stat): MediaKind | null {
  // Older Chromium named it mediaType.
  const kind = stat.kind ?? stat.mediaType;
  return kind === 'audio' || kind === 'video' ? kind : null;
}

function emptyKind(): MediaKindStats {
  return { sent: { packets: 0, bytes: 0 }, received: { packets: 0, bytes: 0, lost: 0 }, roundTripTimeMs: null };
}

export function emptyCallStats(timestamp = Date.now()): CallStats {
  return { timestamp, audio: emptyKind(), video: emptyKind(), roundTripTimeMs: null };
}

/** Turn a standard stats report (browser or werift) into `CallStats`. */
export function normalizeStats(report: StatsReportLike, now = Date.now()): CallStats {
  const result = emptyCallStats(now);
  const stats: Stat[] = [];
  report.forEach((stat) => {
    if (typeof stat === 'object' && stat !== null) stats.push(stat as Stat);
  });
  const selectedPairIds = new Set<unknown>();
  for (const stat of stats) {
    if (stat.type === 'transport' && stat.selectedCandidatePairId) selectedPairIds.add(stat.selectedCandidatePairId);
  }
  for (const stat of stats) {
    const kind = kindOf(stat);
    const entry = kind ? result[kind] : null;
    switch (stat.type) {
      case 'outbound-rtp':
        if (entry) {
          entry.sent.packets += num(stat.packetsSent);
          entry.sent.bytes += num(stat.bytesSent);
        }
        break;
      case 'inbound-rtp':
        if (entry) {
          entry.received.packets += num(stat.packetsReceived);
          entry.received.bytes += num(stat.bytesReceived);
          entry.received.lost += Math.max(0, num(stat.packetsLost));
        }
        break;
      case 'remote-inbound-rtp': {
        const rtt = seconds(stat.roundTripTime);
        if (entry && rtt !== null) entry.roundTripTimeMs = Math.max(entry.roundTripTimeMs ?? 0, rtt);
        break;
      }
      case 'candidate-pair': {
        // Without a transport stat naming the pair, fall back to the nominated, succeeded one.
        const selected =
          selectedPairIds.size > 0 ? selectedPairIds.has(stat.id) : stat.nominated === true && stat.state === 'succeeded';
        const rtt = seconds(stat.currentRoundTripTime);
        if (selected && rtt !== null) result.roundTripTimeMs = rtt;
        break;
      }
    }
  }
  return result;
}
