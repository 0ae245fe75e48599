// A CA and a server certificate for 127.0.0.1: made fresh with the openssl CLI when it is on
// the PATH (node:crypto cannot make certificates), else the committed test-only fixture.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export type TlsPair = {caFile: string; key: string; cert: string; source: 'openssl' | 'fixture'};

function viaOpenssl(): TlsPair {
  const dir = mkdtempSync(join(tmpdir(), 'plexconsole-tls-'));
  const f = (n: string) => join(dir, n);
  const ssl = (...args: string[]) => execFileSync('openssl', args, {stdio: 'pipe'});
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=plexconsole test CA');
  ssl('req', ...ec, '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=localhost');
  writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('server.pem'), '-days', '2', '-extfile', f('ext.cnf'));
  return {caFile: f('ca.pem'), key: readFileSync(f('server.key'), 'utf8'), cert: readFileSync(f('server.pem'), 'utf8'), source: 'openssl'};
}

function fixture(): TlsPair {
  const p = (n: string) => fileURLToPath(new URL(`../../api/fixtures/${n}`, import.meta.url));
  return {caFile: p('ca.pem'), key: readFileSync(p('server.key'), 'utf8'), cert: readFileSync(p('server.pem'), 'utf8'), source: 'fixture'};
}

/** A certificate chain for a loopback HTTPS test server. */
export function tlsPair(): TlsPair {
  try {
    return viaOpenssl();
  } catch {
    return fixture();
  }
}
