/** Friendly validation errors: "file › field: expected …", in Dutch, one line per problem. */
import type { z } from 'zod';

/** Turn a path like ["pairs", 3, "answer"] into "pairs[3].answer". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(hele bestand)';
}

/** Format zod issues as lines "file › field: reason". */
export function formatIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file} › ${formatPath(issue.path)}: ${issue.message}`);
}

/** Validate `value` with `schema`; on failure, throw one Error whose message lists every problem. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(formatIssues(file, result.error).join('\n'));
}
