// Injected by esbuild (scripts/build.mjs) and vitest (vitest.config.ts) from package.json.
declare const __PLEXCONSOLE_VERSION__: string | undefined;

/** The plexconsole version, also sent as `User-Agent: plexconsole/<version>`. */
export const VERSION: string =
  typeof __PLEXCONSOLE_VERSION__ === 'string' ? __PLEXCONSOLE_VERSION__ : '0.0.0-dev';
