/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Janus REST URL the demo uses when the page has no `?server=`. */
  readonly VITE_JANUS_URL?: string;
}
