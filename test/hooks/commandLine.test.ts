import {describe, expect, it} from 'vitest';
import {completeCommand, parseCommand, suggestCommands} from '../../src/hooks/commandLine.js';

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
    expect(parseCommand('whoami')).toEqual({kind: 'go', route: {name: 'whoami'}});
  });

  it('an unknown command lists the known ones', () => {
    const c = parseCommand('frobnicate');
    expect(c.kind === 'error' && c.message).toContain('projects');
  });

  it('takes unique prefixes and aliases in any case, and lists the commands for an unknown one', () => {
    expect(parseCommand('tok edge-prod')).toEqual({kind: 'go', route: {name: 'tokens', project: 'edge-prod'}});
    expect(parseCommand('NO')).toEqual({kind: 'go', route: {name: 'nodes'}});
    expect(parseCommand('Rot gw-fra-1')).toEqual({kind: 'go', route: {name: 'rotationPreview', node: 'gw-fra-1'}});
    expect(parseCommand('help').kind).toBe('help');
    expect(parseCommand('w')).toEqual({kind: 'go', route: {name: 'whoami'}});
    expect(parseCommand('r gw-fra-1')).toEqual({kind: 'go', route: {name: 'rotationPreview', node: 'gw-fra-1'}});
    const c = parseCommand('xyz');
    expect(c.kind === 'error' && c.message).toBe('unknown command "xyz" — try projects, tokens [slug|id], nodes, rotate <node name|id>, rotations, journal, whoami, help, quit');
  });

  it('Tab completes a unique verb; suggestions follow what is typed', () => {
    expect(completeCommand('tok')).toBe('tokens ');
    expect(completeCommand('ro')).toBe('rotate ');
    expect(completeCommand('tokens edge')).toBe('tokens edge');
    expect(suggestCommands('ro')).toEqual(['rotate <node name|id>', 'rotations']);
    expect(completeCommand('rotati')).toBe('rotations ');
    expect(parseCommand('ROTATIONS')).toEqual({kind: 'go', route: {name: 'rotations'}});
  });
});
