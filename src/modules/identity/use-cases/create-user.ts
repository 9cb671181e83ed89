import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkPasswordStrength, hashPassword, users } from '../../../kernel/auth/index.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';

export const emailSchema = z
  .email('must be an email address like name@example.com')
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
}

/** A user account (no workspace yet). Emails are unique regardless of case. */
export async function createUser(db: Executor, input: CreateUserInput) {
  const email = emailSchema.parse(input.email);
  checkPasswordStrength(input.password);
  const [taken] = await rows(db, sql`select 1 from users where lower(email) = ${email}`);
  if (taken) throw new AppError('email_taken', `A user with the email ${email} already exists.`, { path: ['email'] });
  const [user] = await db
    .insert(users)
    .values({ email, name: input.name.trim() || email, passwordHash: await hashPassword(input.password) })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user!;
}
