import { environmentSwitch } from './environmentSwitch';

/**
 * CPU and wall time per stage of a command, printed on stderr when the environment variable
 * CRM_ANALYTICS_TIMINGS is set (to anything but '' or '0'): the benchmark reads the stages of the built CLI
 * this way, and a user can see where a slow run spends its time. Off, it measures nothing.
 * @example
 * const clock = stageClock(io.stderr);
 * read(); clock.lap('read');
 * clock.end(); // stderr: "timing read 0.310 s CPU 0.300 s wall\n…"
 */
export interface StageClock {
  lap(stage: string): void;
  end(): void;
}

const OFF: StageClock = { lap: () => undefined, end: () => undefined };

export function stageClock(write: (text: string) => void): StageClock {
  if (!environmentSwitch('CRM_ANALYTICS_TIMINGS')) return OFF;
  const now = (): [number, number] => {
    const usage = process.cpuUsage();
    return [(usage.user + usage.system) / 1e6, performance.now() / 1000];
  };
  const laps: [string, number, number][] = [];
  let [cpu, wall] = now();
  return {
    lap(stage) {
      const [nextCpu, nextWall] = now();
      laps.push([stage, nextCpu - cpu, nextWall - wall]);
      [cpu, wall] = [nextCpu, nextWall];
    },
    end() {
      for (const [stage, cpuSeconds, wallSeconds] of laps) {
        write(`timing ${stage} ${cpuSeconds.toFixed(3)} s CPU ${wallSeconds.toFixed(3)} s wall\n`);
      }
    },
  };
}
