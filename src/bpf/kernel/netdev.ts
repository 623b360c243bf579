/**
 * Network objects: the two devices (lo and eth0, as kernel samples' tracex1 expects), sockets
 * (struct socket + inet_sock) and sk_buffs whose data is a real frame built by the packet
 * builder, laid out the way the receive path sees it (data past the MAC header).
 */
import { buildPacket, defaultLayer, type Layer, parseIpv4, parseMac } from '../inputs/packets';
import { htonl, htons, KObject } from './heap';
import type { Kernel } from './kernel';
import { KERNEL_STRUCTS } from './structs';

const S = (name: string) => KERNEL_STRUCTS.get(name);

export const HOST_IP = '10.0.0.1';
export const HOST_MAC = '52:54:00:12:34:56';
export const GATEWAY_MAC = '52:54:00:00:00:01';
const HEADROOM = 64;

export interface Device {
  readonly name: 'lo' | 'eth0';
  readonly ifindex: number;
  readonly obj: KObject;
}

export function createDevices(k: Kernel): { lo: Device; eth0: Device } {
  const make = (name: 'lo' | 'eth0', ifindex: number, mac: string, values: Record<string, number>): Device => {
    const addr = k.kmem.put(parseMac(mac));
    const obj = KObject.create(k.kmem, S('net_device'), { name, ifindex, addr_len: 6, dev_addr: addr, ...values });
    return { name, ifindex, obj: obj.set({ num_rx_queues: 1, num_tx_queues: 1, state: 6 }) };
  };
  return {
    // IFF_UP|IFF_LOOPBACK|IFF_RUNNING, ARPHRD_LOOPBACK; IFF_UP|IFF_BROADCAST|IFF_RUNNING|IFF_MULTICAST, ARPHRD_ETHER.
    lo: make('lo', 1, '00:00:00:00:00:00', { flags: 0x49, mtu: 65536, type: 772 }),
    eth0: make('eth0', 2, HOST_MAC, { flags: 0x1043, mtu: 1500, type: 1 }),
  };
}

/** IPv4 dotted quad → the __be32 value the kernel stores (as a little-endian u32 of network bytes). */
export function be32(ip: string): number {
  const b = parseIpv4(ip);
  return ((b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0) as number;
}

export const isLoopback = (ip: string): boolean => ip.startsWith('127.');

export interface SocketObjects {
  readonly socket: KObject;
  readonly sk: KObject;
}

/** struct socket + inet_sock for a new AF_INET socket of `type` (1 stream, 2 dgram) and protocol. */
export function createSocket(k: Kernel, type: number, protocol: number): SocketObjects {
  const sk = KObject.create(k.kmem, S('inet_sock'), {
    'sk.__sk_common.skc_family': 2,
    'sk.__sk_common.skc_state': 7, // TCP_CLOSE
    'sk.__sk_common.skc_cookie': k.clock,
    'sk.sk_type': type,
    'sk.sk_protocol': protocol,
    'sk.sk_rcvbuf': 131072,
    'sk.sk_sndbuf': 16384,
    uc_ttl: -1,
  });
  const socket = KObject.create(k.kmem, S('socket'), { type, sk: sk.addr });
  sk.set({ 'sk.sk_socket': socket.addr });
  return { socket, sk };
}

/** Sets the connection 4-tuple in sock_common/inet_sock (ports and addresses in network order). */
export function setTuple(sk: KObject, src: string, sport: number, dst: string, dport: number): void {
  sk.set({
    'sk.__sk_common.skc_daddr': be32(dst),
    'sk.__sk_common.skc_rcv_saddr': be32(src),
    'sk.__sk_common.skc_dport': htons(dport),
    'sk.__sk_common.skc_num': sport,
    inet_saddr: be32(src),
    inet_sport: htons(sport),
  });
}

export interface Frame {
  readonly src: string;
  readonly dst: string;
  /** The layers after IPv4: a tcp or icmp layer, optionally followed by a payload. */
  readonly l4: Layer[];
}

export function buildFrame(dev: Device, f: Frame, id: number): Uint8Array {
  const eth = { ...defaultLayer('ethernet'), src: dev.name === 'lo' ? '00:00:00:00:00:00' : GATEWAY_MAC };
  const ip = { ...defaultLayer('ipv4'), src: f.src, dst: f.dst, id: id & 0xffff };
  return buildPacket({ layers: [{ ...eth, dst: dev.name === 'lo' ? eth.src : HOST_MAC }, ip, ...f.l4] });
}

/**
 * An sk_buff holding `frame`: on receive `data` points past the Ethernet header (eth_type_trans
 * has run), on transmit at it. Returns the skb and a release function (kfree_skb).
 */
export function createSkb(k: Kernel, dev: Device, frame: Uint8Array, rx: boolean, sk = 0n) {
  const size = HEADROOM + frame.length;
  const head = k.kmem.alloc(size);
  k.kmem.writeBytes(head + BigInt(HEADROOM), frame);
  const data = rx ? HEADROOM + 14 : HEADROOM;
  const ihl = ((frame[14] ?? 0x45) & 0xf) * 4;
  const skb = KObject.create(k.kmem, S('sk_buff'), {
    dev: dev.obj.addr, sk, tstamp: k.clock, len: size - data, mac_len: 14, protocol: htons(0x0800),
    mac_header: HEADROOM, network_header: HEADROOM + 14, transport_header: HEADROOM + 14 + ihl,
    tail: size, end: size, head, data: head + BigInt(data), truesize: 768 + size, users: 1,
    skb_iif: rx ? dev.ifindex : 0, hash: htonl(frame.length * 2654435761),
  }); // prettier-ignore
  const release = () => {
    skb.free();
    k.kmem.release(head, size);
  };
  return { skb, release };
}
