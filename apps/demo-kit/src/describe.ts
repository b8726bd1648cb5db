import { type CallEnd, type JanusCallError, type JanusCallView, MediaError, TransportError, UsageError } from '@janus-call/core';

/** One sentence for `role="status"`: where the client is, in words. */
export function statusText(v: Pick<JanusCallView, 'status' | 'username' | 'peer'>, server: string): string {
  const peer = v.peer ?? 'someone';
  switch (v.status) {
    case 'connecting':
      return `Connecting to ${server}…`;
    case 'idle':
      return 'Connected. Choose a username and register.';
    case 'registering':
      return 'Registering…';
    case 'registered':
      return `Registered as ${v.username}.`;
    case 'calling':
      return `Calling ${peer}…`;
    case 'incoming':
      return `${peer} is calling you.`;
    case 'accepted':
      return `Connecting media with ${peer}…`;
    case 'mediaUp':
      return `In a call with ${peer}.`;
    case 'failed':
      return 'Connection lost.';
    case 'stopped':
      return 'Disconnected.';
  }
}

/** How the last call ended, shown under the status. */
export function callEndText(end: CallEnd): string {
  const peer = end.peer ?? 'The other side';
  const words: Record<CallEnd['cause'], string> = {
    local: 'You hung up.',
    remote: `${peer} hung up.`,
    busy: `${peer} is busy in another call.`,
    declined: 'The call was declined.',
    'no-answer': `${peer} did not answer.`,
    'remote-webrtc': `${peer}'s connection closed.`,
    'dtls-alert': `${peer}'s connection closed.`,
    'ice-failed': 'The media connection failed (ICE).',
    error: 'The call failed.',
    other: `The call ended: ${end.reason}.`,
  };
  return words[end.cause];
}

const PLUGIN: Record<number, (callee: string | null) => string> = {
  473: () => 'Register a username before calling.',
  476: () => 'That username is taken. Pick another one.',
  477: () => 'You are already registered.',
  478: (callee) => (callee ? `No user called ${callee} is registered.` : 'That user is not registered.'),
  479: () => 'You cannot call yourself.',
  480: () => 'You are already in a call.',
  481: () => 'There is no incoming call to accept.',
  482: () => 'The call could not be set up: the offer had no media description.',
  483: () => 'The call could not be set up: the server rejected the media description.',
};

const USAGE: Record<string, string> = {
  'invalid-username': 'Usernames must be between 1 and 256 characters.',
  'already-registered': 'You are already registered. Disconnect to use another name.',
  'registration-pending': 'A registration is already in progress.',
  'not-registered': 'Register a username before calling.',
  'call-yourself': 'You cannot call yourself.',
  stopped: 'This connection was closed. Press Connect to start again.',
};

const MEDIA: Record<string, string> = {
  'permission-denied': 'Camera and microphone access was denied. Allow it in the site settings, then try again.',
  'device-unavailable': 'No usable camera or microphone was found. Is another application using it?',
  'ice-failed': 'The media connection failed: there is no network path to the server (ICE failed).',
  'negotiation-failed': 'The call could not be set up: the media negotiation failed.',
  unsupported: 'This browser does not support the requested media.',
};

const TRANSPORT: Record<string, (server: string, status?: number) => string> = {
  network: (server) => `Cannot reach the Janus server at ${server}. Check the address and that Janus is running.`,
  'session-gone': () => 'The server ended this session (it restarted, or the session timed out). Reconnect to start a new one.',
  timeout: () => 'The Janus server did not answer in time.',
  http: (server, status) => `The Janus server answered with an unexpected HTTP status${status ? ` (${status})` : ''}. Is ${server} a Janus REST endpoint?`,
  aborted: () => 'The request was cancelled.',
};

export interface ErrorContext {
  /** The Janus URL in use, for "cannot reach" messages. */
  server: string;
  /** The name last typed in the Peer field, for "no such user". */
  callee: string | null;
}

/** An SDK error in words a person understands: what happened, and what to do about it. */
export function errorText(error: JanusCallError, { server, callee }: ErrorContext): string {
  if (error instanceof UsageError) return USAGE[error.reason] ?? error.message;
  if (error instanceof MediaError) return MEDIA[error.reason] ?? error.message;
  if (error instanceof TransportError) return TRANSPORT[error.reason]?.(server, error.status) ?? error.message;
  switch (error.kind) {
    case 'plugin':
      return PLUGIN[error.code ?? 0]?.(callee) ?? `The videocall plugin refused: ${error.message} (error ${error.code}).`;
    case 'protocol':
      return 'The server sent a message this app does not understand. Is it a Janus server with the videocall plugin?';
    case 'janus':
      if (error.code === 403) return 'The server refused the request: the token or API secret is wrong.';
      if (error.code === 458) return 'The server no longer knows this session. Reconnect to start a new one.';
      if (error.code === 490) return 'The server could not set up the media connection.';
      return `The Janus server reported an error: ${error.message} (error ${error.code}).`;
    default:
      return error.message;
  }
}
