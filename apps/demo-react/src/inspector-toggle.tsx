import { useEffect, useState } from 'react';
import { closeInspector, inspectorRequested, openInspector } from 'demo-kit';

/** Opens the Stately inspector on the live actor (a window on stately.ai; only when asked). */
export function InspectorToggle() {
  const [open, setOpen] = useState(() => inspectorRequested(window.location.search));

  useEffect(() => {
    if (!open) return;
    openInspector().catch((error: unknown) => {
      console.error('Could not open the Stately inspector', error);
      setOpen(false);
    });
    return closeInspector;
  }, [open]);

  return (
    <button type="button" className="ghost" aria-pressed={open} onClick={() => setOpen((o) => !o)} title="Show the statechart live in the Stately inspector">
      Inspector
    </button>
  );
}
