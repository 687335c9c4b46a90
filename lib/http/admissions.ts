import { env } from '../env';
import { admission } from './admission';

/** Scans running on this instance (live or uploaded), each until its last byte is sent. */
export const activeScans = admission(() => env().RELEASE_LENS_MAX_ACTIVE_SCANS);

/** Report saves running on this instance. */
export const activeUploads = admission(() => env().RELEASE_LENS_MAX_ACTIVE_UPLOADS);
