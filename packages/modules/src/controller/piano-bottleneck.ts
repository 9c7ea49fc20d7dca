import type { BottleneckSpec } from '@sid/core';

/**
 * What the PIANO controller sees by default: who it is, what it pursues, how its actions are going,
 * what was said, and its surroundings — each cut to a size. Slots an agent lacks (e.g. when action
 * awareness is ablated) are simply absent from the view.
 */
export const pianoBottleneck: BottleneckSpec = {
  fields: [
    { slot: 'traits', label: 'Persona', path: 'persona', maxChars: 300 },
    { slot: 'traits', label: 'Role', path: 'role', maxChars: 60 },
    { slot: 'traits', label: 'Personality', path: 'bigFive', maxChars: 200 },
    { slot: 'goals', label: 'Goals', maxChars: 700 },
    { slot: 'plan', label: 'Plan', path: 'steps', maxItems: 12, take: 'oldest', maxChars: 1200 },
    { slot: 'actionAwareness', label: 'How my actions are going', maxChars: 500 },
    { slot: 'skillExecution', label: 'Current skill', path: 'status', maxChars: 40 },
    { slot: 'skillExecution', label: 'Skill', path: 'skill', maxChars: 60 },
    { slot: 'skillExecution', label: 'Skill target', path: 'target', maxChars: 60 },
    { slot: 'heardChat', label: 'Heard', maxItems: 4, maxChars: 600 },
    { slot: 'conversation', label: 'Conversation', maxChars: 300 },
    { slot: 'social', label: 'People', path: 'others', maxChars: 600 },
    { slot: 'workingMemory', label: 'Focus', maxChars: 400 },
    { slot: 'gameState', label: 'Inventory', path: 'inventory', maxChars: 500 },
    { slot: 'progress', label: 'Items obtained so far', path: 'firstObtainedAt', maxChars: 400 },
    { slot: 'environment', label: 'Nearby agents', path: 'nearbyAgents', maxItems: 5, take: 'oldest', maxChars: 300 },
  ],
  maxTotalChars: 5000,
};
