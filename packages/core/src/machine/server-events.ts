import { ProtocolError } from '../protocol/errors.js';
import type { JanusHandleEvent } from '../protocol/janus.schema.js';
import { parseVideocallData } from '../protocol/parse.js';
import type { CallEnd, HangupCause, JanusServerEvent } from './janus-call.types.js';

/**
 * Janus JSON → typed machine event. Returns null for what the client has no use for
 * (e.g. `simulcast`), and a ProtocolError for what it cannot understand.
 */
export function toServerEvent(event: JanusHandleEvent, seq: number): JanusServerEvent | ProtocolError | null {
  const body = serverEventBody(event);
  return body === null || body instanceof ProtocolError ? body : ({ ...body, seq } as JanusServerEvent);
}

type Body = JanusServerEvent extends infer E ? (E extends { seq: number } ? Omit<E, 'seq'> : never) : never;

function serverEventBody(event: JanusHandleEvent): Body | ProtocolError | null {
  switch (event.janus) {
    case 'webrtcup':
      return { type: 'janus.webrtcup' };
    case 'media':
      return { type: 'janus.media', kind: event.type, receiving: event.receiving };
    case 'slowlink':
      return { type: 'janus.slowlink', uplink: event.uplink, lost: event.lost };
    case 'hangup':
      return { type: 'janus.hangup', reason: event.reason };
    case 'ice-failed':
      return { type: 'janus.icefailed' };
    case 'trickle':
      return { type: 'janus.trickle', candidate: event.candidate };
    case 'detached':
      return { type: 'janus.detached' };
    case 'error':
      return new ProtocolError(`Janus error ${event.error.code} on the handle: ${event.error.reason}`, JSON.stringify(event));
    case 'event': {
      const data = parseVideocallData(event.plugindata.data);
      if (data instanceof ProtocolError) return data;
      if (!data.ok) return new ProtocolError(`Unsolicited videocall error ${data.code}: ${data.reason}`, JSON.stringify(event));
      const result = data.result;
      if (!('event' in result)) return null;
      const jsep = event.jsep ?? null;
      switch (result.event) {
        case 'incomingcall':
          return { type: 'videocall.incomingcall', username: result.username, jsep };
        case 'accepted':
          return { type: 'videocall.accepted', username: result.username ?? null, jsep };
        case 'update':
          return { type: 'videocall.update', jsep };
        case 'hangup':
          return { type: 'videocall.hangup', username: result.username ?? null, reason: result.reason };
        case 'slow_link':
          return { type: 'videocall.slowlink' };
        default:
          return null;
      }
    }
  }
}

/** Classify a Janus hangup reason; the texts are those of janus.c and janus_videocall.c. */
export function hangupCause(reason: string, by: 'local' | 'remote'): HangupCause {
  const text = reason.toLowerCase();
  if (text.includes('busy')) return 'busy';
  if (text.includes('declined')) return 'declined';
  if (text.includes('no answer')) return 'no-answer';
  if (text.includes('dtls alert')) return 'dtls-alert';
  if (text.includes('ice failed') || text.includes('ice-failed')) return 'ice-failed';
  if (text.includes('remote webrtc hangup')) return 'remote-webrtc';
  if (text === 'explicit hangup') return 'local';
  if (text === 'we did the hangup') return 'remote';
  return by;
}

export function callEnd(reason: string, by: 'local' | 'remote', peer: string | null): CallEnd {
  return { cause: hangupCause(reason, by), reason, peer };
}
