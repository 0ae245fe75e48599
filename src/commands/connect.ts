// Credentials and client for a verb, resolved only after its input passed validation.
import {createClient, type ApiClient} from '../api/client.js';
import {resolveClientOptions} from '../config/resolve.js';
import {sanitize} from '../domain/sanitize.js';
import type {GlobalFlags} from './flags.js';
import type {CommandIO} from './types.js';

/** flags > env > profile (decisions.md), then one API client for the whole verb. Throws
 * ConfigError (2 or 3) for a bad --timeout/--ca-file/--server or missing credentials. */
export function connectClient(g: GlobalFlags, io: CommandIO): ApiClient {
  const {options} = resolveClientOptions({
    flags: {
      server: g.server,
      profile: g.profile,
      tokenFile: g.tokenFile,
      timeout: g.timeout,
      caFile: g.caFile,
      allowInsecureHttp: g.allowInsecureHttp,
    },
    env: io.env,
    homeDir: io.homeDir,
    // Clear-text http is allowed but must be said, even in json mode: stderr.
    onWarning: (msg) => {
      io.stderr.write(`plexconsole: warning: ${sanitize(msg).replace(/^warning:\s*/i, '')}\n`);
    },
  });
  return createClient(options);
}
