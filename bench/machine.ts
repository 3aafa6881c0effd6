/** The machine a figure was measured on, for the report: a number without it means little. */
import { cpus, totalmem, freemem } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineInfo {
  cpuModel: string;
  nproc: number;
  memTotalGiB: number;
  memFreeGiB: number;
  node: string;
  platform: string;
  /** 1/5/15-minute load averages when the size's run started and ended. */
  loadStart?: number[];
  loadEnd?: number[];
}

export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() is the best we have.
  }
  return {
    cpuModel,
    nproc: cpus().length,
    memTotalGiB: Math.round(totalmem() / 2 ** 30),
    memFreeGiB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
