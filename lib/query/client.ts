import { QueryClient } from '@tanstack/react-query';

/** The one QueryClient factory: sensible defaults for a dashboard whose data changes only when the user acts. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
