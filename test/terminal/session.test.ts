import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {TerminalSession} from '../../src/terminal/session.js';

const T1 = {tokenId: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1', projectId: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0', expiresAt: '2026-05-01T11:00:00Z'};
const NOW = Date.parse('2026-05-01T10:00:00Z');

describe('terminal session', () => {
  it('names a shown, unclosed, live token on exit with the revoke command', () => {
    const s = new TerminalSession({});
    expect(s.anyPlaintextShown).toBe(false);
    s.plaintextShown(T1);
    expect(s.anyPlaintextShown).toBe(true);
    expect(s.exitNotices(NOW)).toEqual([
      `plexconsole: a live bootstrap token was issued and its plaintext was not closed before quitting: token id ${T1.tokenId} (project ${T1.projectId}, expires 2026-05-01T11:00:00Z).\n` +
        `plexconsole: if the plaintext was not saved, revoke it: plexconsole bootstrap-token revoke --project ${T1.projectId} --token-id ${T1.tokenId}\n`,
    ]);
  });

  it('says nothing for a token the operator closed, or one that has expired', () => {
    const s = new TerminalSession({});
    s.plaintextShown(T1);
    s.plaintextClosed(T1.tokenId);
    s.plaintextShown({...T1, tokenId: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a2', expiresAt: '2026-05-01T09:59:59Z'});
    expect(s.exitNotices(NOW)).toEqual([]);
    expect(s.anyPlaintextShown).toBe(true);
  });

  it('warns about an issue request still in flight, until it settles', () => {
    const s = new TerminalSession({});
    const settled = s.issueStarted(T1.projectId);
    expect(s.exitNotices(NOW)).toEqual([
      `plexconsole: an issue request was still in flight when the console quit: a live token may have been issued in project ${T1.projectId} whose plaintext nobody saw. Check the roster and revoke it.\n`,
    ]);
    settled();
    expect(s.exitNotices(NOW)).toEqual([]);
  });

  it('sanitises the server-given ids it prints', () => {
    const s = new TerminalSession({});
    s.plaintextShown({...T1, tokenId: 'id\x1b]0;pwned\x07x'});
    expect(s.exitNotices(NOW).join('')).not.toContain('\x1b');
  });

  it('copies to its terminal device', () => {
    const tty = join(mkdtempSync(join(tmpdir(), 'session-')), 'tty');
    writeFileSync(tty, '');
    expect(new TerminalSession({TERM: 'xterm'}, tty).copy('abc')).toEqual({ok: true, via: 'OSC 52'});
    expect(readFileSync(tty, 'utf8')).toBe(`\x1b]52;c;${Buffer.from('abc').toString('base64')}\x07`);
  });
});
