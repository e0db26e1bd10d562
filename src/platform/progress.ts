/**
 * A one-line progress bar on stderr for long start-up work (building the inventory). On a terminal
 * it redraws in place; otherwise it prints a line per phase and at every 10%, so logs stay short.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastPhase = '';
  let lastTenth = -1;
  return (done: number, total: number, phase: string): void => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const text = `${label} ${phase}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${seconds} s)`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      if (fraction === 1 && phase !== lastPhase) stream.write('\n');
    } else {
      const tenth = Math.floor(fraction * 10);
      if (phase !== lastPhase || tenth > lastTenth) stream.write(`${text}\n`);
      lastTenth = phase !== lastPhase ? tenth : Math.max(lastTenth, tenth);
    }
    if (fraction === 1) lastPhase = phase;
    else if (phase !== lastPhase && !stream.isTTY) lastPhase = phase;
  };
}
