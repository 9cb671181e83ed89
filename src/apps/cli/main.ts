import { Command } from 'commander';
import { adminCommands } from './admin-commands.ts';
import { exportCommands } from './export-commands.ts';
import { importCommand } from './import-command.ts';
import { serverCommands } from './server-commands.ts';

const program = new Command('tandem')
  .description('Tandem: sales & marketing on one database')
  .option('--data-dir <path>', 'embedded database folder (TANDEM_DATA_DIR)')
  .option('--database-url <url>', 'PostgreSQL URL (DATABASE_URL); unset = embedded PGlite')
  .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (TANDEM_LOG_LEVEL)')
  .showHelpAfterError();

serverCommands(program);
adminCommands(program);
exportCommands(program);
importCommand(program);

await program.parseAsync(process.argv);
