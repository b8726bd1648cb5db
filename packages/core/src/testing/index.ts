export { FakeJanus } from './fake-janus.js';
export type { FakeRequest } from './fake-janus.js';
