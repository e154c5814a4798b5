/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** An optional MapLibre style URL drawn under the campaign map's zones (none: a plain light background). */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
