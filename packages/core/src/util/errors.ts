import type { z } from 'zod';

/** Formats zod issues as `path: message` lines, e.g. `agents.0.modules.1: unknown module`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string {
  return issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Base class of every error the SDK throws on purpose; `code` is stable for programs to branch on. */
export class SidError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SidError';
  }
}

/** A write to agent state failed validation; the slot keeps its old value. */
export class StateValidationError extends SidError {
  constructor(
    readonly slot: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super('state_validation', `invalid value for slot "${slot}":\n${formatIssues(issues, slot)}`);
    this.name = 'StateValidationError';
  }
}

/** A society config did not validate; `issues` carry zod paths. */
export class ConfigError extends SidError {
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super('config', message);
    this.name = 'ConfigError';
  }
}

/** A module touched a slot it did not declare in `reads` / `writes`. */
export class ModuleAccessError extends SidError {
  constructor(message: string) {
    super('module_access', message);
    this.name = 'ModuleAccessError';
  }
}
