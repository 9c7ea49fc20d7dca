/**
 * Fills `{{name}}` placeholders from a values object. Prompts are plain templates so that users can
 * override any module's prompt with a string option; unknown placeholders are left visible on purpose.
 */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, key: string) => {
    const value = values[key];
    if (value === undefined) return match;
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
