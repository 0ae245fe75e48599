// The two exports of React's `scheduler` (0.27, the copy react-reconciler uses) that
// the key router needs; the package ships no types and @types/scheduler tracks 0.28.
declare module 'scheduler' {
  export const unstable_LowPriority: 4;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
