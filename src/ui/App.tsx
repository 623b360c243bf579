import { INSTRUCTION_TABLE } from '../bpf/isa';

/** Placeholder shell until the playground page lands (issue 6): shows the ISA reference from the core. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>eBPF Playground</h1>
      <p>The editor and panels are being built. The instruction set the VM implements:</p>
      <table>
        <tbody>
          {INSTRUCTION_TABLE.map((s) => (
            <tr key={`${s.opcode}-${s.mnemonic}-${s.usesSrcReg}`}>
              <td>
                <code>0x{s.opcode.toString(16).padStart(2, '0')}</code>
              </td>
              <td>
                <code>{s.mnemonic}</code>
              </td>
              <td>v{s.version}</td>
              <td>{s.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
