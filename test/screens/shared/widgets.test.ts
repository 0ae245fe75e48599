import {describe, expect, it} from 'vitest';
import {editText} from '../../../src/hooks/textEdit.js';
import {fit, truncate} from '../../../src/screens/shared/text.js';
import {layoutColumns, type Column} from '../../../src/screens/shared/WindowedTable.js';
import {headerText} from '../../../src/screens/shared/Chrome.js';

const col = (key: string, width: number | 'flex', priority: number): Column<string> => ({key, header: key, width, priority, value: () => key});

describe('table layout', () => {
  it('drops the lowest-priority columns first and the flex column takes the rest', () => {
    const cols = [col('ID', 'flex', 5), col('ENV', 8, 2), col('KIND', 6, 3), col('STATE', 8, 10)];
    expect(layoutColumns(cols, 100).map((c) => c.key)).toEqual(['ID', 'ENV', 'KIND', 'STATE']);
    const narrow = layoutColumns(cols, 28);
    expect(narrow.map((c) => c.key)).toContain('STATE');
    expect(narrow.map((c) => c.key)).not.toContain('ENV');
    const total = 2 + narrow.reduce((n, c) => n + c.w + 1, 0) - 1;
    expect(total).toBeLessThanOrEqual(28);
  });
});

describe('text fitting', () => {
  it('truncates with an ellipsis and pads to width, counting wide characters', () => {
    expect(truncate('0190a8b8-a0c0-7a0a', 8)).toBe('0190a8b…');
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('ab', 4, 'right')).toBe('  ab');
    expect(fit('中文字', 4)).toBe('中… ');
  });
});

describe('text editing', () => {
  it('appends printable characters, deletes with backspace, and ignores control keys', () => {
    let v = '';
    for (const ch of 'prod') v = editText(v, {name: ch, input: ch});
    expect(v).toBe('prod');
    expect(editText(v, {name: 'backspace', input: ''})).toBe('pro');
    expect(editText(v, {name: 'up', input: ''})).toBe('prod');
    expect(editText(v, {name: '\x1b', input: '\x1b'})).toBe('prod');
    expect(editText(v, {name: 'ctrl+u', input: 'u'})).toBe('');
  });
});

describe('header', () => {
  it('shrinks the principal before the view and project at 80 columns', () => {
    const h = headerText({serverHost: '127.0.0.1:46033', profileLabel: 'demo', principal: 'operator@demo.plexsphere.test', view: 'tokens', projectSlug: 'edge-prod', readOnly: true}, 80);
    expect(h.length).toBeLessThanOrEqual(80);
    expect(h).toMatch(/^plexconsole · 127\.0\.0\.1:46033 · demo · operat.*… · tokens · edge-prod · READ-ONLY$/);
  });

  it('never lets server text inject escape sequences', () => {
    const h = headerText({serverHost: 'h', profileLabel: 'p', principal: 'evil\x1b]52;c;SGk=\x07@x', view: 'projects', readOnly: false}, 120);
    expect(h).not.toContain('\x1b');
  });
});

describe('flex column cap', () => {
  it('stops a flex column at maxWidth on a wide terminal', () => {
    const cols: Column<string>[] = [{...col('ID', 'flex', 5), maxWidth: 36}, col('STATE', 8, 10)];
    expect(layoutColumns(cols, 200).find((c) => c.key === 'ID')!.w).toBe(36);
  });
});
