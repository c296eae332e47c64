// CPU time of a browser: its whole process tree, read from /proc (Linux).
import fs from 'node:fs';

// CPU time (s) of a process and all its descendants, from /proc.
const TICKS = 100;  // USER_HZ on Linux
export function treeCpu(root) {
  const parent = new Map(), ticks = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(f[1]));
      ticks.set(Number(entry), Number(f[11]) + Number(f[12]));
    } catch { /* gone meanwhile */ }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
      if (p === root) { total += t; break; }
    }
  }
  return total / TICKS;
}
