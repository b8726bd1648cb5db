import type { JanusCallOptions } from '@janus-call/core';

type InspectFn = Extract<NonNullable<JanusCallOptions['inspect']>, (event: never) => void>;
type InspectionEvent = Parameters<InspectFn>[0];
interface Inspector {
  inspect: { next?: (event: InspectionEvent) => void };
  stop(): void;
}

// Actor registrations are kept whole and other events only recently, so an inspector opened mid-session
// can still draw the live actor without restarting it.
const registrations: InspectionEvent[] = [];
const recent: InspectionEvent[] = [];
const RECENT = 300;
let inspector: Inspector | null = null;

/** Given as `inspect` to every client: records always, forwards while the inspector is open. */
export const inspect: InspectFn = (event) => {
  if (event.type === '@xstate.actor') registrations.push(event);
  else if (recent.push(event) > RECENT) recent.shift();
  inspector?.inspect.next?.(event);
};

/** Opens the Stately inspector. Imported on demand, so the main bundle does not carry it. */
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
