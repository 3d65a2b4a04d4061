/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** XYZ tile template; lets a city point at its own tile server instead of openstreetmap.org. */
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
}
