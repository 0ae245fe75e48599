// The API layer's two heavy dependencies, undici and zod, reached through this one module
// so that the build can make them a piece of their own (scripts/build.mjs PIECES.vendor),
// read and initialised on the first request and the first response: the console's first
// frame and the config it resolves before it never pay for them (BENCHMARKS.md, start-up).
export {Agent, buildConnector, EnvHttpProxyAgent, request} from 'undici';
export {z} from 'zod';
