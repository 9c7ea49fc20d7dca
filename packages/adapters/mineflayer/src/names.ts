import { createHash } from 'node:crypto';

/** Minecraft usernames: 3–16 characters of letters, digits and underscore. */
const MAX_USERNAME = 16;

/**
 * The Minecraft username of an agent: the prefix plus the agent id when that is a valid name,
 * otherwise a sanitized, shortened id with a hash so different ids never share a username.
 */
export function usernameFor(agentId: string, prefix: string): string {
  const plain = `${prefix}${agentId}`;
  if (/^[A-Za-z0-9_]{3,16}$/.test(plain)) return plain;
  const hash = createHash('sha1').update(agentId).digest('hex').slice(0, 4);
  const room = MAX_USERNAME - prefix.length - hash.length - 1;
  const clean = agentId.replace(/[^A-Za-z0-9_]/g, '_').slice(0, Math.max(0, room));
  return `${prefix}${clean}_${hash}`.slice(0, MAX_USERNAME);
}

/** Maps usernames back to agent ids: local bodies first, then by stripping the prefix. */
export class NameBook {
  private readonly byUsername = new Map<string, string>();
  private readonly byAgent = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  /** Registers an agent and returns its username. */
  add(agentId: string): string {
    const username = usernameFor(agentId, this.prefix);
    this.byUsername.set(username, agentId);
    this.byAgent.set(agentId, username);
    return username;
  }

  /** Forgets an agent. */
  remove(agentId: string): void {
    const username = this.byAgent.get(agentId);
    if (username !== undefined) this.byUsername.delete(username);
    this.byAgent.delete(agentId);
  }

  /** The agent id a username stands for (players not run by the SDK keep their username). */
  agentOf(username: string): string {
    const known = this.byUsername.get(username);
    if (known !== undefined) return known;
    if (this.prefix !== '' && username.startsWith(this.prefix)) return username.slice(this.prefix.length);
    return username;
  }

  /** The username of an agent id (or of a player named directly). */
  usernameOf(agentId: string): string {
    return this.byAgent.get(agentId) ?? usernameFor(agentId, this.prefix);
  }
}
