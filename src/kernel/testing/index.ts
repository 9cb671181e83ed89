export { openTestDatabase, buildTemplate, testDatabaseUrl } from './test-database.ts';
export { createTestPlatform, caller, type Caller, type TestPlatform } from './test-platform.ts';
