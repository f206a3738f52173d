/** Expand file and directory arguments to .perf files, sorted. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function expandPaths(args: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === "node_modules" || name.startsWith(".")) continue;
        const child = join(p, name);
        if (statSync(child).isDirectory()) walk(child);
        else if (name.endsWith(".perf")) out.push(child);
      }
    } else out.push(p);
  };
  for (const a of args) walk(a);
  return out;
}
