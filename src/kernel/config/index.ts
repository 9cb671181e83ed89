export { type Config, settings } from './settings.ts';
export { loadConfig, describeConfig, settingNames, rawEnv, type Source } from './load-config.ts';
