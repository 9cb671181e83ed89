export { authChannel, authenticateApiKey, authenticateSession, evictPrincipals, onAuthNotify, type Principal } from './authenticate.ts';
export { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';
export { clearRateLimit, hitRateLimit } from './rate-limit.ts';
export { allPermissions, can, type PermissionDef, permission, permissionsOf, type Role, registerPermissions, roles } from './roles.ts';
export * from './schema.ts';
export { randomToken, readSignedToken, safeEqual, sha256, signToken, verifyToken } from './tokens.ts';
