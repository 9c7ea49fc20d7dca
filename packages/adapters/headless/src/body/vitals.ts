import { EXHAUSTION, EXHAUSTION_PER_POINT, MAX_FOOD, MAX_HEALTH, VITALS_STEP_MS } from '../rules/food.js';

/**
 * Health, food, saturation and exhaustion, advanced lazily: instead of a per-tick loop over every
 * body, the 4-second regeneration/starvation steps since the last update are replayed whenever the
 * body is looked at or acts. The result depends only on clock times, so it is deterministic.
 */
export class Vitals {
  health = MAX_HEALTH;
  food = MAX_FOOD;
  saturation = 5;
  exhaustion = 0;
  /** Clock time up to which the steps have been applied. */
  at: number;

  constructor(
    now: number,
    private readonly hunger: boolean,
  ) {
    this.at = now;
  }

  /** Adds work exhaustion (ignored when hunger is off). */
  exert(amount: number): void {
    if (!this.hunger) return;
    this.exhaustion += amount;
    this.drain();
  }

  /** Applies every step up to `now`; calls `onStarve(at, health)` for each point of starvation damage. */
  advance(now: number, onStarve: (at: number, health: number) => void): void {
    if (!this.hunger) {
      this.at = Math.max(this.at, now);
      return;
    }
    while (this.at + VITALS_STEP_MS <= now) {
      this.at += VITALS_STEP_MS;
      this.exhaustion += (EXHAUSTION.perSecondIdle * VITALS_STEP_MS) / 1000;
      this.drain();
      if (this.food >= 18 && this.health < MAX_HEALTH) {
        this.health = Math.min(MAX_HEALTH, this.health + 1);
        this.exhaustion += EXHAUSTION.perHealthHealed;
        this.drain();
      } else if (this.food === 0 && this.health > 1) {
        // Normal difficulty: starvation stops at half a heart.
        this.health -= 1;
        onStarve(this.at, this.health);
      }
    }
  }

  /** Eats: food points and saturation (capped by the food level), as in Minecraft. */
  eat(points: number, saturation: number): void {
    this.food = Math.min(MAX_FOOD, this.food + points);
    this.saturation = Math.min(this.food, this.saturation + saturation);
  }

  /** Full health and food (respawn). */
  reset(now: number): void {
    this.health = MAX_HEALTH;
    this.food = MAX_FOOD;
    this.saturation = 5;
    this.exhaustion = 0;
    this.at = now;
  }

  private drain(): void {
    while (this.exhaustion >= EXHAUSTION_PER_POINT) {
      this.exhaustion -= EXHAUSTION_PER_POINT;
      if (this.saturation > 0) this.saturation = Math.max(0, this.saturation - 1);
      else this.food = Math.max(0, this.food - 1);
    }
  }
}
