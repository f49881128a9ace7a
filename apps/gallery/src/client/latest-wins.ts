/**
 * Runs `work` for the newest request only: while one run is in flight, later requests replace each
 * other and the last one runs next. Keeps live views (hover, drawing) responsive without a queue.
 */
export function latestWins<T>(work: (value: T) => Promise<void>, onError: (error: Error) => void): (value: T) => void {
  let pending: { value: T } | undefined;
  let running = false;
  const drain = async (): Promise<void> => {
    running = true;
    while (pending) {
      const { value } = pending;
      pending = undefined;
      try {
        await work(value);
      } catch (error) {
        onError(error as Error);
      }
    }
    running = false;
  };
  return (value) => {
    pending = { value };
    if (!running) void drain();
  };
}
