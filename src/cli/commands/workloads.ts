/** `ebpf-playground workloads`: lists the simulated kernel's workload presets. */
import { listWorkloads, WORKLOAD_PRESETS } from '../../bpf/kernel/presets';
import { type CliCommand, UsageError } from '../command';

const USAGE = `usage: ebpf-playground workloads [--json] [--show NAME]

Lists the workload presets usable with \`run --workload-preset NAME\`.
  --show NAME   print the preset's workload text (a starting point for --workload FILE)
  --json        machine-readable list: [{"name", "description", "statements"}]`;

export const workloadsCommand: CliCommand = {
  name: 'workloads',
  summary: 'list the simulated kernel workload presets',
  usage: USAGE,
  async run(args, io) {
    const json = args.includes('--json');
    const showAt = args.indexOf('--show');
    const unknown = args.filter((a, i) => a !== '--json' && a !== '--show' && i !== showAt + 1 && a.startsWith('-'));
    if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
    if (showAt >= 0) {
      const name = args[showAt + 1];
      if (name === undefined) throw new UsageError('--show needs a preset name');
      const preset = WORKLOAD_PRESETS.find((p) => p.name === name);
      if (!preset) {
        io.err(`no workload preset '${name}' (presets: ${WORKLOAD_PRESETS.map((p) => p.name).join(', ')})`);
        return 1;
      }
      io.out(preset.text);
      return 0;
    }
    const list = listWorkloads();
    if (json) {
      io.out(JSON.stringify(list));
      return 0;
    }
    const width = Math.max(...list.map((w) => w.name.length));
    for (const w of list) io.out(`${w.name.padEnd(width)}  ${w.description} (${w.statements} statements)`);
    return 0;
  },
};
