/** The demos' two line icons (24×24, stroked), drawn by each framework from this one description. */
export const MEDIA_ICONS = {
  microphone: { rect: { x: 9, y: 3, width: 6, height: 11, rx: 3 }, path: 'M5 11a7 7 0 0 0 14 0M12 18v3' },
  camera: { rect: { x: 3, y: 7, width: 12, height: 10, rx: 2 }, path: 'M15 11l6-3v8l-6-3' },
} as const;

export type MediaIconName = keyof typeof MEDIA_ICONS;

/** The stroke across an icon whose device is off. */
export const ICON_OFF_PATH = 'M4 4l16 16';
