import { buildTemplate } from './test-database.ts';

export default async function setup() {
  await buildTemplate();
}
