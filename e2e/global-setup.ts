import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Prepares the folder the app under test writes its report database to. */
export default function globalSetup(): void {
  mkdirSync(path.join(import.meta.dirname, '..', '.cache', 'e2e'), { recursive: true });
}
