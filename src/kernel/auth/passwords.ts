import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

// argon2id (the library's default algorithm), OWASP's second recommended setting.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);
export const verifyPassword = (hashed: string, password: string) => verify(hashed, password).catch(() => false);

/** A password rule users can act on: long enough beats clever. */
export function checkPasswordStrength(password: string, path = 'password') {
  if (password.length < 10) throw new AppError('validation_failed', 'Password must be at least 10 characters.', { path: [path] });
  if (password.length > 256) throw new AppError('validation_failed', 'Password must be at most 256 characters.', { path: [path] });
}
