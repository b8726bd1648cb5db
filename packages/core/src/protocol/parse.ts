import * as v from 'valibot';
import { ProtocolError } from './errors.js';
import { InboundSchema, type JanusInbound } from './janus.schema.js';
import { VideocallDataSchema, type VideocallResult } from './videocall.schema.js';

/** A videocall answer: the plugin's result, or its error code and reason. */
export type VideocallOutcome =
  | { ok: true; result: VideocallResult }
  | { ok: false; code: number; reason: string };

function issuesOf(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.slice(0, 8).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

function rawOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Validate one decoded Janus message. Never throws: bad input becomes a ProtocolError. */
export function parseInbound(value: unknown): JanusInbound | ProtocolError {
  const result = v.safeParse(InboundSchema, value);
  if (result.success) return result.output;
  return new ProtocolError('Unexpected message from Janus', rawOf(value), issuesOf(result.issues));
}

/**
 * Decode an HTTP body into Janus messages. A long-poll with `maxev` returns an array;
 * everything else a single object. Each element is validated on its own, so one bad
 * element does not hide the good ones.
 */
export function parseBody(text: string): Array<JanusInbound | ProtocolError> | ProtocolError {
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch (error) {
    return new ProtocolError(
      `Janus sent a body that is not JSON: ${error instanceof Error ? error.message : 'parse error'}`,
      text,
    );
  }
  if (Array.isArray(decoded)) return decoded.map(parseInbound);
  const single = parseInbound(decoded);
  // For a whole-body message, the body as received is the most useful raw text.
  return [single instanceof ProtocolError ? new ProtocolError(single.message, text, single.issues) : single];
}

/** Validate the `plugindata.data` of a videocall event. */
export function parseVideocallData(value: unknown): VideocallOutcome | ProtocolError {
  const result = v.safeParse(VideocallDataSchema, value);
  if (result.success) {
    const data = result.output;
    return 'error_code' in data
      ? { ok: false, code: data.error_code, reason: data.error }
      : { ok: true, result: data.result };
  }
  return new ProtocolError('Unexpected videocall plugin data', rawOf(value), issuesOf(result.issues));
}
