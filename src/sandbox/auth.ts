import {createHash, timingSafeEqual} from 'node:crypto';
import {chmod, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {IncomingMessage} from 'node:http';
import {randomBase32, uuidv7} from './ids.js';
import {problem} from './problems.js';
import type {Store} from './store.js';

export type Role = 'operator' | 'viewer';
export type Principal = {id: string; role: Role; email: string; domainId: string};

const EMAIL: Record<Role, string> = {
  operator: 'operator@demo.plexsphere.test',
  viewer: 'viewer@demo.plexsphere.test',
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Ensures both principals exist and returns their bearer tokens. A restart on the same data
 * dir reuses the token files already handed out, so scripts holding them keep working.
 */
export async function ensurePrincipals(
  store: Store,
  domainId: string,
  tokenDir: string,
  reuseFiles: boolean,
  now: number,
): Promise<Record<Role, string>> {
  const tokens = {} as Record<Role, string>;
  for (const role of ['operator', 'viewer'] as const) {
    const file = join(tokenDir, `${role}.token`);
    const old = reuseFiles ? (await readFile(file, 'utf8').catch(() => '')).trim() : '';
    const token = old || `psat_${randomBase32(52)}`;
    const existing = store.get('SELECT id FROM principals WHERE role = ?', [role]);
    if (existing) {
      store.run('UPDATE principals SET token_sha256 = ? WHERE role = ?', [sha256(token), role]);
    } else {
      store.run('INSERT INTO principals (id, role, email, domain_id, token_sha256) VALUES (?, ?, ?, ?, ?)', [
        uuidv7(now),
        role,
        EMAIL[role],
        domainId,
        sha256(token),
      ]);
    }
    // The bearer is a credential: owner-only, like ssh keys (decisions.md refuses looser files).
    await writeFile(file, `${token}\n`, {mode: 0o600});
    await chmod(file, 0o600); // `mode` only applies on creation; tighten a reused file too
    tokens[role] = token;
  }
  return tokens;
}

/** Resolves the bearer on a request to a principal, or throws a 401 problem. */
export function authenticate(store: Store, req: IncomingMessage): Principal {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) throw problem.unauthenticated('missing or malformed Authorization: Bearer header');
  const digest = sha256(m[1]);
  const row = store.get('SELECT id, role, email, domain_id, token_sha256 FROM principals WHERE token_sha256 = ?', [
    digest,
  ]);
  // The indexed lookup finds the row; the constant-time compare keeps the final check honest.
  if (!row || !timingSafeEqual(Buffer.from(String(row.token_sha256)), Buffer.from(digest))) {
    throw problem.unauthenticated('bearer token is not valid for this control plane');
  }
  return {id: String(row.id), role: row.role as Role, email: String(row.email), domainId: String(row.domain_id)};
}

/** The ReBAC stand-in: operators hold every relation, viewers only `read`. */
export function requireOperator(p: Principal, object: string, relation: string): void {
  if (p.role === 'operator') return;
  throw problem.permissionDenied(`principal lacks the ${relation} relation on ${object}.`, [
    `${object}#${relation}`,
    `domain:${p.domainId}#viewer`,
  ]);
}
