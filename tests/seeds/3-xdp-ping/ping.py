#!/usr/bin/python3
# BCC XDP ping detector: reports every ICMP echo request arriving on the interface.
from bcc import BPF
import sys

device = "eth0"
b = BPF(src_file="ping.c")
fn = b.load_func("xdp", BPF.XDP)
b.attach_xdp(device, fn, 0)

try:
    b.trace_print()
except KeyboardInterrupt:
    pass

b.remove_xdp(device, 0)
