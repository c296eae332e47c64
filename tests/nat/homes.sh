#!/usr/bin/env bash
# Two homes behind NAT routers, and an "internet" between them, in network namespaces (root):
#
#   <p>wan   bridge on 203.0.113.0/24 (a documentation range, public to the relay's rules):
#         treff-server 203.0.113.1, coturn 203.0.113.2
#   <p>r1    router: wan 203.0.113.11, home 192.168.1.1, NAT     <p>r2: 203.0.113.12, 192.168.2.1
#   <p>h1    home: 192.168.1.2, default via its router           <p>h2: 192.168.2.2
#
# homes.sh up <prefix> <nat>     nat: "plain" (masquerade: one public port per inside port, what
#                                most home routers do) or "random" (a new public port for every
#                                destination: only a relay crosses it)
# homes.sh down <prefix>         removes every namespace of <prefix> and what runs in them
#
# Pitfalls (../shared/TOOLCHAIN.md): the wan sends what it cannot reach to a gateway that silently
# drops it (coturn closes a whole allocation when one send to a private candidate fails, with
# "unreachable" or, from a blackhole route, "Invalid argument": the first attempt then dies and the
# call connects only after an ICE restart, 15 s later); routers drop unsolicited traffic to
# themselves and through them, as home routers do.
set -euo pipefail
cmd=$1 p=$2

down() {
  for ns in "${p}h1" "${p}h2" "${p}r1" "${p}r2" "${p}wan"; do
    if ip netns list | grep -qw "$ns"; then
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
      ip netns del "$ns" 2>/dev/null || true
    fi
  done
}

if [ "$cmd" = down ]; then down; exit 0; fi
nat=$3
down
trap 'down' ERR

ip netns add "${p}wan"
ip -n "${p}wan" link set lo up
ip -n "${p}wan" link add br0 type bridge
ip -n "${p}wan" link set br0 up
ip -n "${p}wan" addr add 203.0.113.1/24 dev br0
ip -n "${p}wan" addr add 203.0.113.2/24 dev br0
# The black-hole gateway: a neighbour nobody is, so what goes to a private address leaves quietly
# as on the internet (a "blackhole" route instead makes coturn's send fail with EINVAL).
ip -n "${p}wan" neigh add 203.0.113.254 lladdr 02:00:00:00:00:fe dev br0 nud permanent
ip -n "${p}wan" route add default via 203.0.113.254

for i in 1 2; do
  r="${p}r$i" h="${p}h$i"
  ip netns add "$r"
  ip netns add "$h"
  ip -n "$r" link set lo up
  ip -n "$h" link set lo up
  # router <-> internet
  ip link add "${p}w$i" type veth peer name wan netns "$r"
  ip link set "${p}w$i" netns "${p}wan"
  ip -n "${p}wan" link set "${p}w$i" master br0 up
  ip -n "$r" addr add "203.0.113.1$i/24" dev wan
  ip -n "$r" link set wan up
  ip -n "$r" route add blackhole default
  # router <-> home
  ip -n "$r" link add lan type veth peer name eth0 netns "$h"
  ip -n "$r" addr add "192.168.$i.1/24" dev lan
  ip -n "$r" link set lan up
  ip -n "$h" addr add "192.168.$i.2/24" dev eth0
  ip -n "$h" link set eth0 up
  ip -n "$h" route add default via "192.168.$i.1"
  ip netns exec "$r" sysctl -qw net.ipv4.ip_forward=1
  if [ "$nat" = random ]; then masq="masquerade fully-random"; else masq="masquerade"; fi
  ip netns exec "$r" nft -f - <<NFT
table inet home {
  chain input {
    type filter hook input priority 0; policy drop;
    ct state established,related accept
    iifname "lo" accept
    iifname "lan" accept
  }
  chain forward {
    type filter hook forward priority 0; policy drop;
    ct state established,related accept
    iifname "lan" oifname "wan" accept
  }
  chain postrouting {
    type nat hook postrouting priority 100;
    oifname "wan" $masq
  }
}
NFT
done
trap - ERR
