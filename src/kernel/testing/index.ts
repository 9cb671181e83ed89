export { buildTemplate, openTestDatabase, testDatabaseUrl } from './test-database.ts';
export { type Caller, caller, createTestPlatform, type TestPlatform } from './test-platform.ts';
