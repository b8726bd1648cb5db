import { ICON_OFF_PATH, MEDIA_ICONS, type MediaIconName } from 'demo-kit';

/** A microphone or camera line icon; decorative, so hidden from assistive technology. */
export function MediaIcon({ name, off = false }: { name: MediaIconName; off?: boolean }) {
  const { rect, path } = MEDIA_ICONS[name];
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      <rect {...rect} />
      <path d={path} />
      {off && <path d={ICON_OFF_PATH} />}
    </svg>
  );
}
