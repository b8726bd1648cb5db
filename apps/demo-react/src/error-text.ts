import { type JanusCallError, MediaError, TransportError, UsageError } from '@janus-call/core';

export interface ErrorContext {
  /** The Janus URL in use, for "cannot reach" messages. */
  server: string;
  /** The name last typed in the Peer field, for "no such user". */
  callee: string | null;
}

const PLUGIN: Record<number, (c: ErrorContext) => string> = {
  473: () => 'Register a username before calling.',
  476: () => 'That username is taken. Pick another one.',
  477: () => 'You are already registered.',
  478: (c) => (c.callee ? `No user called ${c.callee} is registered.` : 'That user is not registered.'),
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

/** An SDK error in words a person understands: what happened, and what to do when there is something to do. */
export function errorText(error: JanusCallError, context: ErrorContext): string {
  switch (error.kind) {
    case 'plugin':
      return PLUGIN[error.code ?? 0]?.(context) ?? `The videocall plugin refused: ${error.message} (error ${error.code}).`;
    case 'usage':
      return (error instanceof UsageError && USAGE[error.reason]) || error.message;
    case 'media':
      return (error instanceof MediaError && MEDIA[error.reason]) || error.message;
    case 'janus':
      if (error.code === 403) return 'The server refused the request: the token or API secret is wrong.';
      if (error.code === 458) return 'The server no longer knows this session. Reconnect to start a new one.';
      if (error.code === 490) return 'The server could not set up the media connection.';
      return `The Janus server reported an error: ${error.message} (error ${error.code}).`;
    case 'transport':
      if (!(error instanceof TransportError)) return error.message;
      switch (error.reason) {
        case 'network':
          return `Cannot reach the Janus server at ${context.server}. Check the address and that Janus is running.`;
        case 'session-gone':
          return 'The server ended this session (it restarted, or the session timed out). Reconnect to start a new one.';
        case 'timeout':
          return 'The Janus server did not answer in time.';
        case 'http':
          return `The Janus server answered with an unexpected HTTP status${error.status ? ` (${error.status})` : ''}. Is ${context.server} a Janus REST endpoint?`;
        case 'aborted':
          return 'The request was cancelled.';
      }
      return error.message;
    case 'protocol':
      return 'The server sent a message this app does not understand. Is it a Janus server with the videocall plugin?';
  }
}
