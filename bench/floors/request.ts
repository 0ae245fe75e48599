// The whoami floor: read the bearer, one request through the same slim undici build, print.
import {readFileSync} from 'node:fs';
import {request} from 'undici';

export async function floorRequest([server, tokenFile]: string[]): Promise<number> {
  const token = readFileSync(tokenFile as string, 'utf8').trim();
  const res = await request(new URL('/v1/auth/whoami', server), {headers: {authorization: `Bearer ${token}`, accept: 'application/json'}});
  const body: unknown = await res.body.json();
  process.stdout.write(`${JSON.stringify(body)}\n`);
  return res.statusCode === 200 ? 0 : 1;
}
