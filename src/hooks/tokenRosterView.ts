import {countStates, filterRows, sortRows, type StateCounts, type StateFilter, type TokenRow, type TokenSort} from './tokenRoster.js';

/** What the roster shows: the rows after sort and filters, and the STATE counts of all rows. */
export type RosterView = {readonly visible: readonly TokenRow[]; readonly counts: StateCounts};
export type RosterViewInput = {
  readonly rows: readonly TokenRow[];
  readonly sort: TokenSort;
  readonly desc: boolean;
  readonly filter: string;
  readonly state: StateFilter;
  readonly now: number;
};

/**
 * A memoised view: each layer recomputes only when its own inputs change, so a keypress
 * that moves the selection costs nothing, and the clock re-sorts only a STATE sort.
 * One per screen instance; the key handler and render share it, so both see the same rows.
 */
export function createRosterView(): (input: RosterViewInput) => RosterView {
  let sortIn: unknown[] = [];
  let sorted: TokenRow[] = [];
  let filterIn: unknown[] = [];
  let visible: readonly TokenRow[] = [];
  let countIn: unknown[] = [];
  let counts: StateCounts = {live: 0, expired: 0, consumed: 0, revoked: 0};
  const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  return (i) => {
    const sIn = [i.rows, i.sort, i.desc, i.sort === 'state' ? i.now : 0];
    if (!same(sIn, sortIn)) {
      sortIn = sIn;
      sorted = sortRows(i.rows, i.sort, i.desc, i.now);
    }
    const needsClock = i.state !== 'all' || i.filter.trim() !== '';
    const fIn = [sorted, i.filter, i.state, needsClock ? i.now : 0];
    if (!same(fIn, filterIn)) {
      filterIn = fIn;
      visible = filterRows(sorted, i.filter, i.state, i.now);
    }
    const cIn = [i.rows, i.now];
    if (!same(cIn, countIn)) {
      countIn = cIn;
      counts = countStates(i.rows, i.now);
    }
    return {visible, counts};
  };
}
