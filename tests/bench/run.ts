import { benchSamplingSpeed } from './sampling-speed.js';

/** `npm run bench`: every benchmark, one after another, printed as it goes. */
const benchmarks: [string, (log: (line: string) => void) => Promise<void>][] = [['sampling speed', benchSamplingSpeed]];

for (const [name, bench] of benchmarks) {
  console.log(`\n== ${name}`);
  await bench((line) => console.log(line));
}
