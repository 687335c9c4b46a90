import path from 'node:path';
import { CatalogError, loadCatalogFrom } from '../lib/catalog/load';

try {
  const catalog = loadCatalogFrom(path.join(process.cwd(), 'data'));
  const count = (release: string) => catalog.changes.filter((c) => c.release === release).length;
  console.log(
    `catalog OK: ${catalog.changes.length} changes (1.24: ${count('1.24')}, 1.25: ${count('1.25')}), ` +
      `${catalog.removedApis.length} removed APIs`,
  );
} catch (error) {
  if (error instanceof CatalogError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
