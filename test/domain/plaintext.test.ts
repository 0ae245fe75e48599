import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {PLAINTEXT_PATTERN, plaintextProblem} from '../../src/domain/plaintext.js';

describe('plaintext pattern', () => {
  it("accepts the contract's BootstrapTokenIssueResponse example", () => {
    const contract = JSON.parse(readFileSync(new URL('../contract/plexsphere-v1.json', import.meta.url), 'utf8'));
    const example: string = contract.components.schemas.BootstrapTokenIssueResponse.example.token;
    expect(example).toMatch(/^psb_/);
    expect(PLAINTEXT_PATTERN.test(example)).toBe(true);
  });

  it('accepts the contract example and refuses look-alikes with the reason', () => {
    expect(plaintextProblem('psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_xxxxxxxxxxxxxxxxxxxxxxxxxx')).toBeUndefined();
    expect(plaintextProblem('psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_xxxxxxxxxxxxxxxxxxxxxxxxxx\n')).toBe('it contains control, escape or invisible characters');
    expect(plaintextProblem('psb_prod_abc_node_\u202exxxxxxxxxxxxxxxxxxxxxxxx')).toBe('it contains control, escape or invisible characters');
    expect(plaintextProblem('psb_Prod_abc_node_xxxxxxxxxxxxxxxxxxxxxxxx')).toBe('it does not have the form psb_<env>_<project>_<kind>_<random>');
    expect(plaintextProblem('psb_prod_abc_worker_xxxxxxxxxxxxxxxxxxxxxxxx')).toMatch(/does not have the form/);
    expect(plaintextProblem('psb_prod_abc_node_xxxxxxxxxxxxxxxxxxx')).toMatch(/does not have the form/); // 19 random chars
  });
});
