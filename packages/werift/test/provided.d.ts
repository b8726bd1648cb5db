// Brings in the `inject()` keys that the Janus harness provides to integration tests.
import type {} from '@janus-call/janus-harness/global-setup';
