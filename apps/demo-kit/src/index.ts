export { BITRATE_CAPS, LOCAL_JANUS, MEETECHO_DEMO, initialServer, inspectorRequested } from './config.js';
export { type ErrorContext, callEndText, errorText, statusText } from './describe.js';
export { closeInspector, inspect, openInspector } from './inspector.js';
export { type CallRates, formatDuration, ratesBetween } from './numbers.js';
export { ICON_OFF_PATH, MEDIA_ICONS, type MediaIconName } from './icons.js';
