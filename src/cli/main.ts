/** `ebpf-playground <command> ...`: dispatches to src/cli/commands. */
import { type CliIo, processIo, UsageError } from './command';
import { COMMANDS } from './commands';

async function help(io: CliIo): Promise<void> {
  io.out('usage: ebpf-playground <command> [options]\n\ncommands:');
  for (const name of Object.keys(COMMANDS).sort()) {
    const cmd = await COMMANDS[name]!();
    io.out(`  ${name.padEnd(10)} ${cmd.summary}`);
  }
  io.out("\nRun `ebpf-playground <command> --help` for a command's options.");
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    await help(io);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    io.err(`ebpf-playground: unknown command '${name}'`);
    await help(io);
    return 2;
  }
  const cmd = await load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ebpf-playground ${name}: ${e.message}\n\n${cmd.usage}`);
      return 2;
    }
    throw e;
  }
}
