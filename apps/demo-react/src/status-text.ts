import type { CallEnd, JanusCallView } from '@janus-call/core';

/** One sentence for `role="status"`: where the client is, in words. */
export function statusText(view: JanusCallView, server: string): string {
  const peer = view.peer ?? 'someone';
  switch (view.status) {
    case 'connecting':
      return `Connecting to ${server}…`;
    case 'idle':
      return 'Connected. Choose a username and register.';
    case 'registering':
      return 'Registering…';
    case 'registered':
      return `Registered as ${view.username}.`;
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

/** How the last call ended, for the line under the status. */
export function callEndText(end: CallEnd): string {
  const peer = end.peer ?? 'The other side';
  switch (end.cause) {
    case 'local':
      return 'You hung up.';
    case 'remote':
      return `${peer} hung up.`;
    case 'busy':
      return `${peer} is busy in another call.`;
    case 'declined':
      return 'The call was declined.';
    case 'no-answer':
      return `${peer} did not answer.`;
    case 'remote-webrtc':
    case 'dtls-alert':
      return `${peer}'s connection closed.`;
    case 'ice-failed':
      return 'The media connection failed (ICE).';
    case 'error':
      return 'The call failed.';
    case 'other':
      return `The call ended: ${end.reason}.`;
  }
}
