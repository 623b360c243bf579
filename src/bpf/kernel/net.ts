/**
 * The network paths: transmit (__dev_queue_xmit, net:net_dev_queue; loopback frames come straight
 * back in) and receive (the XDP hook, __netif_receive_skb_core, net:netif_receive_skb, ip_rcv and
 * the protocol handler), each with the call chain a real kernel shows in its stacks.
 */
import { defaultLayer, type Layer } from '../inputs/packets';
import type { Gen } from './events';
import type { Kernel } from './kernel';
import { buildFrame, createSkb, type Device, type Frame, HOST_IP, isLoopback } from './netdev';

const RX_IRQ = ['asm_common_interrupt', 'common_interrupt', 'irq_exit_rcu', 'handle_softirqs', 'net_rx_action'];
const RX_ETH0 = [...RX_IRQ, '__napi_poll', 'virtnet_poll', 'napi_gro_receive', 'netif_receive_skb_list_internal'];
const RX_LO = ['handle_softirqs', 'net_rx_action', '__napi_poll', 'process_backlog', '__netif_receive_skb'];

export class NetPaths {
  private ipId = 1;

  constructor(
    private readonly k: Kernel,
    readonly lo: Device,
    readonly eth0: Device,
  ) {}

  deviceFor(ip: string): Device {
    return isLoopback(ip) ? this.lo : this.eth0;
  }

  /** Sends `frame` from socket `sk`; a loopback frame is then received on lo in the same context. */
  *transmit(f: Frame, sk: bigint, label: string): Gen {
    const k = this.k;
    const dev = this.deviceFor(f.dst);
    const bytes = buildFrame(dev, f, this.ipId++);
    const { skb, release } = createSkb(k, dev, bytes, false, sk);
    yield* k.within(['ip_output', 'ip_finish_output2'], function* () {
      yield* k.fn('__dev_queue_xmit', [skb.addr, 0n], `${dev.name} ${label}`, function* () {
        yield* k.trace('net:net_dev_queue', { skbaddr: skb.addr, len: bytes.length }, [skb.addr], `${dev.name} len=${bytes.length}`, { name: dev.name }); // prettier-ignore
        return 0n;
      });
    });
    release();
    if (dev === this.lo) yield* k.within(['loopback_xmit', '__netif_rx'], () => this.receive(dev, f, label));
  }

  /** A frame from the network arrives on eth0 in interrupt context at `at` ns from now, then `after` runs. */
  arrive(f: Frame, label: string, delayNs: bigint, after?: () => void): void {
    const dev = this.deviceFor(f.src);
    const frames = dev === this.lo ? [...RX_LO] : [...RX_ETH0];
    this.k.spawn(null, this.k.clock + delayNs, frames, this.receiveThen(dev, f, label, after));
  }

  private *receiveThen(dev: Device, f: Frame, label: string, after?: () => void): Gen {
    yield* this.receive(dev, f, label);
    after?.();
  }

  /**
   * An ICMP echo request to this host is answered inside icmp_rcv (icmp_echo → icmp_reply): the
   * reply goes out on the device that leads back, so on lo it is received right after, as the
   * kernel's loopback does. Returns icmp_rcv's body, or undefined for other frames.
   */
  private echoReply(f: Frame): (() => Gen<bigint>) | undefined {
    const icmp = f.l4[0];
    if (icmp?.kind !== 'icmp' || icmp.type !== 8 || (f.dst !== HOST_IP && !isLoopback(f.dst))) return undefined;
    const reply: Frame = { src: f.dst, dst: f.src, l4: icmpEcho(0, icmp.id, icmp.seq) };
    const k = this.k;
    const transmit = () => this.transmit(reply, 0n, `ICMP echo reply to ${f.src}`);
    return function* () {
      yield* k.within(['icmp_echo', 'icmp_reply'], transmit);
      return 0n;
    };
  }

  /** The receive path of one frame on `dev`. */
  *receive(dev: Device, f: Frame, label: string): Gen {
    const k = this.k;
    const bytes = buildFrame(dev, f, this.ipId++);
    yield k.op({ kind: 'packet', dev: dev.name, ifindex: dev.ifindex, frame: bytes }, `xdp ${dev.name} ${label}`);
    const { skb, release } = createSkb(k, dev, bytes, true);
    const rx = dev === this.lo ? [] : ['__netif_receive_skb_one_core'];
    const proto = f.l4[0]?.kind === 'icmp' ? 'icmp_rcv' : 'tcp_v4_rcv';
    const answer = this.echoReply(f);
    yield* k.within(rx, function* () {
      yield* k.fn('__netif_receive_skb_core', [skb.addr, 0n, 0n], `${dev.name} ${label}`, function* () {
        const len = bytes.length - 14;
        yield* k.trace('net:netif_receive_skb', { skbaddr: skb.addr, len }, [skb.addr], `${dev.name} len=${len}`, { name: dev.name }); // prettier-ignore
        return 0n;
      });
      const ipArgs = [skb.addr, dev.obj.addr, 0n, dev.obj.addr];
      yield* k.fn('ip_rcv', ipArgs, `${f.src} > ${f.dst}`, function* () {
        const deliver = ['ip_rcv_finish', 'ip_local_deliver', 'ip_local_deliver_finish', 'ip_protocol_deliver_rcu'];
        yield* k.within(deliver, () => k.fn(proto, [skb.addr], label, answer));
        return 0n;
      });
    });
    release();
  }
}

export const tcp = (srcPort: number, dstPort: number, flags: number, seq: number, payload = 0): Layer[] => {
  const layers: Layer[] = [{ ...defaultLayer('tcp'), srcPort, dstPort, flags, seq, ack: 1, window: 64240 }];
  if (payload > 0) layers.push({ kind: 'payload', hex: '61'.repeat(payload) });
  return layers;
};

export const icmpEcho = (type: 8 | 0, id: number, seq: number): Layer[] => [
  { ...defaultLayer('icmp'), type, code: 0, id, seq },
  { kind: 'payload', hex: '00'.repeat(56) },
];

export const TCP_FLAGS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;
