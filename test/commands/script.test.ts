// A plexctl script, flags exactly as in the seeds' examples, run unchanged against the built
// binary with `plexctl` replaced by `plexconsole`: same stdout shapes, same exit codes.
// One deliberate difference from the seed's 403 example: a destructive revoke off a terminal
// needs --yes (the issue: without it and without a terminal it exits 2 and sends nothing).
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {useCommandSandbox} from './fixtures/sandbox.js';

// `npm test` builds dist/ before vitest runs; PLEXCONSOLE_BIN may point at another build.
const BIN = resolve(process.env.PLEXCONSOLE_BIN ?? 'dist/plexconsole.cjs');
const ctx = useCommandSandbox();

const PLEXCTL_SCRIPT = String.raw`#!/usr/bin/env bash
set -u
export PLEXSPHERE_URL="${'$'}{PLEXSPHERE_URL:-https://localhost:8080}"

plexctl bootstrap-token issue \
  --server "${'$'}{PLEXSPHERE_URL}" \
  --project "$PROJECT" \
  --kind node \
  --env-prefix prod \
  --ttl 1h > issue.txt
echo "issue=$?"
head -1 issue.txt
TOKEN_ID=$(sed -n 's/^token_id: //p' issue.txt)

plexctl bootstrap-token issue \
  --server "${'$'}{PLEXSPHERE_URL}" \
  --project "$PROJECT" \
  --kind bridge \
  --env-prefix staging \
  --ttl 15m \
  --output json > issue.json
echo "issue_json=$?"

plexctl bootstrap-token list \
  --server "${'$'}{PLEXSPHERE_URL}" \
  --project "$PROJECT" > list.txt
echo "list=$?"
head -1 list.txt | tr -s ' '
echo "state=$(awk -v id="$TOKEN_ID" '$1 == id {print $7}' list.txt)"

plexctl bootstrap-token get --server "${'$'}{PLEXSPHERE_URL}" --project "$PROJECT" --token-id "$TOKEN_ID" > /dev/null
echo "get=$?"

plexctl bootstrap-token revoke \
  --server "${'$'}{PLEXSPHERE_URL}" \
  --project "$PROJECT" \
  --token-id "$TOKEN_ID" \
  --token-file "$VIEWER_TOKEN_FILE" \
  --yes 2> denied.txt
echo "revoke_viewer=$?"
sed 's/(correlation .*)/(correlation …)/' denied.txt

plexctl bootstrap-token revoke --server "${'$'}{PLEXSPHERE_URL}" --project "$PROJECT" --token-id "$TOKEN_ID" < /dev/null
echo "revoke_no_yes=$?"
plexctl bootstrap-token revoke --server "${'$'}{PLEXSPHERE_URL}" --project "$PROJECT" --token-id "$TOKEN_ID" --yes
echo "revoke=$?"
plexctl bootstrap-token revoke --server "${'$'}{PLEXSPHERE_URL}" --project "$PROJECT" --token-id "$TOKEN_ID" --yes 2> /dev/null
echo "revoke_again=$?"

plexctl bootstrap-token issue --server "${'$'}{PLEXSPHERE_URL}" --project "$PROJECT" --kind node --env-prefix prod --ttl 25h 2> /dev/null
echo "issue_bad_ttl=$?"

plexctl key rotate \
  --server "${'$'}{PLEXSPHERE_URL}" \
  --node   "$NODE" \
  --dry-run \
  --output json > preview.json
echo "preview=$?"

plexctl key rotate \
  --server "${'$'}{PLEXSPHERE_URL}" \
  --node   "$NODE" > /dev/null
echo "rotate=$?"
plexctl key rotate --server "${'$'}{PLEXSPHERE_URL}" --node "$NODE" > /dev/null
echo "rotate_again=$?"
plexctl key rotate --server "${'$'}{PLEXSPHERE_URL}" --node "$NODE" --token-file "$VIEWER_TOKEN_FILE" 2> /dev/null
echo "rotate_viewer=$?"

plexctl whoami --output json > whoami.json
echo "whoami=$?"
`;

let bin: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first (npm test does)`);
  bin = mkdtempSync(join(tmpdir(), 'plexconsole-bin-'));
  symlinkSync(BIN, join(bin, 'plexconsole'));
});

describe('a plexctl script runs unchanged with plexconsole in its place', () => {
  it('same flags, same stdout shapes, same exit codes', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plexconsole-script-'));
    mkdirSync(join(work, 'home'));
    const script = join(work, 'enrol.sh');
    writeFileSync(script, PLEXCTL_SCRIPT.replace(/\bplexctl /g, 'plexconsole '), {mode: 0o755});
    const node = await ctx.sb.addNode({edges: 2});
    const {stdout, stderr} = await promisify(execFile)('bash', [script], {
      cwd: work,
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        HOME: join(work, 'home'),
        PLEXSPHERE_URL: ctx.sb.url,
        PLEXSPHERE_TOKEN: ctx.sb.operatorToken,
        VIEWER_TOKEN_FILE: ctx.sb.tokenFiles.viewer,
        PROJECT: ctx.sb.demo?.tokenProjectId ?? '',
        NODE: node.id,
      },
    });
    expect(stdout.split('\n').filter((l) => !l.startsWith('Token '))).toEqual([
      'issue=0',
      '# WARNING: this is the only time this plaintext will be displayed',
      'issue_json=0',
      'list=0',
      'ID PROJECT ENV KIND ISSUED_AT EXPIRES_AT STATE',
      'state=live',
      'get=0',
      'revoke_viewer=4',
      // decisions.md: the 403 line carries the reason and the relation path besides the code.
      `plexconsole: 403 Forbidden: principal lacks the manage relation on project:${ctx.sb.demo?.tokenProjectId ?? ''}. [permission_denied] [insufficient_relation] ` +
        `(relation project:${ctx.sb.demo?.tokenProjectId ?? ''}#manage → domain:${ctx.sb.demo?.domainId ?? ''}#viewer) (correlation …)`,
      'revoke_no_yes=2',
      'revoke=0',
      'revoke_again=0',
      'issue_bad_ttl=2',
      'preview=0',
      'rotate=0',
      'rotate_again=0',
      'rotate_viewer=77',
      'whoami=0',
      '',
    ]);
    expect(stdout).toMatch(/\nToken [0-9a-f-]{36} revoked\n/);
    expect(stderr).toContain('--yes');
    expect(stdout + stderr).not.toContain(ctx.sb.operatorToken);
    expect(stdout + stderr).not.toContain(ctx.sb.viewerToken);
  });
});
