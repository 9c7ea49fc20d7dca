/**
 * `npm run techtree -- <item> [count]`: prints the plan to obtain an item from nothing, then, as the
 * last line of stdout, a JSON object `{ item, tier, tierName, steps, plan }` where `steps` are the
 * items to obtain in order. Exit code 1 (with `{ item, error, code }`) when the item cannot be had.
 */
import { planObtain } from '../planner/plan-obtain.js';
import { TechTree } from '../techtree/tech-tree.js';
import { TIER_NAMES } from '../techtree/tiers.js';

function main(argv: string[]): number {
  const [item, countText] = argv;
  if (!item || item === '--help' || item === '-h') {
    process.stderr.write('usage: npm run techtree -- <item> [count]   e.g. npm run techtree -- iron_pickaxe\n');
    return item ? 0 : 2;
  }
  const count = countText === undefined ? 1 : Number(countText);
  const tree = TechTree.default();
  const plan = planObtain(tree, item, count);
  if (!plan.ok) {
    process.stderr.write(`${plan.reason}\n`);
    process.stdout.write(`${JSON.stringify({ item, error: plan.reason, code: plan.code })}\n`);
    return 1;
  }
  process.stdout.write(
    `${item} (x${count}): tier ${plan.tier} (${TIER_NAMES[plan.tier] ?? '?'}), minecraft ${tree.version}\n`,
  );
  for (const [i, step] of plan.steps.entries()) process.stdout.write(`  ${i + 1}. ${step.text}\n`);
  const summary = {
    item,
    tier: plan.tier,
    tierName: TIER_NAMES[plan.tier] ?? null,
    steps: plan.items,
    plan: plan.steps.map((s) => s.text),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
