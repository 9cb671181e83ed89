export { roles, type Role, type PermissionDef, registerPermissions, permission, allPermissions, permissionsOf, can } from './roles.ts';
export { randomToken, sha256, safeEqual, signToken, verifyToken } from './tokens.ts';
export { hashPassword, verifyPassword, checkPasswordStrength } from './passwords.ts';
export { hitRateLimit, clearRateLimit } from './rate-limit.ts';
export { authenticateApiKey, authenticateSession, evictPrincipals, onAuthNotify, authChannel, type Principal } from './authenticate.ts';
export * from './schema.ts';
