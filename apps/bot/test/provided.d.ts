// Brings in the `inject()` keys that the Janus harness provides to integration tests.
import type {} from '../../../tools/janus-harness/src/global-setup.js';
