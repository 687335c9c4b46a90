import type { z } from 'zod';
import { AppError } from '../errors';

/** Validates input with a zod schema; the error names the first field at fault. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  throw new AppError('invalid-input', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`, field);
}
