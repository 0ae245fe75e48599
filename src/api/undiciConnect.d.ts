// undici's connector builder, imported from its module rather than from 'undici': the bundle's
// slim undici entry (scripts/build.mjs, undici-slim) exports only what the client used before
// preconnect.ts, and the Agent already bundles this module, so nothing is added twice.
declare module 'undici/lib/core/connect.js' {
  import type {buildConnector as Build} from 'undici';
  const buildConnector: typeof Build;
  export default buildConnector;
}
