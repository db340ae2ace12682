/** A one-line progress bar on stderr, redrawn at most ten times a second; silent when not a TTY unless forced. */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly enabled = Boolean(process.stderr.isTTY) || process.env.PROGRESS === '1',
  ) {}

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const ratio = this.total ? Math.min(1, done / this.total) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? Math.round(done / elapsed) : 0;
    const eta = rate > 0 ? Math.round((this.total - done) / rate) : 0;
    process.stderr.write(
      `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ` +
        `${(ratio * 100).toFixed(1)}% ${rate}/s eta ${eta}s   `,
    );
    if (done >= this.total) process.stderr.write('\n');
  }
}
