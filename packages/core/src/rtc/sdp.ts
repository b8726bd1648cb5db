import type { MediaKind } from './rtc-adapter.js';

// Pure SDP helpers. They read and rewrite text line by line and keep the original line ending.

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface MediaSection {
  /** `audio`, `video`, `application`… as written on the m-line. */
  kind: string;
  port: number;
  mid: string | null;
  /** The section's direction, else the session's, else sendrecv (RFC 4566). */
  direction: MediaDirection;
  /** `a=setup` of the section, else the session's. */
  setup: string | null;
}

const DIRECTIONS: readonly string[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

function lineEnding(sdp: string): string {
  return sdp.includes('\r\n') ? '\r\n' : '\n';
}

function linesOf(sdp: string): string[] {
  return sdp.split(/\r?\n/);
}

function attribute(lines: readonly string[], name: string): string | null {
  const prefix = `a=${name}:`;
  const line = lines.find((l) => l.startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length).trim();
}

function direction(lines: readonly string[]): MediaDirection | null {
  const line = lines.find((l) => DIRECTIONS.includes(l.slice(2).trim()) && l.startsWith('a='));
  return line === undefined ? null : (line.slice(2).trim() as MediaDirection);
}

/** Split into the session part and one block of lines per m-section. */
function blocks(sdp: string): { session: string[]; media: string[][] } {
  const session: string[] = [];
  const media: string[][] = [];
  for (const line of linesOf(sdp)) {
    if (line.startsWith('m=')) media.push([line]);
    else if (media.length > 0) media[media.length - 1]!.push(line);
    else session.push(line);
  }
  return { session, media };
}

/** The m-sections of an SDP, in order. */
export function mediaSections(sdp: string): MediaSection[] {
  const { session, media } = blocks(sdp);
  const sessionDirection = direction(session) ?? 'sendrecv';
  const sessionSetup = attribute(session, 'setup');
  return media.map((lines) => {
    const [kind = '', port = '0'] = lines[0]!.slice(2).split(' ');
    return {
      kind,
      port: Number.parseInt(port, 10) || 0,
      mid: attribute(lines, 'mid'),
      direction: direction(lines) ?? sessionDirection,
      setup: attribute(lines, 'setup') ?? sessionSetup,
    };
  });
}

/** True when the SDP has a non-rejected (port ≠ 0) m-section of this kind. */
export function hasMedia(sdp: string, kind: MediaKind): boolean {
  return mediaSections(sdp).some((section) => section.kind === kind && section.port !== 0);
}

/** Direction of the first live m-section of this kind, or null when there is none. */
export function mediaDirection(sdp: string, kind: MediaKind): MediaDirection | null {
  const section = mediaSections(sdp).find((s) => s.kind === kind && s.port !== 0);
  return section ? section.direction : null;
}

/** The `a=mid` of every m-section, in order (sections without one are skipped). */
export function mids(sdp: string): string[] {
  return mediaSections(sdp).flatMap((section) => (section.mid === null ? [] : [section.mid]));
}

/** The DTLS role the SDP asks for (`a=setup`), from the first section that says. */
export function setupRole(sdp: string): string | null {
  const { session } = blocks(sdp);
  return mediaSections(sdp).find((s) => s.setup !== null)?.setup ?? attribute(session, 'setup');
}

/**
 * In an OFFER, replace `a=setup:actpass` with `a=setup:active`: Janus then answers passive and
 * the offerer starts DTLS at once (werift otherwise waits ~1 s for a ClientHello Janus sent too early).
 */
export function preferSetupActive(offerSdp: string): string {
  const eol = lineEnding(offerSdp);
  return linesOf(offerSdp)
    .map((line) => (line.trim() === 'a=setup:actpass' ? 'a=setup:active' : line))
    .join(eol);
}

/** Count of `a=candidate` lines, e.g. to tell a trickle offer from one with candidates inline. */
export function candidateCount(sdp: string): number {
  return linesOf(sdp).filter((line) => line.startsWith('a=candidate:')).length;
}
