/** Where CLI commands write; tests pass their own. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** colours and live progress only on a terminal */
  isTTY: boolean;
}

export const processIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY && !process.env.NO_COLOR,
};
