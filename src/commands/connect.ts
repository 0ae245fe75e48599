// Credentials and client for a verb, resolved only after its input passed validation.
import {createConnectingClient, type ApiClient} from '../api/client.js';
import {getWhoami} from '../api/whoami.js';
import {resolveClientOptions} from '../config/resolve.js';
import {sanitize} from '../domain/sanitize.js';
import {openJournal, type Journal} from '../journal/journal.js';
import type {GlobalFlags} from './flags.js';
import type {CommandIO} from './types.js';

/** flags > env > profile (decisions.md), then one API client and one journal for the whole
 * verb. Throws ConfigError (2 or 3) for a bad --timeout/--ca-file/--server or missing credentials. */
export async function connectClient(g: GlobalFlags, io: CommandIO): Promise<{client: ApiClient; journal: Journal}> {
  const warn = (msg: string) => {
    io.stderr.write(`plexconsole: warning: ${sanitize(msg).replace(/^warning:\s*/i, '')}\n`);
  };
  const {options, connection} = resolveClientOptions({
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
    onWarning: warn,
  });
  // Connected while the verb loads what it needs: the first request finds the handshake done.
  const client = await createConnectingClient(options);
  const journal = openJournal({
    env: io.env,
    homeDir: io.homeDir,
    enabled: g.journal,
    server: client.server.origin,
    profile: connection.profileLabel,
    bearer: options.token,
    // Asked once, after the first mutation, so a failing whoami never delays or blocks one.
    subject: async () => (await getWhoami(client)).data.subject,
    onWarning: warn,
  });
  return {client, journal};
}
