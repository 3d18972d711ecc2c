// Countdowns and clocks: a component that calls this re-renders every second while it is shown.
import { useEffect, useState } from '../vendor/preact-htm.js';

/** Date.now(), fresh each second. */
export function useSecondTick() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
