import {Text} from 'ink';
import {describe, expect, it} from 'vitest';
import {resolveNodeRef} from '../../src/hooks/useNode.js';
import {useNodes} from '../../src/hooks/useNodes.js';
import {useRotationPreview} from '../../src/hooks/useRotationPreview.js';
import type {SafeText} from '../../src/domain/sanitize.js';
import type {Loadable, NodeSummary} from '../../src/hooks/types.js';
import {clientFor, renderWith} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const operator = () => clientFor(sandbox().url, sandbox().operatorToken);

function NodesProbe() {
  const nodes = useNodes();
  if (nodes.status !== 'ready') return <Text>{nodes.status}</Text>;
  return <Text>ready {nodes.data.length} unnamed={nodes.data.filter((n) => n.name === undefined || n.name === null).length}</Text>;
}

function PreviewProbe({node}: {readonly node: string}) {
  const p = useRotationPreview(node);
  if (p.status === 'error') return <Text>error {p.error.code ?? p.error.title}</Text>;
  if (p.status === 'loading') return <Text>loading</Text>;
  return <Text>ready {p.data.nodeId} peers={p.data.preview.affected_peer_count} named={p.data.peerNames.size}</Text>;
}

const node = (name?: string): NodeSummary => ({
  id: `01900000-0000-7000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
  domain_id: '01900000-0000-7000-8000-00000000d000',
  created_at: '2026-05-01T10:00:00Z',
  ...(name === undefined ? {} : {name: name as SafeText}),
});
const ready = (items: NodeSummary[]): Loadable<readonly NodeSummary[]> => ({status: 'ready', data: items});

describe('useNodes', () => {
  it('loads every node over HTTP, keeping omitted names absent', async () => {
    const r = await renderWith(<NodesProbe />, operator());
    expect(await r.waitFor('ready')).toContain('ready 32 unnamed=1');
    r.unmount();
  });
});

describe('resolveNodeRef', () => {
  it('resolves a UUID at once, before the list has loaded', () => {
    const id = node().id.toUpperCase();
    expect(resolveNodeRef(id, {status: 'loading'})).toEqual({status: 'ready', data: {id: id.toLowerCase()}});
  });

  it('resolves a name exactly, then ignoring case, and by its sanitised form', () => {
    const a = node('gw-fra-1');
    const evil = node('evil\x1b]52;c;SGVsbG8=\x07');
    expect(resolveNodeRef('gw-fra-1', ready([a, evil]))).toMatchObject({status: 'ready', data: {id: a.id}});
    expect(resolveNodeRef('GW-FRA-1', ready([a, evil]))).toMatchObject({status: 'ready', data: {id: a.id}});
    expect(resolveNodeRef('evil', ready([a, evil]))).toMatchObject({status: 'ready', data: {id: evil.id}});
  });

  it('refuses an ambiguous or unknown name with a clear error', () => {
    const twins = ready([node('db'), node('db')]);
    const ambiguous = resolveNodeRef('db', twins);
    expect(ambiguous.status === 'error' && ambiguous.error.detail).toContain('2 nodes are named "db"');
    const unknown = resolveNodeRef('nope', twins);
    expect(unknown.status === 'error' && unknown.error.code).toBe('node_not_found');
  });
});

describe('useRotationPreview', () => {
  it('resolves a name and names the peers from the node list', async () => {
    const id = sandbox().demo!.nodes['vm-lab-1']!;
    const r = await renderWith(<PreviewProbe node="vm-lab-1" />, operator());
    expect(await r.waitFor('ready')).toContain(`ready ${id} peers=7 named=31`);
    r.unmount();
  });

  it('reports a viewer’s 403 as the error state', async () => {
    const r = await renderWith(<PreviewProbe node="vm-lab-1" />, clientFor(sandbox().url, sandbox().viewerToken));
    expect(await r.waitFor('error')).toContain('error permission_denied');
    r.unmount();
  });
});
