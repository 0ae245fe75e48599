import {describe, expect, it} from 'vitest';
import {parseCommand} from '../../src/hooks/commandLine.js';

describe(':command line', () => {
  it('jumps to projects, nodes and a named project\'s tokens', () => {
    expect(parseCommand('projects')).toEqual({kind: 'go', route: {name: 'projects'}});
    expect(parseCommand(' nodes ')).toEqual({kind: 'go', route: {name: 'nodes'}});
    expect(parseCommand('tokens edge-prod')).toEqual({kind: 'go', route: {name: 'tokens', project: 'edge-prod'}});
  });

  it('tokens without an argument reuses the last project, or explains', () => {
    expect(parseCommand('tokens', 'p1')).toEqual({kind: 'go', route: {name: 'tokens', project: 'p1'}});
    expect(parseCommand('tokens').kind).toBe('error');
  });

  it('rotate takes a node name or id', () => {
    expect(parseCommand('rotate gw-fra-1')).toEqual({kind: 'go', route: {name: 'rotationPreview', node: 'gw-fra-1'}});
    expect(parseCommand('rotate').kind).toBe('error');
  });

  it('quit, q and whoami', () => {
    expect(parseCommand('quit').kind).toBe('quit');
    expect(parseCommand('q').kind).toBe('quit');
    expect(parseCommand('whoami').kind).toBe('whoami');
  });

  it('an unknown command lists the known ones', () => {
    const c = parseCommand('frobnicate');
    expect(c.kind === 'error' && c.message).toContain('projects');
  });
});
