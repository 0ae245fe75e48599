import {describe, expect, it} from 'vitest';
import {planWaves, wavesShareNoEdge, type FleetNode} from '../../src/domain/rotationWaves.js';

/** A hub meshed to every agent, agents meshed only to the hub (the sandbox's relay-hub-1). */
const star = (agents: number): FleetNode[] => {
  const ids = Array.from({length: agents}, (_, i) => `a${i}`);
  return [{id: 'hub', peers: ids}, ...ids.map((id) => ({id, peers: ['hub', 'elsewhere']}))];
};

describe('planWaves', () => {
  it('one Node per wave by default size 1, in the given order', () => {
    expect(planWaves([{id: 'x', peers: []}, {id: 'y', peers: []}], 1)).toEqual([['x'], ['y']]);
  });

  it('packs Nodes that share no edge up to the wave size', () => {
    const nodes = star(10).slice(1);
    expect(planWaves(nodes, 4)).toEqual([['a0', 'a1', 'a2', 'a3'], ['a4', 'a5', 'a6', 'a7'], ['a8', 'a9']]);
  });

  it('never puts both ends of an edge in one wave, whatever the size', () => {
    const nodes = star(6);
    const waves = planWaves(nodes, 10);
    expect(waves).toEqual([['hub'], ['a0', 'a1', 'a2', 'a3', 'a4', 'a5']]);
    expect(wavesShareNoEdge(waves, nodes)).toBe(true);
  });

  it('a clique rotates one Node per wave', () => {
    const ids = ['p', 'q', 'r', 's'];
    const clique = ids.map((id) => ({id, peers: ids.filter((x) => x !== id)}));
    expect(planWaves(clique, 3)).toEqual([['p'], ['q'], ['r'], ['s']]);
  });

  it('an edge seen from one side only still separates the two Nodes', () => {
    const waves = planWaves([{id: 'a', peers: ['b']}, {id: 'b', peers: []}, {id: 'c', peers: []}], 3);
    expect(waves).toEqual([['a', 'c'], ['b']]);
  });

  it('every Node lands in exactly one wave; duplicates are dropped', () => {
    const nodes = [...star(5), {id: 'a0', peers: ['hub']}];
    const waves = planWaves(nodes, 2);
    expect(waves.flat().sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'hub']);
  });

  it('a ring of 10 with waves of 5 needs more than two waves only when adjacency forces it', () => {
    const ring = Array.from({length: 10}, (_, i) => ({id: `n${i}`, peers: [`n${(i + 1) % 10}`, `n${(i + 9) % 10}`]}));
    const waves = planWaves(ring, 5);
    expect(waves).toEqual([['n0', 'n2', 'n4', 'n6', 'n8'], ['n1', 'n3', 'n5', 'n7', 'n9']]);
    expect(wavesShareNoEdge(waves, ring)).toBe(true);
  });

  it('wavesShareNoEdge catches a bad plan', () => {
    expect(wavesShareNoEdge([['hub', 'a0']], star(1))).toBe(false);
  });
});
