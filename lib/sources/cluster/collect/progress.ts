import 'server-only';
import type { ResourceKey } from '../../../model/resources';
import type { ScanPhase, ScanProgress } from '../../../model/scan';

export type ProgressListener = (progress: ScanProgress) => void;

/** Counts items and finished resources and reports them; a throwing listener cannot break the scan. */
export class ProgressTracker {
  private items = 0;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly listener?: ProgressListener,
  ) {}

  emit(phase: ScanPhase, resource?: ResourceKey): void {
    const report: ScanProgress = {
      phase,
      ...(resource ? { resource } : {}),
      itemsSoFar: this.items,
      resourcesDone: this.done,
      resourcesTotal: this.total,
    };
    try {
      this.listener?.(report);
    } catch {
      // Progress is advisory; a failing listener must not lose the scan.
    }
  }

  addItems(resource: ResourceKey, count: number): void {
    this.items += count;
    this.emit('listing', resource);
  }

  finish(resource: ResourceKey, phase: ScanPhase = 'listing'): void {
    this.done += 1;
    this.emit(phase, resource);
  }
}
