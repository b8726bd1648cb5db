import { describe, expectTypeOf, it } from 'vitest';
import {
  type CallEnd,
  type CallStats,
  createJanusCall,
  type JanusCall,
  type JanusCallError,
  type JanusCallStatus,
  type JanusCallView,
  type TransportFailure,
  TransportError,
  UsageError,
  VideocallErrorCode,
} from './index.js';

describe('public types', () => {
  it('createJanusCall needs a server and returns the documented surface', () => {
    // @ts-expect-error server is required
    createJanusCall({});
    const call = createJanusCall({ server: ['http://a/janus', 'http://b/janus'] });
    expectTypeOf(call).toEqualTypeOf<JanusCall>();
    expectTypeOf(call.register).parameters.toEqualTypeOf<[string]>();
    expectTypeOf(call.stop).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(call.getStats).returns.toEqualTypeOf<Promise<CallStats | null>>();
    expectTypeOf(call.view).toEqualTypeOf<JanusCallView>();
  });

  it('the view is plain, typed data', () => {
    expectTypeOf<JanusCallView['status']>().toEqualTypeOf<JanusCallStatus>();
    expectTypeOf<JanusCallView['error']>().toEqualTypeOf<JanusCallError | null>();
    expectTypeOf<JanusCallView['lastCall']>().toEqualTypeOf<CallEnd | null>();
    expectTypeOf<JanusCallView['peers']>().toEqualTypeOf<readonly string[]>();
  });

  it('events are typed by name', () => {
    const call = createJanusCall({ server: 'http://a/janus' });
    call.on('hangup', (event) => expectTypeOf(event.call.cause).toEqualTypeOf<CallEnd['cause']>());
    call.on('incomingcall', (event) => expectTypeOf(event.peer).toBeString());
    // @ts-expect-error no such event
    call.on('ringing', () => {});
  });

  it('errors narrow on kind', () => {
    const error = {} as JanusCallError;
    if (error instanceof TransportError) expectTypeOf(error.reason).toEqualTypeOf<TransportFailure>();
    if (error instanceof UsageError) expectTypeOf(error.kind).toEqualTypeOf<'usage'>();
    expectTypeOf(VideocallErrorCode.USERNAME_TAKEN).toEqualTypeOf<476>();
  });
});
