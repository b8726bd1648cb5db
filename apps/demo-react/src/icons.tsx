import type { ReactNode } from 'react';

/** Small line icons drawn for this demo; decorative, so hidden from assistive technology. */
function Icon({ children, off }: { children: ReactNode; off: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      {children}
      {off && <path d="M4 4l16 16" />}
    </svg>
  );
}

export function MicIcon({ off = false }: { off?: boolean }) {
  return (
    <Icon off={off}>
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
    </Icon>
  );
}

export function CameraIcon({ off = false }: { off?: boolean }) {
  return (
    <Icon off={off}>
      <rect x="3" y="7" width="12" height="10" rx="2" />
      <path d="M15 11l6-3v8l-6-3" />
    </Icon>
  );
}
