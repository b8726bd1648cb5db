import type { JanusCallOptions } from '@janus-call/core';

type InspectionEvent = Parameters<Extract<NonNullable<JanusCallOptions['inspect']>, (event: never) => void>>[0];
type Inspector = { inspect: { next?: (event: InspectionEvent) => void }; stop(): void };

// Actor registrations are kept whole, other events only recently: enough for an inspector opened late to draw the live actor.
const registrations: InspectionEvent[] = [];
const recent: InspectionEvent[] = [];
const RECENT_LIMIT = 300;
let inspector: Inspector | null = null;

/** Passed as `inspect` to every client: records always, forwards while the inspector is open. */
export function inspect(event: InspectionEvent): void {
  if (event.type === '@xstate.actor') registrations.push(event);
  else if (recent.push(event) > RECENT_LIMIT) recent.shift();
  inspector?.inspect.next?.(event);
}

/** Opens the Stately inspector window. Loaded on demand, so production bundles do not carry it. */
export async function openInspector(): Promise<void> {
  if (inspector) return;
  const { createBrowserInspector } = await import('@statelyai/inspect');
  inspector = createBrowserInspector();
  for (const event of [...registrations, ...recent]) inspector.inspect.next?.(event);
}

export function closeInspector(): void {
  inspector?.stop();
  inspector = null;
}
