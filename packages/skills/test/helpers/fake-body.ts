import type { ActionOutcome, Body, ItemStack, Observation, Vec3 } from '@sid/core';

/**
 * A tiny Body for sandbox and library tests that need no world: crafting sticks from planks and
 * mining oak logs, everything else succeeds doing nothing. Counts calls so tests can see what ran.
 */
export class FakeBody implements Body {
  readonly inventory = new Map<string, number>();
  position: Vec3 = { x: 0, y: 64, z: 0 };
  readonly calls: string[] = [];

  constructor(
    readonly agentId = 'fake',
    private readonly delayMs = 1,
  ) {}

  private async outcome(ok: boolean, items: Record<string, number> = {}, reason?: string): Promise<ActionOutcome> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    if (!ok) {
      return {
        ok,
        reason: { code: 'missing_items', message: reason ?? 'missing', items: [] },
        changes: {},
        durationMs: 1,
      };
    }
    for (const [name, n] of Object.entries(items)) this.inventory.set(name, (this.inventory.get(name) ?? 0) + n);
    return { ok, changes: { items }, durationMs: 1 };
  }

  async perceive(): Promise<Observation> {
    const inventory: ItemStack[] = [...this.inventory]
      .filter(([, n]) => n > 0)
      .map(([name, count]) => ({ name, count }));
    return {
      agentId: this.agentId,
      at: 0,
      self: { position: { ...this.position }, health: 20, food: 20, heldItem: null, dead: false },
      inventory,
      equipment: {},
      blocks: [],
      entities: [],
      timeOfDay: 1000,
      isDay: true,
      extra: {},
      text: `inventory: ${inventory.map((s) => `${s.count} ${s.name}`).join(', ') || 'empty'}`,
    };
  }
  async findBlocks() {
    return [{ name: 'oak_log', position: { x: 3, y: 64, z: 0 }, distance: 3 }];
  }
  async findEntities() {
    return [];
  }
  async moveTo(target: Vec3 | { entity: string }) {
    this.calls.push('moveTo');
    if ('x' in target) this.position = { ...target };
    return this.outcome(true);
  }
  async dig() {
    this.calls.push('dig');
    return this.outcome(true, { oak_log: 1 });
  }
  async collect(name: string, count: number) {
    this.calls.push(`collect ${name} ${count}`);
    return this.outcome(true, { [name]: count });
  }
  async place() {
    return this.outcome(true);
  }
  async craft(item: string, count: number) {
    this.calls.push(`craft ${item} ${count}`);
    if (item === 'stick') {
      const planks = this.inventory.get('oak_planks') ?? 0;
      const need = Math.ceil(count / 4) * 2;
      if (planks < need) return this.outcome(false, {}, `need ${need} oak_planks, have ${planks}`);
      return this.outcome(true, { oak_planks: -need, stick: Math.ceil(count / 4) * 4 });
    }
    if (item === 'oak_planks') {
      const logs = this.inventory.get('oak_log') ?? 0;
      const need = Math.ceil(count / 4);
      if (logs < need) return this.outcome(false, {}, `need ${need} oak_log, have ${logs}`);
      return this.outcome(true, { oak_log: -need, oak_planks: need * 4 });
    }
    return this.outcome(false, {}, `cannot craft ${item} here`);
  }
  async smelt() {
    return this.outcome(true);
  }
  async equip() {
    return this.outcome(true);
  }
  async eat() {
    return this.outcome(true);
  }
  async drop() {
    return this.outcome(true);
  }
  async give() {
    return this.outcome(true);
  }
  async chestContents() {
    return { ...(await this.outcome(true)), items: [] };
  }
  async deposit() {
    return this.outcome(true);
  }
  async withdraw() {
    return this.outcome(true);
  }
  async attack() {
    return this.outcome(true);
  }
  async chat(text: string) {
    this.calls.push(`chat ${text}`);
    return this.outcome(true);
  }
  async whisper() {
    return this.outcome(true);
  }
  onEvent() {
    return () => {};
  }
}
