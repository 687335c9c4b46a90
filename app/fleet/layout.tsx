import { Providers } from '../providers';

/** Interactive pages get the React Query client; the catalog pages stay server-only. */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <Providers>{children}</Providers>;
}
