/** `ebpf-playground workloads`: lists the simulated kernel's workload presets (and its attach points). */
import { KERNEL_FUNCTIONS, TRACEPOINTS } from '../../bpf/kernel';
import { listWorkloads, WORKLOAD_PRESETS } from '../../bpf/kernel/presets';
import { type CliCommand, UsageError } from '../command';

const USAGE = `usage: ebpf-playground workloads [--json] [--show NAME | --points]

Lists the workload presets usable with \`run --workload-preset NAME\`.
  --show NAME   print the preset's workload text (a starting point for --workload FILE)
  --points      list the attach points instead: kernel functions (kprobe/kretprobe) with their
                prototypes, tracepoints with their record fields
  --json        machine-readable list: [{"name", "description", "statements"}]; with --points
                {"functions": [{"name", "prototype"}], "tracepoints": [{"name", "fields"}]}`;

/** The simulated kernel's attach points, as `--points` lists them. */
function attachPoints() {
  const functions = [...KERNEL_FUNCTIONS.values()].map((f) => ({
    name: f.name,
    prototype: `${f.ret} ${f.name}(${f.params.map((p) => `${p.type} ${p.name}`).join(', ')})`,
  }));
  const tracepoints = [...TRACEPOINTS.entries()].map(([name, tp]) => ({
    name,
    fields: tp.layout.members.filter((m) => !m.startsWith('common_')),
  }));
  return { functions, tracepoints };
}

export const workloadsCommand: CliCommand = {
  name: 'workloads',
  summary: 'list the simulated kernel workload presets',
  usage: USAGE,
  async run(args, io) {
    const json = args.includes('--json');
    const showAt = args.indexOf('--show');
    const known = ['--json', '--show', '--points'];
    const unknown = args.filter((a, i) => !known.includes(a) && i !== showAt + 1 && a.startsWith('-'));
    if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
    if (args.includes('--points')) {
      const points = attachPoints();
      if (json) io.out(JSON.stringify(points));
      else {
        for (const f of points.functions) io.out(`kprobe  ${f.prototype}`);
        for (const t of points.tracepoints) io.out(`tracepoint  ${t.name}  ${t.fields.join(' ')}`);
      }
      return 0;
    }
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
