import {describe, expect, it} from 'vitest';
import {clampWindow, listMoveFor} from '../../src/hooks/listWindow.js';
import {appReducer} from '../../src/hooks/useAppState.js';

describe('list window', () => {
  it('scrolls only when the selection leaves the window', () => {
    expect(clampWindow(3, 0, {count: 100, height: 10})).toEqual({index: 3, offset: 0});
    expect(clampWindow(10, 0, {count: 100, height: 10})).toEqual({index: 10, offset: 1});
    expect(clampWindow(4, 5, {count: 100, height: 10})).toEqual({index: 4, offset: 4});
  });

  it('clamps to the list after it shrinks', () => {
    expect(clampWindow(50, 45, {count: 20, height: 10})).toEqual({index: 19, offset: 10});
    expect(clampWindow(5, 3, {count: 0, height: 10})).toEqual({index: 0, offset: 0});
  });

  it('maps the keymap\'s list keys to moves', () => {
    expect(listMoveFor('j')).toBe('down');
    expect(listMoveFor('ctrl+u')).toBe('pageUp');
    expect(listMoveFor('end')).toBe('last');
    expect(listMoveFor('x')).toBeUndefined();
  });
});

describe('screen stack', () => {
  const start = {stack: [{name: 'projects' as const}], overlay: 'none' as const, commandText: ''};

  it('push remembers the last project; back pops; back on the first screen stays', () => {
    const s1 = appReducer(start, {type: 'push', route: {name: 'tokens', project: 'edge-prod'}});
    expect(s1.lastProject).toBe('edge-prod');
    const s2 = appReducer(s1, {type: 'back'});
    expect(s2.stack).toEqual([{name: 'projects'}]);
    expect(appReducer(s2, {type: 'back'}).stack).toEqual([{name: 'projects'}]); // projects is the top
  });

  it('back on a lone screen goes to its parent: preview → nodes, tokens → projects', () => {
    const lone = (route: Parameters<typeof appReducer>[1] & {type: 'reset'}) => appReducer(start, route);
    expect(appReducer(lone({type: 'reset', route: {name: 'rotationPreview', node: 'gw-fra-1'}}), {type: 'back'}).stack).toEqual([{name: 'nodes'}]);
    expect(appReducer(lone({type: 'reset', route: {name: 'tokens', project: 'edge-prod'}}), {type: 'back'}).stack).toEqual([{name: 'projects'}]);
  });

  it('reset clears the stack', () => {
    const s = appReducer(appReducer(start, {type: 'push', route: {name: 'nodes'}}), {type: 'reset', route: {name: 'projects'}});
    expect(s.stack).toHaveLength(1);
  });
});
