export { FakeJanus } from './fake-janus.js';
export type { FakeRequest } from './fake-janus.js';
export { FakePeer, FakeRtc } from './fake-rtc.js';
export type { FakeStream } from './fake-rtc.js';
export { until } from './until.js';
