import {describe, expect, it} from 'vitest';
import {clampWindow, listMoveFor} from '../../src/hooks/listWindow.js';
import {appReducer, type AppState} from '../../src/hooks/useAppState.js';

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
  const start: AppState = {stack: [{route: {name: 'projects'}}], lastViews: {}, overlay: 'none', commandText: ''};
  const routes = (s: AppState) => s.stack.map((e) => e.route);

  it('push opens on top; back pops; back on the first screen stays', () => {
    const s1 = appReducer(start, {type: 'push', route: {name: 'tokens', project: 'edge-prod'}});
    const s2 = appReducer(s1, {type: 'back'});
    expect(routes(s2)).toEqual([{name: 'projects'}]);
    expect(routes(appReducer(s2, {type: 'back'}))).toEqual([{name: 'projects'}]); // projects is the top
  });

  it('back on a lone screen goes to its parent: preview → nodes, tokens → projects', () => {
    const lone = (route: Parameters<typeof appReducer>[1] & {type: 'reset'}) => appReducer(start, route);
    expect(routes(appReducer(lone({type: 'reset', route: {name: 'rotationPreview', node: 'gw-fra-1'}}), {type: 'back'}))).toEqual([{name: 'nodes'}]);
    expect(routes(appReducer(lone({type: 'reset', route: {name: 'tokens', project: 'edge-prod'}}), {type: 'back'}))).toEqual([{name: 'projects'}]);
  });

  it('reset clears the stack', () => {
    const s = appReducer(appReducer(start, {type: 'push', route: {name: 'nodes'}}), {type: 'reset', route: {name: 'projects'}});
    expect(s.stack).toHaveLength(1);
  });

  it('a view stored in an entry is there again after the screen above it is popped', () => {
    let s = appReducer(start, {type: 'view', depth: 0, view: {filter: 'edge'}});
    s = appReducer(s, {type: 'push', route: {name: 'nodes'}});
    s = appReducer(s, {type: 'back'});
    expect(s.stack[0]?.view).toEqual({filter: 'edge'});
  });

  it('a jump pushes history and brings back the view that screen had when it was left', () => {
    let s = appReducer(start, {type: 'jump', route: {name: 'nodes'}});
    s = appReducer(s, {type: 'view', depth: 1, view: {sort: 'kind'}});
    s = appReducer(s, {type: 'jump', route: {name: 'projects'}});
    expect(routes(s)).toEqual([{name: 'projects'}, {name: 'nodes'}, {name: 'projects'}]);
    s = appReducer(s, {type: 'jump', route: {name: 'nodes'}});
    expect(s.stack[s.stack.length - 1]?.view).toEqual({sort: 'kind'});
    // A jump to the screen already on top changes nothing.
    expect(appReducer(s, {type: 'jump', route: {name: 'nodes'}})).toBe(s);
  });
});
