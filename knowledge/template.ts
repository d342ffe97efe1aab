/** A template with its {placeholders} replaced; a placeholder without a value stays as written. */
export const filled = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
