import { ProtocolError, VideocallError } from '../protocol/errors.js';
import type { Jsep } from '../protocol/janus.schema.js';
import { parseVideocallData } from '../protocol/parse.js';
import type { VideocallRequest, VideocallResult } from '../protocol/videocall.schema.js';
import type { JanusTransport } from '../transport/transport.js';

export interface SessionRef {
  sessionId: number;
}
export interface HandleRef extends SessionRef {
  handleId: number;
}

/** Send a videocall request; its validated result and arrival order, or the plugin's typed error. */
export async function sendVideocallReply(
  transport: JanusTransport,
  ref: HandleRef,
  body: VideocallRequest,
  signal?: AbortSignal,
  jsep?: Jsep,
): Promise<{ result: VideocallResult; seq: number }> {
  const reply = await transport.message(ref.sessionId, ref.handleId, body, {
    ...(signal && { signal }),
    ...(jsep && { jsep }),
  });
  const data = parseVideocallData(reply.data);
  if (data instanceof ProtocolError) throw data;
  if (!data.ok) throw new VideocallError(data.code, data.reason);
  return { result: data.result, seq: reply.seq };
}

/** Send a videocall request and return its validated result, or throw the plugin's typed error. */
export async function sendVideocall(
  transport: JanusTransport,
  ref: HandleRef,
  body: VideocallRequest,
  signal?: AbortSignal,
  jsep?: Jsep,
): Promise<VideocallResult> {
  return (await sendVideocallReply(transport, ref, body, signal, jsep)).result;
}

export function unexpectedResult(request: string, result: unknown): ProtocolError {
  return new ProtocolError(`Unexpected videocall result to ${request}`, JSON.stringify(result));
}
