/**
 * Socket system calls over the network paths: socket(), TCP connect (tcp_v4_connect, tcp_connect,
 * the SYN and the peer's SYN-ACK), send (tcp_sendmsg, one segment per MSS, optional
 * retransmission), close (tcp_close and the FIN), ICMP echo with a ping socket, an incoming ping,
 * and listen/accept (inet_csk_accept) of a connection from a remote host.
 */
import type { Gen } from './events';
import { htons, KObject } from './heap';
import type { Task } from './kernel';
import { icmpEcho, tcp, TCP_FLAGS as F } from './net';
import { be32, createSocket, HOST_IP, isLoopback, setTuple } from './netdev';
import { KERNEL_STRUCTS } from './structs';
import { err, sys } from './syscalls';
import { installFd } from './tasks';
import type { World } from './world';

const ECONNREFUSED = 111;
const MSS = 1448;
const TCP = { ESTABLISHED: 1, SYN_SENT: 2, SYN_RECV: 3, FIN_WAIT1: 4, CLOSE: 7, LISTEN: 10 } as const;

interface Conn {
  sk: KObject;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  seq: number;
}
const conns = new WeakMap<Task, Map<number, Conn>>();

/** Round trip to `ip`: loopback is immediate, the LAN (10.x, 192.168.x) 0.4 ms, the Internet 20 ms. */
export const rttNs = (ip: string): bigint =>
  isLoopback(ip) ? 20_000n : /^(10|192\.168)\./.test(ip) ? 400_000n : 20_000_000n;

export function* socket(w: World, type: 1 | 2, protocol: number): Gen<{ fd: number; sk: KObject }> {
  const k = w.k;
  const task = k.task;
  let sk: KObject | null = null;
  const args = [2n, BigInt(type), BigInt(protocol)];
  const fd = yield* sys(k, 'socket', args, '__socket', `AF_INET type=${type} proto=${protocol}`, function* () {
    yield* k.within(['__sys_socket', 'inet_create'], function* () {});
    const objs = createSocket(k, type, protocol);
    sk = objs.sk;
    const file = w.vfs.socketFile(objs.socket.addr);
    objs.socket.set({ file: file.addr });
    return BigInt(installFd(k, task, file));
  });
  return { fd: Number(fd), sk: sk! };
}

/** Builds the sockaddr_in in user memory. */
function sockaddr(w: World, ip: string, port: number): bigint {
  const sa = KObject.create(w.k.umem, KERNEL_STRUCTS.get('sockaddr_in'), { sin_family: 2, sin_port: htons(port) });
  return sa.set({ 'sin_addr.s_addr': be32(ip) }).addr;
}

function* setState(w: World, c: Conn, from: number, to: number): Gen {
  c.sk.set({ 'sk.__sk_common.skc_state': to });
  const values = { skaddr: c.sk.addr, oldstate: from, newstate: to, sport: c.sport, dport: c.dport, family: 2, protocol: 6, saddr: ipBytes(c.src), daddr: ipBytes(c.dst) }; // prettier-ignore
  yield* w.k.trace('sock:inet_sock_set_state', values, [c.sk.addr, BigInt(from), BigInt(to)], `${from} → ${to}`);
}

const ipBytes = (ip: string) => Uint8Array.from(ip.split('.').map(Number));

export function* connect(w: World, fd: number, sk: KObject, ip: string, port: number): Gen<boolean> {
  const k = w.k;
  const task = k.task;
  const src = isLoopback(ip) ? '127.0.0.1' : HOST_IP;
  const c: Conn = { sk, src, sport: 40000 + (task.pid % 20000), dst: ip, dport: port, seq: 1000 };
  const uaddr = sockaddr(w, ip, port);
  const ret = yield* sys(k, 'connect', [BigInt(fd), uaddr, 16n], '__libc_connect', `${ip}:${port}`, function* () {
    // move_addr_to_kernel: the kernel works on its own copy of the address.
    const kaddr = k.kmem.put(k.umem.read(uaddr, 16));
    const chain = ['__sys_connect', 'inet_stream_connect', '__inet_stream_connect'];
    yield* k.within(chain, () => k.fn('tcp_v4_connect', [sk.addr, kaddr, 16n], `${ip}:${port}`, function* () {
      setTuple(sk, src, c.sport, ip, port);
      yield* setState(w, c, TCP.CLOSE, TCP.SYN_SENT);
      return yield* k.fn('tcp_connect', [sk.addr], `${ip}:${port}`, function* () {
        yield* w.net.transmit({ src, dst: ip, l4: tcp(c.sport, port, F.SYN, c.seq) }, sk.addr, `SYN ${ip}:${port}`);
        return 0n;
      });
    })); // prettier-ignore
    k.kmem.release(kaddr, 16);
    const synAck = { src: ip, dst: src, l4: tcp(port, c.sport, F.SYN | F.ACK, 5000) };
    w.net.arrive(synAck, `SYN-ACK from ${ip}:${port}`, rttNs(ip), () => k.wake(task));
    yield* k.block();
    yield* setState(w, c, TCP.SYN_SENT, TCP.ESTABLISHED);
    return 0n;
  });
  if (ret !== 0n) return false;
  const map = conns.get(task) ?? new Map<number, Conn>();
  conns.set(task, map.set(fd, c));
  return true;
}

/** send(fd, buf, bytes): tcp_sendmsg, segments, the peer's ACK; `retransmit` resends the first segment. */
export function* send(w: World, fd: number, bytes: number, retransmit: boolean): Gen {
  const k = w.k;
  const task = k.task;
  const c = conns.get(task)?.get(fd);
  const buf = k.umem.alloc(Math.min(bytes, 64 * 1024));
  const args = [BigInt(fd), buf, BigInt(bytes), 0n, 0n, 0n];
  yield* sys(k, 'sendto', args, '__libc_sendto', `fd=${fd} ${bytes} bytes`, function* () {
    if (!c) return err(ECONNREFUSED);
    const chain = ['__sys_sendto', 'sock_sendmsg', 'inet_sendmsg'];
    const label = `${c.dst}:${c.dport} ${bytes} bytes`;
    return yield* k.within(chain, () => k.fn('tcp_sendmsg', [c.sk.addr, 0n, BigInt(bytes)], label, function* () {
      yield* k.within(['__tcp_push_pending_frames', 'tcp_write_xmit', '__tcp_transmit_skb', 'ip_queue_xmit'], function* () {
        for (let off = 0; off < bytes; off += MSS) {
          const len = Math.min(MSS, bytes - off);
          yield* w.net.transmit({ src: c.src, dst: c.dst, l4: tcp(c.sport, c.dport, F.ACK | F.PSH, c.seq + off, len) }, c.sk.addr, `${len} bytes to ${c.dst}:${c.dport}`); // prettier-ignore
        }
      });
      return BigInt(bytes);
    })); // prettier-ignore
  });
  if (c && retransmit) yield* retransmitFirst(w, c, Math.min(MSS, bytes));
  if (c) c.seq += bytes;
  k.umem.release(buf, Math.min(bytes, 64 * 1024));
  if (c) {
    w.net.arrive({ src: c.dst, dst: c.src, l4: tcp(c.dport, c.sport, F.ACK, 5001) }, `ACK from ${c.dst}:${c.dport}`, rttNs(c.dst), () => k.wake(task)); // prettier-ignore
    yield* k.block();
  }
}

/** The retransmission timer fires (200 ms, the minimum RTO) and the first segment goes out again. */
function* retransmitFirst(w: World, c: Conn, len: number): Gen {
  const k = w.k;
  yield* k.sleep(200_000_000n);
  yield* k.within(['call_timer_fn', 'tcp_write_timer', 'tcp_retransmit_timer'], () =>
    k.fn('tcp_retransmit_skb', [c.sk.addr, 0n, 1n], `${c.dst}:${c.dport}`, function* () {
      const values = { skbaddr: 0n, skaddr: c.sk.addr, state: TCP.ESTABLISHED, sport: c.sport, dport: c.dport, family: 2, saddr: ipBytes(c.src), daddr: ipBytes(c.dst), err: 0 }; // prettier-ignore
      yield* k.trace('tcp:tcp_retransmit_skb', values, [c.sk.addr, 0n, 0n], `${c.dst}:${c.dport}`);
      yield* w.net.transmit({ src: c.src, dst: c.dst, l4: tcp(c.sport, c.dport, F.ACK | F.PSH, c.seq, len) }, c.sk.addr, `retransmit to ${c.dst}:${c.dport}`); // prettier-ignore
      return 0n;
    }),
  );
}

/** What close() does for a connected TCP socket: tcp_close and the FIN. */
export function tcpCloser(w: World, task: Task, fd: number) {
  const c = conns.get(task)?.get(fd);
  if (!c) return undefined;
  return function* (): Gen {
    yield* w.k.fn('tcp_close', [c.sk.addr, 0n], `${c.dst}:${c.dport}`, function* () {
      yield* setState(w, c, TCP.ESTABLISHED, TCP.FIN_WAIT1);
      yield* w.net.transmit({ src: c.src, dst: c.dst, l4: tcp(c.sport, c.dport, F.FIN | F.ACK, c.seq) }, c.sk.addr, `FIN ${c.dst}:${c.dport}`); // prettier-ignore
      return 0n;
    });
    conns.get(task)?.delete(fd);
  };
}

/** `count` echo requests from a ping socket to `ip`, one a second, each answered after the RTT. */
export function* ping(w: World, ip: string, count: number): Gen {
  const k = w.k;
  const task = k.task;
  const { fd, sk } = yield* socket(w, 2, 1);
  const src = isLoopback(ip) ? '127.0.0.1' : HOST_IP;
  const dest = sockaddr(w, ip, 0);
  const buf = k.umem.alloc(64);
  for (let seq = 1; seq <= count; seq++) {
    if (seq > 1) yield* k.sleep(1_000_000_000n);
    const args = [BigInt(fd), buf, 64n, 0n, dest, 16n];
    yield* sys(k, 'sendto', args, '__libc_sendto', `ICMP echo ${ip} seq=${seq}`, () =>
      k.within(['__sys_sendto', 'sock_sendmsg', 'inet_sendmsg'], () =>
        k.fn('ping_v4_sendmsg', [sk.addr, 0n, 64n], `${ip} seq=${seq}`, function* () {
          yield* w.net.transmit({ src, dst: ip, l4: icmpEcho(8, task.pid, seq) }, sk.addr, `ICMP echo request to ${ip}`); // prettier-ignore
          return 64n;
        }),
      ),
    );
    const reply = { src: ip, dst: src, l4: icmpEcho(0, task.pid, seq) };
    if (!isLoopback(ip)) w.net.arrive(reply, `ICMP echo reply from ${ip}`, rttNs(ip), () => k.wake(task));
    else w.k.wake(task);
    yield* sys(k, 'recvfrom', [BigInt(fd), buf, 64n, 0n, 0n, 0n], '__libc_recvfrom', `fd=${fd}`, function* () {
      if (!isLoopback(ip)) yield* k.block();
      return 64n;
    });
  }
}

/** `from` pings this host `count` times (frames on eth0; the kernel answers in icmp_rcv). */
export function incomingPing(w: World, from: string, count: number): void {
  for (let seq = 1; seq <= count; seq++) {
    const frame = { src: from, dst: HOST_IP, l4: icmpEcho(8, 0x4242, seq) };
    w.net.arrive(frame, `ICMP echo request from ${from}`, BigInt(seq - 1) * 1_000_000_000n + 1000n);
  }
}
