// Parsing of the repository's YAML configuration files (temporal-dev.yml, temporal-cluster.yml) against
// a zod schema, with an error that names every bad key instead of failing later in a confusing way.
import { parse } from 'yaml';
import type { z } from 'zod';

export function parseYamlConfig<Schema extends z.ZodType>(schema: Schema, text: string, source: string): z.infer<Schema> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new Error(`${source} is invalid:\n${problems.join('\n')}`);
  }
  return result.data;
}
