export { describeConfig, loadConfig, rawEnv, type Source, settingNames } from './load-config.ts';
export { type Config, settings } from './settings.ts';
